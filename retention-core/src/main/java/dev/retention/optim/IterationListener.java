package dev.retention.optim;

/**
 * Receives each iteration of an optimizer, for progress reports of long fits. Called on the
 * optimizing thread after the iteration's point is accepted; must be quick. An exception it throws (the
 * {@code CancellationException} of a cancelled fit) ends the minimization and reaches the caller.
 */
@FunctionalInterface
public interface IterationListener {

    /**
     * One accepted iteration.
     *
     * @param iteration    iterations done so far (1 for the first)
     * @param value        the objective at the new point
     * @param gradientNorm the largest absolute component of the (pseudo-)gradient at the new point; NaN for
     *                     derivative-free methods ({@link NelderMead})
     */
    void iteration(int iteration, double value, double gradientNorm);
}
