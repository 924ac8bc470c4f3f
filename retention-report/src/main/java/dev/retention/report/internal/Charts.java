package dev.retention.report.internal;

import java.util.List;
import java.util.Objects;

/**
 * The report's charts, each one {@link Svg} element with a visible title, axes with {@link Ticks nice} ticks, axis
 * labels with units, a legend when there are several series, and a text description: vertical columns (grouped
 * series), horizontal bars, lines, a heatmap and an interval (forest) plot. Every method refuses data with nothing to
 * draw (an {@link IllegalArgumentException}); the report says "no data" instead of calling it. Pure functions.
 */
public final class Charts {

    /** View box width of every chart; the page scales it. */
    public static final int WIDTH = 560;
    private static final int HEIGHT = 330;
    private static final double TOP = 48;
    private static final double RIGHT = 18;
    private static final double BOTTOM = 58;
    private static final double LEFT = 74;
    private static final int LABEL_CHARS = 22;
    private static final double CHAR_WIDTH = 7.0;
    /** Width of a character of a value label (12 px). */
    private static final double VALUE_CHAR = 6.8;
    private static final String AXIS = "#444444";
    private static final String GRID = "#dddddd";

    private Charts() {
    }

    /** A line of a line chart; it keeps the arrays it is given (the chart reads them once). */
    public static final class Line {
        private final String name;
        private final double[] xs;
        private final double[] ys;
        private final boolean dashed;
        private final boolean markers;
        private final String colour;

        /**
         * A line.
         *
         * @param name    its name in the legend and tooltip (null: not in the legend)
         * @param xs      read, kept: x values
         * @param ys      read, kept: y values, as many; points with a value that is not finite are skipped
         * @param dashed  whether dashed (reference lines)
         * @param markers whether to mark each point with a dot
         * @param colour  the colour, or null for the next series colour
         * @throws IllegalArgumentException if the lengths differ
         */
        public Line(String name, double[] xs, double[] ys, boolean dashed, boolean markers, String colour) {
            Objects.requireNonNull(xs, "xs");
            Objects.requireNonNull(ys, "ys");
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("line " + name + ": xs and ys must have the same length, got "
                        + xs.length + " and " + ys.length);
            }
            this.name = name;
            this.xs = xs;
            this.ys = ys;
            this.dashed = dashed;
            this.markers = markers;
            this.colour = colour;
        }

        String name() {
            return name;
        }

        double[] xs() {
            return xs;
        }

        double[] ys() {
            return ys;
        }

        boolean dashed() {
            return dashed;
        }

        boolean markers() {
            return markers;
        }

