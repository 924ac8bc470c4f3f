package dev.retention.experiment.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ExperimentAnalysis#compute} compares and how.
 *
 * @param control            the control arm's label
 * @param metrics            the outcomes, at least one
 * @param covariate          a pre-period covariate for CUPED, or empty for none
 * @param alpha              one minus the confidence level of every interval, in (0, 1); default 0.05
 * @param mannWhitney        whether continuous metrics also get the Mann-Whitney test; default false
 * @param bootstrapResamples resamples of the bootstrap interval of continuous metrics, 0 for none (default) or in
 *                           [100, 1,000,000]
 * @param seed               seed of the bootstrap; default 0
 * @param plannedSplit       the planned share of each arm in the order of the table's arms, for the sample-ratio
 *                           check; empty for an equal split (default)
 */
@SuppressWarnings("ArrayRecordComponent") // the array is copied in and out; equals, hashCode, toString by content
public record AnalysisOptions(String control, List<Metric> metrics, Optional<String> covariate, double alpha,
                              boolean mannWhitney, int bootstrapResamples, long seed, double[] plannedSplit) {

    /**
     * Checks the fields.
     *
     * @param control            the control arm's label, non-blank
     * @param metrics            the outcomes, at least one, each column once
     * @param covariate          the CUPED covariate or empty
     * @param alpha              in (0, 1)
     * @param mannWhitney        whether to add Mann-Whitney
     * @param bootstrapResamples 0 or in [100, 1,000,000]
     * @param seed               any value
     * @param plannedSplit       positive finite weights, or empty
     * @throws IllegalArgumentException if a field is out of range
     */
    public AnalysisOptions {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(covariate, "covariate");
        Objects.requireNonNull(plannedSplit, "plannedSplit");
        metrics = List.copyOf(metrics);
        plannedSplit = plannedSplit.clone();
        if (control.isBlank()) {
            throw new IllegalArgumentException("control must name the control arm, got '" + control + "'");
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must hold at least one metric, got none");
        }
        for (int i = 0; i < metrics.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (metrics.get(i).column().equals(metrics.get(j).column())) {
                    throw new IllegalArgumentException("metric '" + metrics.get(i).column() + "' is given twice");
                }
            }
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (bootstrapResamples != 0 && (bootstrapResamples < 100 || bootstrapResamples > 1_000_000)) {
            throw new IllegalArgumentException("bootstrapResamples must be 0 or in [100, 1000000], got "
                    + bootstrapResamples);
        }
        for (double w : plannedSplit) {
            if (!(w > 0 && Double.isFinite(w))) {
                throw new IllegalArgumentException("plannedSplit weights must be finite and > 0, got "
                        + Arrays.toString(plannedSplit));
            }
        }
    }

    /**
     * {@return options with alpha 0.05, no covariate, no Mann-Whitney, no bootstrap, seed 0 and an equal split}
     *
     * @param control the control arm's label
     * @param metrics the outcomes
     */
    public static AnalysisOptions of(String control, List<Metric> metrics) {
        return new AnalysisOptions(control, metrics, Optional.empty(), 0.05, false, 0, 0, new double[0]);
    }

    /**
     * {@return a copy with another covariate}
     *
     * @param covariate the covariate column, or null for none
     */
    public AnalysisOptions withCovariate(String covariate) {
        return new AnalysisOptions(control, metrics, Optional.ofNullable(covariate), alpha, mannWhitney,
                bootstrapResamples, seed, plannedSplit);
    }

    /**
     * {@return a copy with another alpha}
     *
     * @param alpha in (0, 1)
     */
    public AnalysisOptions withAlpha(double alpha) {
        return new AnalysisOptions(control, metrics, covariate, alpha, mannWhitney, bootstrapResamples, seed,
                plannedSplit);
    }

    /**
     * {@return a copy with or without the Mann-Whitney test}
     *
     * @param mannWhitney whether to add it
     */
    public AnalysisOptions withMannWhitney(boolean mannWhitney) {
        return new AnalysisOptions(control, metrics, covariate, alpha, mannWhitney, bootstrapResamples, seed,
                plannedSplit);
    }

    /**
     * {@return a copy with another number of bootstrap resamples}
     *
     * @param bootstrapResamples 0 or in [100, 1,000,000]
     */
    public AnalysisOptions withBootstrapResamples(int bootstrapResamples) {
        return new AnalysisOptions(control, metrics, covariate, alpha, mannWhitney, bootstrapResamples, seed,
                plannedSplit);
    }

    /**
     * {@return a copy with another seed}
     *
     * @param seed the bootstrap's seed
     */
    public AnalysisOptions withSeed(long seed) {
        return new AnalysisOptions(control, metrics, covariate, alpha, mannWhitney, bootstrapResamples, seed,
                plannedSplit);
    }

    /**
     * {@return a copy with another planned split}
     *
     * @param plannedSplit weights per arm in the table's arm order, or empty for equal
     */
    public AnalysisOptions withPlannedSplit(double[] plannedSplit) {
        return new AnalysisOptions(control, metrics, covariate, alpha, mannWhitney, bootstrapResamples, seed,
                plannedSplit);
    }

    /** {@return the planned share of each arm in the order of the table's arms, for the sample-ratio check; empty for an equal split (default); a copy} */
    @Override
    public double[] plannedSplit() {
        return plannedSplit.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnalysisOptions a && a.control.equals(control) && a.metrics.equals(metrics)
                && a.covariate.equals(covariate) && Double.compare(a.alpha, alpha) == 0 && a.mannWhitney == mannWhitney
                && a.bootstrapResamples == bootstrapResamples && a.seed == seed
                && Arrays.equals(a.plannedSplit, plannedSplit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(control, metrics, covariate, alpha, mannWhitney, bootstrapResamples, seed,
                Arrays.hashCode(plannedSplit));
    }

    @Override
    public String toString() {
        return "AnalysisOptions[control=" + control + ", metrics=" + metrics + ", covariate=" + covariate.orElse("none")
                + ", alpha=" + alpha + ", mannWhitney=" + mannWhitney + ", bootstrapResamples=" + bootstrapResamples
                + ", seed=" + seed + ", plannedSplit=" + (plannedSplit.length == 0 ? "equal"
                : Arrays.toString(plannedSplit)) + "]";
    }
}
