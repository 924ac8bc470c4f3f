package dev.retention.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How an iterative clustering fit went: the algorithm, the number of iterations (or steps) run,
 * whether a convergence rule fired before the iteration limit, and the objective after each
 * iteration. Not converging is reported here ({@code converged() == false}), never thrown. Immutable.
 */
public final class FitSummary {

    private final String algorithm;
    private final int iterations;
    private final boolean converged;
    private final double[] objectiveHistory;

    /**
     * @param algorithm        a short name such as {@code "kmeans (hamerly)"}
     * @param iterations       iterations run, at least 0
     * @param converged        whether a convergence rule fired
     * @param objectiveHistory the objective after each iteration; read, copied
     */
    public FitSummary(String algorithm, int iterations, boolean converged, double[] objectiveHistory) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        this.iterations = iterations;
        this.converged = converged;
        this.objectiveHistory = objectiveHistory.clone();
    }

    /** The algorithm's name. */
    public String algorithm() {
        return algorithm;
    }

    /** Iterations (or mini-batch steps) run. */
    public int iterations() {
        return iterations;
    }

    /** Whether a convergence rule fired before the iteration limit. */
    public boolean converged() {
        return converged;
    }

    /** The objective after each iteration (for k-means the inertia of each assignment); a copy. */
    public double[] objectiveHistory() {
        return objectiveHistory.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitSummary f && algorithm.equals(f.algorithm) && iterations == f.iterations
                && converged == f.converged && Arrays.equals(objectiveHistory, f.objectiveHistory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, iterations, converged, Arrays.hashCode(objectiveHistory));
    }

    /** One line: algorithm, iterations, converged, first and last objective. */
    @Override
    public String toString() {
        String objective = objectiveHistory.length == 0 ? ""
                : String.format(Locale.ROOT, ", objective %.6g -> %.6g", objectiveHistory[0],
                objectiveHistory[objectiveHistory.length - 1]);
        return String.format(Locale.ROOT, "%s: %d iterations, %s%s", algorithm, iterations,
                converged ? "converged" : "not converged", objective);
    }
}