        String colour() {
            return colour;
        }
    }

    /**
     * Vertical columns, one group per category and one column per series.
     *
     * @param id         document-unique id
     * @param title      the title
     * @param desc       the data in words
     * @param xLabel     the category axis's label
     * @param yLabel     the value axis's label, with its unit
     * @param categories the categories, left to right
     * @param series     the series names (one series: its name is not shown as a legend)
     * @param values     read: {@code values[series][category]}; NaN is not drawn
     * @return the SVG
     * @throws IllegalArgumentException if there is no category or no finite value, or the shapes differ
     */
    public static String columns(String id, String title, String desc, String xLabel, String yLabel,
                                 String[] categories, String[] series, double[][] values) {
        int nc = categories.length;
        int ns = series.length;
        if (nc == 0 || ns == 0 || values.length != ns) {
            throw new IllegalArgumentException(id + ": needs categories and one row of values per series, got "
                    + nc + " categories, " + ns + " series and " + values.length + " rows");
        }
        double lo = 0;
        double hi = 0;
        boolean any = false;
        for (double[] row : values) {
            if (row.length != nc) {
                throw new IllegalArgumentException(id + ": every series needs " + nc + " values, got " + row.length);
            }
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    any = true;
                }
            }
        }
        requireData(id, any);
        boolean rotate = longest(categories) * CHAR_WIDTH > (WIDTH - LEFT - RIGHT) / nc * 0.95;
        double bottom = rotate ? BOTTOM + Math.min(longest(categories), LABEL_CHARS) * CHAR_WIDTH * 0.6 : BOTTOM;
        int height = (int) Math.ceil(HEIGHT - BOTTOM + bottom);
        Svg svg = new Svg(id, WIDTH, height, title, desc);
        frame(svg, title, ns > 1 ? series : null);
        double plotBottom = height - bottom;
        Ticks ticks = Ticks.of(lo, hi, 6);
        LinearScale y = new LinearScale(ticks.min(), ticks.max(), plotBottom, TOP);
        yAxis(svg, ticks, y, LEFT, WIDTH - RIGHT, yLabel);
        double band = (WIDTH - LEFT - RIGHT) / nc;
        double barWidth = band * 0.8 / ns;
        boolean labels = nc * ns <= 16;
        int every = Math.max(1, (int) Math.ceil(nc / ((WIDTH - LEFT - RIGHT) / (rotate ? 14.0 : CHAR_WIDTH
                * Math.min(longest(categories), LABEL_CHARS) + 6))));
        for (int c = 0; c < nc; c++) {
            double x0 = LEFT + band * c + band * 0.1;
            for (int s = 0; s < ns; s++) {
                double v = values[s][c];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double top = y.apply(v);
                double base = y.apply(0);
                double h = base - top;
                if (Math.abs(h) < 0.5) {   // a zero still shows as a hairline
                    h = v < 0 ? -0.5 : 0.5;
                }
                svg.rect(x0 + barWidth * s, top, barWidth, h, Palette.series(s),
                        (ns > 1 ? series[s] + ", " : "") + categories[c] + ": " + ticks.format(v) + extra(ticks, v));
                if (labels) {
                    double room = barWidth + band * 0.2 / ns;
                    String text = value(v).length() * VALUE_CHAR <= room ? value(v) : compact(v);
                    if (text.length() * VALUE_CHAR <= room) {   // else no room: the tooltip has it
                        svg.text(x0 + barWidth * (s + 0.5), v >= 0 ? top - 4 : top + 12, "middle", "value", text);
                    }
                }
            }
            if (c % every == 0) {
                String label = shorten(categories[c]);
                double cx = LEFT + band * (c + 0.5);
                if (rotate) {
                    svg.text(cx, plotBottom + 14, "end", "tick", label, -40, null);
                } else {
                    svg.text(cx, plotBottom + 16, "middle", "tick", label);
                }
            }
        }
        svg.line(LEFT, y.apply(0), WIDTH - RIGHT, y.apply(0), AXIS, 1, false);
        svg.text(LEFT + (WIDTH - LEFT - RIGHT) / 2, height - 8, "middle", "label", xLabel);
        return svg.toString();
    }

    /**
     * Horizontal bars, one per category, labelled with their values.
     *
     * @param id         document-unique id
     * @param title      the title
     * @param desc       the data in words
     * @param xLabel     the value axis's label, with its unit
     * @param categories the categories, top to bottom
     * @param values     read: one per category; NaN is not drawn
     * @param colour     the bars' colour index in the series palette
     * @return the SVG
     * @throws IllegalArgumentException if there is no category or no finite value
     */
    public static String bars(String id, String title, String desc, String xLabel, String[] categories,
                              double[] values, int colour) {
        int n = categories.length;
        if (n == 0 || values.length != n) {
            throw new IllegalArgumentException(id + ": needs one value per category, got " + n + " categories and "
                    + values.length + " values");
        }
        double lo = 0;
        double hi = 0;
        boolean any = false;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                any = true;
            }
        }
        requireData(id, any);
        double left = Math.min(Math.max(LEFT, Math.min(longest(categories), LABEL_CHARS) * CHAR_WIDTH + 14), 220);
        double rowHeight = 26;
        int height = (int) Math.ceil(TOP + rowHeight * n + BOTTOM);
        Svg svg = new Svg(id, WIDTH, height, title, desc);
        frame(svg, title, null);
        double plotBottom = TOP + rowHeight * n;
        Ticks ticks = Ticks.of(lo, hi, 5);
        double right = WIDTH - RIGHT - 56;   // room for the value labels
        LinearScale x = new LinearScale(ticks.min(), ticks.max(), left, right);
        xAxis(svg, ticks, x, TOP, plotBottom, xLabel, height);
        for (int c = 0; c < n; c++) {
            double yTop = TOP + rowHeight * c + 4;
            svg.text(left - 6, yTop + rowHeight / 2 + 1, "end", "tick", shorten(categories[c]));
            double v = values[c];
            if (!Double.isFinite(v)) {
                continue;
            }
            double x0 = x.apply(0);
            double w = x.apply(v) - x0;
            if (Math.abs(w) < 0.5) {
                w = v < 0 ? -0.5 : 0.5;
            }
            svg.rect(x0, yTop, w, rowHeight - 8, Palette.series(colour), categories[c] + ": " + ticks.format(v)
                    + extra(ticks, v));
            svg.text(Math.max(x0, x0 + w) + 4, yTop + rowHeight / 2 + 1, "start", "value", value(v));
        }
        svg.line(x.apply(0), TOP, x.apply(0), plotBottom, AXIS, 1, false);
        return svg.toString();
    }

    /**
     * Lines on numeric axes.
     *
     * @param id     document-unique id
     * @param title  the title
     * @param desc   the data in words
     * @param xLabel the x axis's label, with its unit
     * @param yLabel the y axis's label, with its unit
     * @param lines  the lines, drawn in order
     * @param xMin   the x axis's lower end (NaN: from the data)
     * @param xMax   the x axis's upper end (NaN: from the data)
     * @param yMin   the y axis's lower end (NaN: from the data)
     * @param yMax   the y axis's upper end (NaN: from the data)
     * @return the SVG
     * @throws IllegalArgumentException if no line has a finite point
     */
    public static String lines(String id, String title, String desc, String xLabel, String yLabel, List<Line> lines,
                               double xMin, double xMax, double yMin, double yMax) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (int i = 0; i < l.xs().length; i++) {
                if (Double.isFinite(l.xs()[i]) && Double.isFinite(l.ys()[i])) {
                    x0 = Math.min(x0, l.xs()[i]);
                    x1 = Math.max(x1, l.xs()[i]);
                    y0 = Math.min(y0, l.ys()[i]);
                    y1 = Math.max(y1, l.ys()[i]);
                }
            }
        }
        requireData(id, x0 <= x1);
        x0 = Double.isNaN(xMin) ? x0 : Math.min(xMin, x0);
        x1 = Double.isNaN(xMax) ? x1 : Math.max(xMax, x1);
        y0 = Double.isNaN(yMin) ? y0 : Math.min(yMin, y0);
        y1 = Double.isNaN(yMax) ? y1 : Math.max(yMax, y1);
        List<String> names = new java.util.ArrayList<>();
        for (Line l : lines) {
            if (l.name() != null) {
                names.add(l.name());
            }
        }
        Svg svg = new Svg(id, WIDTH, HEIGHT, title, desc);
        String[] legend = names.size() > 1 ? names.toArray(new String[0]) : null;
        double plotBottom = HEIGHT - BOTTOM;
        Ticks xt = Ticks.of(x0, x1, 7);
        Ticks yt = Ticks.of(y0, y1, 6);
        LinearScale x = new LinearScale(xt.min(), xt.max(), LEFT, WIDTH - RIGHT);
        LinearScale y = new LinearScale(yt.min(), yt.max(), plotBottom, TOP);
        yAxis(svg, yt, y, LEFT, WIDTH - RIGHT, yLabel);
        xAxis(svg, xt, x, TOP, plotBottom, xLabel, HEIGHT);
        int colour = 0;
        String[] colours = new String[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            colours[k] = l.colour() != null ? l.colour() : Palette.series(colour++);
            double[] px = new double[l.xs().length];
            double[] py = new double[px.length];
            for (int i = 0; i < px.length; i++) {
                px[i] = x.apply(l.xs()[i]);
                py[i] = y.apply(l.ys()[i]);
            }
            svg.polyline(px, py, colours[k], l.dashed() ? 1.5 : 2.5, l.dashed(), l.name());
            if (l.markers()) {
                for (int i = 0; i < px.length; i++) {
                    if (Double.isFinite(px[i]) && Double.isFinite(py[i])) {
                        svg.circle(px[i], py[i], 3.5, colours[k], (l.name() == null ? "" : l.name() + ": ")
                                + xt.format(l.xs()[i]) + ", " + yt.format(l.ys()[i]) + extra(yt, l.ys()[i]));
                    }
                }
            }
        }
        if (legend != null) {
            String[] named = new String[names.size()];
            String[] fills = new String[names.size()];
            int j = 0;
            for (int k = 0; k < lines.size(); k++) {
                if (lines.get(k).name() != null) {
                    named[j] = lines.get(k).name();
                    fills[j++] = colours[k];
                }
            }
            legend(svg, named, fills);
        }
        svg.text(WIDTH / 2.0, 22, "middle", "title", title);
        return svg.toString();
    }

    /**
     * A heatmap of rows by columns on the viridis scale from 0 to {@code scaleMax}, each cell labelled with its value
     * as a percentage when there is room; absent cells (NaN) are left blank. A colour legend shows the scale.
     *
     * @param id        document-unique id
     * @param title     the title
     * @param desc      the data in words
     * @param xLabel    the column axis's label
     * @param yLabel    the row axis's label
     * @param rows      row labels, top to bottom
     * @param columns   column labels, left to right
     * @param values    read: {@code values[row][column]}, shares in [0, 1]; NaN for an absent cell
     * @param scaleMax  the share at the top of the colour scale, in (0, 1]; larger values take its colour
     * @return the SVG
     * @throws IllegalArgumentException if there is no finite cell or the shapes differ
     */
    public static String heatmap(String id, String title, String desc, String xLabel, String yLabel, String[] rows,
                                 String[] columns, double[][] values, double scaleMax) {
        int nr = rows.length;
        int nc = columns.length;
        if (nr == 0 || nc == 0 || values.length != nr) {
            throw new IllegalArgumentException(id + ": needs rows and columns, got " + nr + " x " + nc + " and "
                    + values.length + " rows of values");
        }
        boolean any = false;
        for (double[] row : values) {
            if (row.length != nc) {
                throw new IllegalArgumentException(id + ": every row needs " + nc + " values, got " + row.length);
            }
            for (double v : row) {
                any |= Double.isFinite(v);
            }
        }
        requireData(id, any);
        double top = scaleMax > 0 && scaleMax <= 1 ? scaleMax : 1;
        double left = Math.max(LEFT, Math.min(longest(rows), LABEL_CHARS) * CHAR_WIDTH + 30);
        double plotWidth = WIDTH - left - RIGHT;
        double cellW = plotWidth / nc;
        double cellH = Math.max(12, Math.min(24, 420.0 / nr));
        double legendSpace = 40;
        int height = (int) Math.ceil(TOP + 16 + cellH * nr + legendSpace + 36);
        Svg svg = new Svg(id, WIDTH, height, title, desc);
        frame(svg, title, null);
        double gridTop = TOP + 16;
        boolean cellText = cellW >= 26 && cellH >= 14;
        int every = Math.max(1, (int) Math.ceil(nc * 24 / plotWidth));
        for (int c = 0; c < nc; c++) {
            if (c % every == 0) {
                svg.text(left + cellW * (c + 0.5), gridTop - 4, "middle", "tick", shorten(columns[c]));
            }
        }
        int rowEvery = cellH >= 11 ? 1 : (int) Math.ceil(11 / cellH);
        for (int r = 0; r < nr; r++) {
            double yTop = gridTop + cellH * r;
            if (r % rowEvery == 0) {
                svg.text(left - 6, yTop + cellH / 2 + 4, "end", "tick", shorten(rows[r]));
            }
            for (int c = 0; c < nc; c++) {
                double v = values[r][c];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double t = v / top;
                svg.rect(left + cellW * c, yTop, cellW - 1, cellH - 1, Palette.viridis(t), rows[r] + ", "
                        + xLabel + " " + columns[c] + ": " + Html.percent(v));
                if (cellText) {
                    svg.text(left + cellW * (c + 0.5), yTop + cellH / 2 + 3.5, "middle", "cell",
                            Html.number(100 * v, v < 0.1 ? 1 : 0), 0, Palette.darkTextOn(t) ? "#111111" : "#ffffff");
                }
            }
        }
        double gridBottom = gridTop + cellH * nr;
        svg.text(left + plotWidth / 2, gridTop - 20, "middle", "label", xLabel);
        svg.text(16, gridTop + cellH * nr / 2, "middle", "label", yLabel, -90, null);
        // colour legend: 0 .. scaleMax in 20 steps, with nice ticks
        double lx = left;
        double lw = Math.min(260, plotWidth);
        double ly = gridBottom + 16;
        for (int k = 0; k < 20; k++) {
            svg.rect(lx + lw * k / 20, ly, lw / 20 + 0.5, 10, Palette.viridis((k + 0.5) / 20), null);
        }
        Ticks lt = Ticks.of(0, 100 * top, 5);
        LinearScale ls = new LinearScale(0, 100 * top, lx, lx + lw);
        for (int i = 0; i < lt.count(); i++) {
            double v = lt.value(i);
            if (v <= 100 * top + 1e-9) {
                svg.line(ls.apply(v), ly + 10, ls.apply(v), ly + 14, AXIS, 1, false);
                svg.text(ls.apply(v), ly + 25, "middle", "tick", lt.label(i) + "%");
            }
        }
        svg.text(lx + lw + 10, ly + 9, "start", "tick", top < 1 ? "\u2265 " + lt.format(100 * top) + "%: brightest"
                : "share of the cohort");
        return svg.toString();
    }

    /**
     * Estimates with their intervals, one row each, and a dashed line at zero: an experiment's differences.
     *
     * @param id        document-unique id
     * @param title     the title
     * @param desc      the data in words
     * @param xLabel    the value axis's label, with its unit
     * @param labels    one per row, top to bottom
     * @param estimates read: the point estimates
     * @param lows      read: the intervals' lower ends
     * @param highs     read: the intervals' upper ends
     * @return the SVG
     * @throws IllegalArgumentException if there is no row or a value is not finite
     */
    public static String intervals(String id, String title, String desc, String xLabel, String[] labels,
                                   double[] estimates, double[] lows, double[] highs) {
        int n = labels.length;
        if (n == 0 || estimates.length != n || lows.length != n || highs.length != n) {
            throw new IllegalArgumentException(id + ": needs one estimate and interval per label, got " + n
                    + " labels");
        }
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(estimates[i]) || !Double.isFinite(lows[i]) || !Double.isFinite(highs[i])) {
                throw new IllegalArgumentException(id + ": row " + labels[i] + " is not finite: " + estimates[i]
                        + " [" + lows[i] + ", " + highs[i] + "]");
            }
            lo = Math.min(lo, lows[i]);
            hi = Math.max(hi, highs[i]);
        }
        double left = Math.min(Math.max(LEFT, Math.min(longest(labels), 30) * CHAR_WIDTH + 14), 260);
        double rowHeight = 30;
        int height = (int) Math.ceil(TOP + rowHeight * n + BOTTOM);
        Svg svg = new Svg(id, WIDTH, height, title, desc);
        frame(svg, title, null);
        double plotBottom = TOP + rowHeight * n;
        Ticks ticks = Ticks.of(lo, hi, 6);
        LinearScale x = new LinearScale(ticks.min(), ticks.max(), left, WIDTH - RIGHT - 10);
        xAxis(svg, ticks, x, TOP, plotBottom, xLabel, height);
        svg.line(x.apply(0), TOP, x.apply(0), plotBottom, AXIS, 1.2, true);
        for (int i = 0; i < n; i++) {
            double cy = TOP + rowHeight * (i + 0.5);
            svg.text(left - 8, cy + 4, "end", "tick", labels[i].length() > 30 ? labels[i].substring(0, 29) + "\u2026"
                    : labels[i]);
            String colour = lows[i] > 0 || highs[i] < 0 ? Palette.series(0) : Palette.series(1);
            svg.line(x.apply(lows[i]), cy, x.apply(highs[i]), cy, colour, 3, false);
            svg.line(x.apply(lows[i]), cy - 6, x.apply(lows[i]), cy + 6, colour, 2, false);
            svg.line(x.apply(highs[i]), cy - 6, x.apply(highs[i]), cy + 6, colour, 2, false);
            svg.circle(x.apply(estimates[i]), cy, 5, colour, labels[i] + ": " + ticks.format(estimates[i]) + " ["
                    + ticks.format(lows[i]) + ", " + ticks.format(highs[i]) + "]");
        }
        return svg.toString();
    }

    // ---- parts ----

    private static void requireData(String id, boolean any) {
        if (!any) {
            throw new IllegalArgumentException(id + ": no finite value to draw");
        }
    }

    private static void frame(Svg svg, String title, String[] legend) {
        svg.text(svg.width() / 2.0, 22, "middle", "title", title);
        if (legend != null) {
            String[] fills = new String[legend.length];
            for (int s = 0; s < legend.length; s++) {
                fills[s] = Palette.series(s);
            }
            legend(svg, legend, fills);
        }
    }

    private static void legend(Svg svg, String[] names, String[] fills) {
        double total = 0;
        for (String s : names) {
            total += 22 + Math.min(s.length(), LABEL_CHARS) * CHAR_WIDTH + 12;
        }
        double x = Math.max(LEFT, (svg.width() - total) / 2);
        for (int s = 0; s < names.length; s++) {
            svg.rect(x, 31, 14, 10, fills[s], null);
            String name = shorten(names[s]);
            svg.text(x + 18, 40, "start", "legend", name);
            x += 22 + name.length() * CHAR_WIDTH + 12;
        }
    }

    private static void yAxis(Svg svg, Ticks ticks, LinearScale y, double left, double right, String label) {
        for (int i = 0; i < ticks.count(); i++) {
            double v = ticks.value(i);
            double py = y.apply(v);
            svg.line(left, py, right, py, GRID, 1, false);
            svg.text(left - 6, py + 4, "end", "tick", ticks.label(i));
        }
        svg.line(left, y.apply(ticks.min()), left, y.apply(ticks.max()), AXIS, 1, false);
        double mid = (y.apply(ticks.min()) + y.apply(ticks.max())) / 2;
        svg.text(16, mid, "middle", "label", label, -90, null);
    }

    private static void xAxis(Svg svg, Ticks ticks, LinearScale x, double top, double bottom, String label,
                              int height) {
        for (int i = 0; i < ticks.count(); i++) {
            double px = x.apply(ticks.value(i));
            svg.line(px, top, px, bottom, GRID, 1, false);
            svg.text(px, bottom + 16, "middle", "tick", ticks.label(i));
        }
        svg.line(x.apply(ticks.min()), bottom, x.apply(ticks.max()), bottom, AXIS, 1, false);
        svg.text((x.apply(ticks.min()) + x.apply(ticks.max())) / 2, height - 10, "middle", "label", label);
    }

    private static int longest(String[] labels) {
        int m = 0;
        for (String s : labels) {
            m = Math.max(m, s.length());
        }
        return m;
    }

    private static String shorten(String s) {
        return s.length() > LABEL_CHARS ? s.substring(0, LABEL_CHARS - 1) + "\u2026" : s;
    }

    /** A value label: whole values without decimals, with separators from 100 up, else two significant decimals. */
    static String value(double v) {
        double a = Math.abs(v);
        return a == 0 || (v == Math.rint(v) && a < 1e15) ? Html.number(v, 0)
                : Html.number(v, a >= 100 ? 0 : a >= 10 ? 1 : 2);
    }

    /** A short value label for narrow columns: 573k, 1.2M, else {@link #value}. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return Html.number(v / 1e6, a >= 1e7 ? 0 : 1) + "M";
        }
        if (a >= 1e4) {
            return Html.number(v / 1e3, 0) + "k";
        }
        return value(v);
    }

    /** The exact value in a tooltip when the tick format rounds it. */
    private static String extra(Ticks ticks, double v) {
        String shown = ticks.format(v);
        String exact = Html.number(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 4);
        return shown.equals(exact) ? "" : " (" + exact + ")";
    }
}
