package dev.retention.experiment.sequential;

import java.util.Arrays;
import java.util.Locale;

/**
 * Two-sided group-sequential boundaries: stop at look {@code k} when {@code |Z_k| >= z[k]}.
 *
 * @param spending     the spending function
 * @param alpha        the two-sided level of the whole test
 * @param information  the information fraction of each look, increasing, the last 1
 * @param z            the boundary of each look
 * @param nominalP     the two-sided nominal p-value of each boundary, {@code 2 (1 - Phi(z))}
 * @param alphaSpent   the cumulative two-sided error spent by each look
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record Boundaries(Spending spending, double alpha, double[] information, double[] z, double[] nominalP,
                         double[] alphaSpent) {

    /**
     * Copies the arrays.
     *
     * @param spending    the spending function
     * @param alpha       the level
     * @param information fractions; copied
     * @param z           boundaries; copied
     * @param nominalP    nominal p-values; copied
     * @param alphaSpent  cumulative error; copied
     */
    public Boundaries {
        information = information.clone();
        z = z.clone();
        nominalP = nominalP.clone();
        alphaSpent = alphaSpent.clone();
    }

    /** {@return the information fraction of each look, increasing, the last 1; a copy} */
    @Override
    public double[] information() {
        return information.clone();
    }

    /** {@return the boundary of each look; a copy} */
    @Override
    public double[] z() {
        return z.clone();
    }

    /** {@return the two-sided nominal p-value of each boundary, {@code 2 (1 - Phi(z))}; a copy} */
    @Override
    public double[] nominalP() {
        return nominalP.clone();
    }

    /** {@return the cumulative two-sided error spent by each look; a copy} */
    @Override
    public double[] alphaSpent() {
        return alphaSpent.clone();
    }

    /**
     * {@return the first look (0-based) whose statistic crosses its boundary, or -1}
     *
     * @param statistics the z statistic observed at each look so far (at most as many as looks)
     * @throws IllegalArgumentException if there are more statistics than looks or one is NaN
     */
    public int firstCrossing(double[] statistics) {
        if (statistics.length > z.length) {
            throw new IllegalArgumentException(statistics.length + " statistics for " + z.length + " looks");
        }
        for (int k = 0; k < statistics.length; k++) {
            if (Double.isNaN(statistics[k])) {
                throw new IllegalArgumentException("statistic " + k + " is NaN");
            }
            if (Math.abs(statistics[k]) >= z[k]) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Boundaries b && b.spending == spending && Double.compare(b.alpha, alpha) == 0
                && Arrays.equals(b.information, information) && Arrays.equals(b.z, z);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(z) + spending.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s spending, two-sided alpha %.4g%n%4s %11s %9s "
                + "%12s %12s%n", spending, alpha, "look", "information", "boundary", "nominal p", "alpha spent"));
        for (int k = 0; k < z.length; k++) {
            sb.append(String.format(Locale.ROOT, "%4d %11.4f %9.4f %12.4g %12.4g%n", k + 1, information[k], z[k],
                    nominalP[k], alphaSpent[k]));
        }
        return sb.toString();
    }
}
