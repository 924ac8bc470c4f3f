package dev.retention.recsys.factorization;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.internal.ImplFactorization;
import dev.retention.recsys.internal.ModelSections;

import java.util.Arrays;
import java.util.Objects;

/**
 * The parameters the factor models share: biases, user and item factors (row-major, {@code f} per row) and
 * the number of training ratings of every user and item (zero: unknown, whose factors and bias are zero).
 * Immutable once built; package-private, the models hand out copies.
 */
final class FactorParameters {

    final int f;
    final double[] bu;
    final double[] bi;
    final double[] pu;
    final double[] qi;
    final int[] userCounts;
    final int[] itemCounts;

    FactorParameters(int f, double[] bu, double[] bi, double[] pu, double[] qi, int[] userCounts, int[] itemCounts) {
        this.f = f;
        this.bu = bu;
        this.bi = bi;
        this.pu = pu;
        this.qi = qi;
        this.userCounts = userCounts;
        this.itemCounts = itemCounts;
    }

    boolean knowsUser(int u) {
        return u >= 0 && u < userCounts.length && userCounts[u] > 0;
    }

    boolean knowsItem(int i) {
        return i >= 0 && i < itemCounts.length && itemCounts[i] > 0;
    }

    /** {@code b_u + b_i + q_i.p_u} over what is known (Surprise's rule: unknown parts are zero). */
    double biasesAndDot(int u, int i, double[] userVector, int userOffset) {
        boolean ku = knowsUser(u);
        boolean ki = knowsItem(i);
        double e = (ku ? bu[u] : 0) + (ki ? bi[i] : 0);
        if (ku && ki) {
            e += ImplFactorization.dot(qi, i * f, userVector, userOffset, f);
        }
        return e;
    }

    void writeTo(ModelFile.Writer file) {
        file.putDoubles("user_biases", bu).putDoubles("item_biases", bi).putDoubles("user_factors", pu)
                .putDoubles("item_factors", qi).putInts("user_ratings", userCounts).putInts("item_ratings", itemCounts);
    }

    static FactorParameters readFrom(ModelFile file, int f, int users, int items) throws ModelFormatException {
        double[] bu = ModelSections.finiteDoubles(file, "user_biases", users);
        double[] bi = ModelSections.finiteDoubles(file, "item_biases", items);
        double[] pu = ModelSections.finiteDoubles(file, "user_factors", (long) users * f);
        double[] qi = ModelSections.finiteDoubles(file, "item_factors", (long) items * f);
        int[] uc = counts(file, "user_ratings", users);
        int[] ic = counts(file, "item_ratings", items);
        return new FactorParameters(f, bu, bi, pu, qi, uc, ic);
    }

    /**
     * Throws unless every estimate {@code mu + b_u + b_i + q_i.(p_u + extra_u)} is finite: the worst case
     * {@code |mu| + max|b_u| + max|b_i| + f max|q_i| (max|p_u| + max|extra_u|)}.
     */
    void requireFiniteEstimates(ModelFile file, double mu, double extraMaxAbs) throws ModelFormatException {
        ModelSections.requireFiniteEstimates(file, "biases and factors", Math.abs(mu) + ModelSections.maxAbs(bu)
                + ModelSections.maxAbs(bi) + f * ModelSections.maxAbs(qi) * (ModelSections.maxAbs(pu) + extraMaxAbs));
    }

    private static int[] counts(ModelFile file, String section, int length) throws ModelFormatException {
        int[] c = file.ints(section);
        ModelSections.requireLength(file, section, c.length, length);
        for (int p = 0; p < c.length; p++) {
            if (c[p] < 0) {
                throw new ModelFormatException(file.source() + ": section '" + section + "' holds " + c[p]
                        + " at position " + p + ", expected counts >= 0");
            }
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactorParameters p && p.f == f && Arrays.equals(p.bu, bu) && Arrays.equals(p.bi, bi)
                && Arrays.equals(p.pu, pu) && Arrays.equals(p.qi, qi) && Arrays.equals(p.userCounts, userCounts)
                && Arrays.equals(p.itemCounts, itemCounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(f, Arrays.hashCode(bu), Arrays.hashCode(bi), Arrays.hashCode(qi));
    }
}
