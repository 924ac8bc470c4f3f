package dev.retention.recsys.factorization;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A user's parameters in a fitted {@link SvdModel}: the bias {@code b_u} and the factor vector {@code p_u}, as
 * {@link SvdModel#userFactors(int)} gives them for a training user or {@link SvdModel#foldIn} computes them for a
 * new one. The array is copied in and out; equal by content.
 *
 * @param bias    {@code b_u}, finite (0 for an unbiased model)
 * @param factors {@code p_u}, finite
 */
@SuppressWarnings("ArrayRecordComponent")   // copied in and out, equals and hashCode by content
public record UserFactors(double bias, double[] factors) {

    /**
     * Checks and copies.
     *
     * @param bias    {@code b_u}, finite
     * @param factors {@code p_u}, finite; copied
     */
    public UserFactors {
        Objects.requireNonNull(factors, "factors");
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("bias must be finite, got " + bias);
        }
        factors = factors.clone();
        for (int k = 0; k < factors.length; k++) {
            if (!Double.isFinite(factors[k])) {
                throw new IllegalArgumentException("factors[" + k + "] must be finite, got " + factors[k]);
            }
        }
    }

    /** {@return {@code p_u}, a copy} */
    @Override
    public double[] factors() {
        return factors.clone();
    }

    /** {@return the bias and the first factors} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "UserFactors[bias %.4f, factors [", bias));
        for (int k = 0; k < Math.min(5, factors.length); k++) {
            sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", factors[k]));
        }
        return sb.append(factors.length > 5 ? ", ...]]" : "]]").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserFactors u && Double.compare(u.bias, bias) == 0 && Arrays.equals(u.factors, factors);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(bias) + Arrays.hashCode(factors);
    }
}
