package dev.retention.recsys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What the fit of a rating model did: the algorithm, its options, what it chose and why, its
 * iterations with the objective after each, whether it converged, and how long it took. Immutable;
 * carried by every {@link RatingModel} ({@link RatingModel#fitSummary()}), saved in its model file and
 * printed by its {@code toString()}.
 *
 * <p>{@code converged} is whether the fit met its stopping test. Closed-form fits (the neighbourhood
 * models, Slope One, {@code NormalPredictor}) and PureSVD's randomized SVD (a fixed number of power
 * iterations, Halko et al. 2011) have none to miss and report {@code true}. The iterative baselines run
 * a fixed number of epochs, as Surprise does; their summary reports whether that number was enough:
 * converged when the objective fell by at most {@value #RELATIVE_TOLERANCE} of its value over the last
 * epoch.
 *
 * @param algorithm  the algorithm, such as {@code "KNNWithMeans"}
 * @param options    the options, as readable text
 * @param details    what the fit chose and why (for a neighbourhood model: the similarity, and whether
 *                   it is held as a full matrix or a pruned top-k index, and why); may be empty
 * @param iterations epochs or passes of the iterative part, 0 for a closed-form fit
 * @param converged  whether the stopping test was met (see above)
 * @param objective  the objective after each iteration (empty when there are none); copied
 * @param seconds    wall time of the fit; 0 for a model made otherwise
 */
public record FitSummary(String algorithm, String options, String details, int iterations, boolean converged,
                         double[] objective, double seconds) {

    /** Largest relative decrease of the objective over the last epoch for an iterative fit to count as converged. */
    public static final double RELATIVE_TOLERANCE = 1e-4;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code iterations} or {@code seconds} is negative or not
     *                                  finite, or the objective history is longer than the iterations
     */
    public FitSummary {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(objective, "objective");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (objective.length > iterations) {
            throw new IllegalArgumentException("objective must hold at most one value per iteration (" + iterations
                    + "), got " + objective.length);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and >= 0, got " + seconds);
        }
        objective = objective.clone();
    }

    /**
     * The summary of a fit without iterations.
     *
     * @param algorithm algorithm name
     * @param options   options as text
     * @param details   what the fit chose and why; may be empty
     * @param seconds   wall time of the fit
     */
    public static FitSummary closedForm(String algorithm, String options, String details, double seconds) {
        return new FitSummary(algorithm, options, details, 0, true, new double[0], seconds);
    }

    /**
     * Whether an objective history meets the convergence test of the iterative fits: its last value is
     * below the one before by at most {@link #RELATIVE_TOLERANCE} of it (a history of one value cannot
     * tell, and does not count as converged).
     *
     * @param objective read
     */
    public static boolean settled(double[] objective) {
        int n = objective.length;
        if (n < 2) {
            return false;
        }
        double before = objective[n - 2];
        double last = objective[n - 1];
        return Math.abs(before - last) <= RELATIVE_TOLERANCE * Math.abs(before);
    }

    /** The objective after each iteration; a copy. */
    @Override
    public double[] objective() {
        return objective.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitSummary s && s.algorithm.equals(algorithm) && s.options.equals(options)
                && s.details.equals(details) && s.iterations == iterations && s.converged == converged
                && Arrays.equals(s.objective, objective) && Double.compare(s.seconds, seconds) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, options, details, iterations, converged, Arrays.hashCode(objective), seconds);
    }

    /** A few lines: algorithm, outcome and time; options; details; the objective per iteration. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String outcome = iterations == 0 ? "closed form"
                : String.format(Locale.ROOT, "%d iterations, %s", iterations, converged ? "converged"
                : "NOT converged (objective still falling by more than " + RELATIVE_TOLERANCE + " per epoch)");
        sb.append(String.format(Locale.ROOT, "fit: %s, %s, %.3f s%n", algorithm, outcome, seconds));
        sb.append("  options: ").append(options).append(System.lineSeparator());
        if (!details.isEmpty()) {
            sb.append("  ").append(details).append(System.lineSeparator());
        }
        if (objective.length > 0) {
            sb.append("  objective per iteration:");
            for (double v : objective) {
                sb.append(String.format(Locale.ROOT, " %.6g", v));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
