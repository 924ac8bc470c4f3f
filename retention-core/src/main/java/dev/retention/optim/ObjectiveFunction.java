package dev.retention.optim;

/** An objective known only by its values, for derivative-free methods such as {@link NelderMead}. */
@FunctionalInterface
public interface ObjectiveFunction {

    /**
     * The value at {@code x}.
     *
     * @param x read, not modified
     * @return the value; {@code +Infinity} or NaN outside the domain, treated as worse than any value
     */
    double value(double[] x);
}
