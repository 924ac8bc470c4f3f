package dev.retention.churn.internal;

/**
 * The linear score {@code x . w + b} of the linear models, never NaN or infinite: when the plain sum overflows
 * (coefficients or features near {@code Double.MAX_VALUE}, as in a hand-edited model file, where {@code Infinity -
 * Infinity} would give NaN), its sign is found again with every term scaled by a power of two (exact) and the score
 * is {@code +-Double.MAX_VALUE}, which the sigmoid maps to 1 or 0. O(p).
 */
public final class LinearScore {

    private LinearScore() {
    }

    /**
     * {@return {@code x . w + b}, clamped to {@code [-Double.MAX_VALUE, Double.MAX_VALUE]} when it overflows}
     *
     * @param w read: finite coefficients
     * @param b a finite intercept
     * @param x read: finite features, as many as {@code w}
     */
    public static double of(double[] w, double b, double[] x) {
        double z = b;
        for (int j = 0; j < w.length; j++) {
            z += w[j] * x[j];
        }
        if (Double.isFinite(z)) {
            return z;
        }
        double maxW = Math.abs(b);
        double maxX = 1;
        for (int j = 0; j < w.length; j++) {
            maxW = Math.max(maxW, Math.abs(w[j]));
            maxX = Math.max(maxX, Math.abs(x[j]));
        }
        int ew = Math.getExponent(maxW);
        int ex = Math.getExponent(maxX);
        // every term is now at most 4 in magnitude, so the sum is finite and has the sign of the true one
        double s = Math.scalb(Math.scalb(b, -ew), -ex);
        for (int j = 0; j < w.length; j++) {
            s += Math.scalb(w[j], -ew) * Math.scalb(x[j], -ex);
        }
        return s > 0 ? Double.MAX_VALUE : s < 0 ? -Double.MAX_VALUE : 0;
    }

    /** {@return {@code v} clamped to {@code [-Double.MAX_VALUE, Double.MAX_VALUE]} (a product of finite values)} */
    public static double clamp(double v) {
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, v));
    }
}
