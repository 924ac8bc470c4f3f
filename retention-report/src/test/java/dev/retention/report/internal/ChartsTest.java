package dev.retention.report.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' markup: accessible text, escaping, balanced elements, and shapes in proportion to the data. */
class ChartsTest {

    private static final Pattern RECT = Pattern.compile("<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([-0-9.]+)\" "
            + "height=\"([-0-9.]+)\" fill=\"(#[0-9A-Fa-f]{6})\"");

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void assertWellFormed(String svg) {
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.endsWith("</svg>"));
        assertTrue(svg.contains("viewBox=\"0 0 "), "scales with its container");
        assertTrue(svg.contains("role=\"img\""));
        assertEquals(count(svg, "<text"), count(svg, "</text>"));
        assertEquals(count(svg, "<title"), count(svg, "</title>"));
        assertEquals(1, count(svg, "<desc"));
        assertFalse(svg.contains("NaN") || svg.contains("Infinity"), "no non-finite coordinate");
    }

    private static List<double[]> rects(String svg) {
        List<double[]> out = new ArrayList<>();
        Matcher m = RECT.matcher(svg);
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        }
        return out;
    }

    @Test
    void columns_heightsInProportion_titleAndDataEscaped() {
        String svg = Charts.columns("c1", "Spend <by> & segment", "desc \"quoted\"", "segment", "revenue (GBP)",
                new String[] {"A<b>", "B", "C"}, new String[] {"revenue"}, new double[][] {{1, 2, 4}});
        assertWellFormed(svg);
        assertTrue(svg.contains("aria-label=\"Spend &lt;by&gt; &amp; segment\""), svg);
        assertTrue(svg.contains("<desc id=\"c1-desc\">desc &quot;quoted&quot;</desc>"));
        assertTrue(svg.contains("A&lt;b&gt;"));
        assertFalse(svg.contains("A<b>"));
        List<double[]> bars = rects(svg);
        assertEquals(3, bars.size(), "one bar per value (no legend for one series)");
        assertEquals(2 * bars.get(0)[3], bars.get(1)[3], 0.02);
        assertEquals(4 * bars.get(0)[3], bars.get(2)[3], 0.02);
        double base = bars.get(0)[1] + bars.get(0)[3];
        for (double[] b : bars) {
            assertEquals(base, b[1] + b[3], 0.02, "bars stand on the same zero line");
        }
    }

    @Test
    void columns_nanIsNotDrawn_andNothingToDrawIsRefused() {
        String svg = Charts.columns("c2", "t", "d", "x", "y", new String[] {"a", "b"}, new String[] {"s", "t"},
                new double[][] {{1, Double.NaN}, {2, 3}});
        assertEquals(3 + 2, rects(svg).size(), "three bars and two legend keys");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.columns("c3", "t",
                "d", "x", "y", new String[] {"a"}, new String[] {"s"}, new double[][] {{Double.NaN}}));
        assertTrue(e.getMessage().contains("c3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.columns("c4", "t", "d", "x", "y", new String[0],
                new String[] {"s"}, new double[][] {{}}));
    }

    @Test
    void bars_widthsInProportion() {
        String svg = Charts.bars("b1", "Customers", "d", "customers (count)", new String[] {"x", "y"},
                new double[] {10, 30}, 0);
        assertWellFormed(svg);
        List<double[]> bars = rects(svg);
        assertEquals(2, bars.size());
        assertEquals(3 * bars.get(0)[2], bars.get(1)[2], 0.02);
    }

    @Test
    void heatmap_oneCellPerObservedValue_andALegend() {
        double nan = Double.NaN;
        String svg = Charts.heatmap("h1", "Retention", "d", "months", "cohort", new String[] {"2011-01", "2011-02"},
                new String[] {"0", "1", "2"}, new double[][] {{1, 0.3, 0.2}, {1, 0.25, nan}}, 0.4);
        assertWellFormed(svg);
        assertEquals(5 + 20, rects(svg).size(), "five observed cells and twenty legend steps");
        assertTrue(svg.contains(Palette.viridis(1)), "a value above the scale takes its top colour");
        assertThrows(IllegalArgumentException.class, () -> Charts.heatmap("h2", "t", "d", "x", "y",
                new String[] {"a"}, new String[] {"0"}, new double[][] {{nan}}, 1));
    }

    @Test
    void lines_pointsWithinThePlot_andALegendForTwoLines() {
        String svg = Charts.lines("l1", "ROC", "d", "false positive rate", "true positive rate", List.of(
                new Charts.Line("model", new double[] {0, 0.5, 1}, new double[] {0, 0.8, 1}, false, true, null),
                new Charts.Line("random", new double[] {0, 1}, new double[] {0, 1}, true, false, "#777777")),
                0, 1, 0, 1);
        assertWellFormed(svg);
        assertEquals(2, count(svg, "<polyline"));
        assertEquals(3, count(svg, "<circle"), "markers on the model's points");
        assertTrue(svg.contains("stroke-dasharray"));
        assertTrue(svg.contains(">model</text>") && svg.contains(">random</text>"), "a legend names both");
        assertThrows(IllegalArgumentException.class, () -> Charts.lines("l2", "t", "d", "x", "y",
                List.of(new Charts.Line("a", new double[] {Double.NaN}, new double[] {1}, false, false, null)),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }

    @Test
    void intervals_oneRowEach_zeroLineDashed() {
        String svg = Charts.intervals("i1", "Experiment", "d", "difference (points)", new String[] {"coupon", "mail"},
                new double[] {2, -0.5}, new double[] {1, -2}, new double[] {3, 1});
        assertWellFormed(svg);
        assertEquals(2, count(svg, "<circle"));
        assertThrows(IllegalArgumentException.class, () -> Charts.intervals("i2", "t", "d", "x",
                new String[] {"a"}, new double[] {Double.NaN}, new double[] {0}, new double[] {1}));
    }

    @Test
    void palette_viridisEndsAndOkabeIto() {
        assertEquals("#440154", Palette.viridis(0));
        assertEquals("#fde725", Palette.viridis(1));
        assertEquals("#fde725", Palette.viridis(7), "clamped");
        assertEquals("#0072B2", Palette.series(0));
        assertEquals(Palette.series(0), Palette.series(Palette.seriesCount()));
    }
}
