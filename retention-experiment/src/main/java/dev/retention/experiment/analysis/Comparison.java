package dev.retention.experiment.analysis;

import dev.retention.experiment.stats.Interval;
import dev.retention.experiment.stats.RankTest;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One treated arm against the control on one metric.
 *
 * @param arm               the treated arm
 * @param metric            the metric
 * @param treated           the treated rate or mean (CUPED-adjusted with a covariate)
 * @param control           the control rate or mean (CUPED-adjusted with a covariate)
 * @param difference        treated minus control
 * @param relativeLift      {@code treated / control - 1} of the unadjusted values; empty when control is 0
 * @param relativeInterval  its delta-method interval; empty when control is 0
 * @param statistic         z (two proportions) or Welch's t
 * @param df                Welch-Satterthwaite degrees of freedom; empty for z
 * @param pValue            the two-sided p-value
 * @param pValueHolm        Holm-adjusted over every comparison of the report
 * @param pValueBonferroni  Bonferroni-adjusted over every comparison of the report
 * @param interval          the interval of the difference: Wald for proportions, Welch's t otherwise
 * @param newcombe          Newcombe's interval of a difference of proportions; empty otherwise
 * @param mannWhitney       the Mann-Whitney test of a continuous metric, when asked for
 * @param bootstrap         the bootstrap interval of a continuous metric's difference, when asked for
 * @param varianceReduction with a covariate, {@code 1 - var(adjusted) / var(raw)} of the pooled outcome
 * @param method            the test, in words
 */
public record Comparison(String arm, Metric metric, double treated, double control, double difference,
                         OptionalDouble relativeLift, Optional<Interval> relativeInterval, double statistic,
                         OptionalDouble df, double pValue, double pValueHolm, double pValueBonferroni, Interval interval,
                         Optional<Interval> newcombe, Optional<RankTest> mannWhitney, Optional<Interval> bootstrap,
                         OptionalDouble varianceReduction, String method) {

    /**
     * Checks that nothing is missing.
     *
     * @param arm the treated arm
     * @param metric the metric
     * @param treated the treated rate or mean (CUPED-adjusted with a covariate)
     * @param control the control rate or mean (CUPED-adjusted with a covariate)
     * @param difference treated minus control
     * @param relativeLift {@code treated / control - 1} of the unadjusted values; empty when control is 0
     * @param relativeInterval its delta-method interval; empty when control is 0
     * @param statistic z (two proportions) or Welch's t
     * @param df Welch-Satterthwaite degrees of freedom; empty for z
     * @param pValue the two-sided p-value
     * @param pValueHolm Holm-adjusted over every comparison of the report
     * @param pValueBonferroni Bonferroni-adjusted over every comparison of the report
     * @param interval the interval of the difference: Wald for proportions, Welch's t otherwise
     * @param newcombe Newcombe's interval of a difference of proportions; empty otherwise
     * @param mannWhitney the Mann-Whitney test of a continuous metric, when asked for
     * @param bootstrap the bootstrap interval of a continuous metric's difference, when asked for
     * @param varianceReduction with a covariate, {@code 1 - var(adjusted) / var(raw)} of the pooled outcome
     * @param method the test, in words
     * @throws NullPointerException if a field is null
     */
    public Comparison {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(relativeLift, "relativeLift");
        Objects.requireNonNull(relativeInterval, "relativeInterval");
        Objects.requireNonNull(df, "df");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(newcombe, "newcombe");
        Objects.requireNonNull(mannWhitney, "mannWhitney");
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(varianceReduction, "varianceReduction");
        Objects.requireNonNull(method, "method");
    }

    Comparison withAdjusted(double holm, double bonferroni) {
        return new Comparison(arm, metric, treated, control, difference, relativeLift, relativeInterval, statistic, df,
                pValue, holm, bonferroni, interval, newcombe, mannWhitney, bootstrap, varianceReduction, method);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-16s %-12s %10.6f %10.6f %10.6f %9.3f %10.3g %10.3g [%.6f, %.6f] %s", arm,
                metric.column(), treated, control, difference, statistic, pValue, pValueHolm, interval.low(),
                interval.high(), method);
    }
}
