package dev.retention.experiment.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The sample-ratio-mismatch check: Pearson's chi-square goodness-of-fit test of the arm counts against the
 * planned split ({@code scipy.stats.chisquare(counts, expected)}, {@code k - 1} degrees of freedom). A p-value
 * below {@value #ALARM} means the assignment or the logging is broken and the comparison should not be trusted
 * (Fabijan et al. 2019, "Diagnosing sample ratio mismatch in online controlled experiments", KDD).
 *
 * @param counts   units per arm
 * @param expected the expected units per arm under the planned split
 * @param chiSquare the statistic
 * @param pValue   its p-value
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record SampleRatio(long[] counts, double[] expected, double chiSquare, double pValue) {

    /** The p-value under which the mismatch is an alarm. */
    public static final double ALARM = 0.001;

    /**
     * Copies the arrays.
     *
     * @param counts    units per arm; copied
     * @param expected  expected units per arm; copied
     * @param chiSquare the statistic
     * @param pValue    its p-value
     */
    public SampleRatio {
        counts = counts.clone();
        expected = expected.clone();
    }

    /**
     * Tests the counts against the planned split.
     *
     * @param counts read: units per arm, at least two arms, each &gt;= 0, total &gt; 0
     * @param planned read: the planned share (or any positive weight) of each arm, as many as counts; {@code null}
     *                for an equal split
     * @return the test
     * @throws IllegalArgumentException if fewer than two arms, a count is negative, the total is 0, or a weight is
     *                                  not finite and &gt; 0
     */
    public static SampleRatio test(long[] counts, double[] planned) {
        Objects.requireNonNull(counts, "counts");
        int k = counts.length;
        if (k < 2) {
            throw new IllegalArgumentException("a sample-ratio check needs at least 2 arms, got " + k);
        }
        double[] w = planned == null ? filled(k) : planned.clone();
        if (w.length != k) {
            throw new IllegalArgumentException("planned has " + w.length + " weights for " + k + " arms");
        }
        double wsum = 0;
        long total = 0;
        for (int i = 0; i < k; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count " + i + " must be >= 0, got " + counts[i]);
            }
            if (!(w[i] > 0 && Double.isFinite(w[i]))) {
                throw new IllegalArgumentException("planned weight " + i + " must be finite and > 0, got " + w[i]);
            }
            wsum += w[i];
            total += counts[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("every arm has 0 units");
        }
        double[] e = new double[k];
        double chi = 0;
        for (int i = 0; i < k; i++) {
            e[i] = total * w[i] / wsum;
            double d = counts[i] - e[i];
            chi += d * d / e[i];
        }
        return new SampleRatio(counts, e, chi, Distributions.chiSquareSf(chi, k - 1));
    }

    private static double[] filled(int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1);
        return w;
    }

    /** {@return whether the p-value is below {@value #ALARM}} */
    public boolean alarm() {
        return pValue < ALARM;
    }

    /** {@return units per arm; a copy} */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** {@return the expected units per arm under the planned split; a copy} */
    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleRatio s && Arrays.equals(s.counts, counts) && Arrays.equals(s.expected, expected)
                && Double.compare(s.chiSquare, chiSquare) == 0 && Double.compare(s.pValue, pValue) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Double.hashCode(pValue);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sample ratio: counts %s, expected %s, chi-square %.4f, p %.4g%s",
                Arrays.toString(counts), Arrays.stream(expected).mapToObj(e -> String.format(Locale.ROOT, "%.1f", e))
                        .collect(java.util.stream.Collectors.joining(", ", "[", "]")), chiSquare, pValue,
                alarm() ? " -- MISMATCH: do not trust the comparison" : "");
    }
}
