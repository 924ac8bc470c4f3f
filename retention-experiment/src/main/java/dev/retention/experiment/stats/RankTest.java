package dev.retention.experiment.stats;

import java.util.Locale;

/**
 * The Mann-Whitney U test of two samples. See {@link TwoSampleTests#mannWhitney}.
 *
 * @param u      the U statistic of the treated sample ({@code R_1 - n_1 (n_1 + 1) / 2})
 * @param z      the normal statistic, tie-corrected, with continuity correction
 * @param pValue the two-sided asymptotic p-value
 */
public record RankTest(double u, double z, double pValue) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Mann-Whitney U %.1f, z %.3f, p %.3g", u, z, pValue);
    }
}
