package dev.retention.report.internal;

/**
 * A linear map from a data interval onto a drawing interval, as d3's {@code scaleLinear}: {@code apply(d0) == r0},
 * {@code apply(d1) == r1}; an empty data interval maps everything to the middle of the drawing interval. Values
 * outside the data interval are extrapolated; {@link #clamped(double)} keeps them inside. Immutable.
 *
 * @param d0 start of the data interval, finite
 * @param d1 end of the data interval, finite
 * @param r0 drawing coordinate of {@code d0}, finite
 * @param r1 drawing coordinate of {@code d1}, finite
 */
public record LinearScale(double d0, double d1, double r0, double r1) {

    /**
     * Checks that every bound is finite.
     *
     * @param d0 start of the data interval
     * @param d1 end of the data interval
     * @param r0 drawing coordinate of {@code d0}
     * @param r1 drawing coordinate of {@code d1}
     * @throws IllegalArgumentException naming a bound that is not finite
     */
    public LinearScale {
        if (!Double.isFinite(d0) || !Double.isFinite(d1) || !Double.isFinite(r0) || !Double.isFinite(r1)) {
            throw new IllegalArgumentException("scale bounds must be finite, got data [" + d0 + ", " + d1
                    + "] onto [" + r0 + ", " + r1 + "]");
        }
    }

    /**
     * {@return the drawing coordinate of a data value}
     *
     * @param v the data value
     */
    public double apply(double v) {
        if (d1 == d0) {
            return (r0 + r1) / 2;
        }
        return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
    }

    /**
     * {@return the drawing coordinate of a data value clamped to the data interval}
     *
     * @param v the data value
     */
    public double clamped(double v) {
        double lo = Math.min(d0, d1);
        double hi = Math.max(d0, d1);
        return apply(Math.max(lo, Math.min(hi, v)));
    }
}
