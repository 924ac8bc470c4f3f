package dev.retention.report.internal;

import java.util.Locale;

/**
 * Colours readable by colour-blind people: the Okabe-Ito qualitative palette (Okabe and Ito, "Color Universal
 * Design", 2008) for series, and viridis (van der Walt and Smith, matplotlib 2.0) for the heatmap's sequential scale,
 * interpolated between nine of its published stops.
 */
public final class Palette {

    /** Okabe-Ito in the order the report uses them: blue, orange, bluish green, vermillion, reddish purple, sky blue. */
    private static final String[] SERIES = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"};

    /** Viridis at 0, 1/8, ..., 1 (matplotlib's table). */
    private static final int[][] VIRIDIS = {
            {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
            {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};

    private Palette() {
    }

    /** {@return the number of distinct series colours} */
    public static int seriesCount() {
        return SERIES.length;
    }

    /**
     * {@return the colour of series {@code i}, cycling after {@link #seriesCount()}}
     *
     * @param i the series, &gt;= 0
     */
    public static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /**
     * {@return the viridis colour at {@code t}, clamped to [0, 1], as {@code #rrggbb}}
     *
     * @param t the position on the scale; NaN is 0
     */
    public static String viridis(double t) {
        double x = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(x), VIRIDIS.length - 2);
        double f = x - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
    }

    /**
     * {@return whether text over the viridis colour at {@code t} should be dark (the light, yellow-green end)}
     *
     * @param t the position on the scale
     */
    public static boolean darkTextOn(double t) {
        return t >= 0.55;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
