package dev.retention.experiment.analysis;

import dev.retention.experiment.stats.SampleRatio;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The analysis of an experiment: the sample-ratio check and every comparison.
 *
 * @param control     the control arm
 * @param arms        every arm, in the table's order
 * @param sampleRatio the sample-ratio-mismatch check over every arm
 * @param cupedTheta  the CUPED coefficient per metric, in the order of the metrics, when a covariate was given
 * @param comparisons every treated arm against the control on every metric: arms in label order, metrics in the
 *                    given order
 */
public record AnalysisReport(String control, List<String> arms, SampleRatio sampleRatio,
                             Optional<List<Double>> cupedTheta, List<Comparison> comparisons) {

    /**
     * Copies the lists.
     *
     * @param control the control arm
     * @param arms every arm, in the table's order
     * @param sampleRatio the sample-ratio-mismatch check over every arm
     * @param cupedTheta the CUPED coefficient per metric, in the order of the metrics, when a covariate was given
     * @param comparisons every treated arm against the control on every metric: arms in label order, metrics in the given order
     * @throws NullPointerException if a field is null
     */
    public AnalysisReport {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(sampleRatio, "sampleRatio");
        Objects.requireNonNull(cupedTheta, "cupedTheta");
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(sampleRatio).append('\n');
        sb.append(String.format(Locale.ROOT, "%-16s %-12s %10s %10s %10s %9s %10s %10s %s%n", "arm", "metric", "treated",
                "control", "difference", "statistic", "p", "p (Holm)", "interval"));
        for (Comparison c : comparisons) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }
}
