package dev.retention.report.internal;

import java.util.Locale;

/**
 * Writes one inline SVG element: a {@code viewBox} (so it scales with its container), {@code role="img"}, an
 * {@code aria-label}, and {@code <title>} and {@code <desc>} children for screen readers; then shapes and text, every
 * text and attribute value escaped ({@link Html#escape}). Coordinates are written with two decimals. Not thread-safe;
 * {@link #toString()} closes the element.
 */
public final class Svg {

    private final StringBuilder sb = new StringBuilder(4096);
    private final int width;
    private final int height;

    /**
     * Opens the element.
     *
     * @param id     a document-unique id (its title and description get {@code id-title} and {@code id-desc})
     * @param width  view box width, &gt; 0
     * @param height view box height, &gt; 0
     * @param title  the chart's title
     * @param desc   what the chart shows, in words (its data in short)
     */
    public Svg(String id, int width, int height, String title, String desc) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be > 0, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        String e = Html.escape(id);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(e)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title))
                .append("\" aria-describedby=\"").append(e).append("-desc\">")
                .append("<title id=\"").append(e).append("-title\">").append(Html.escape(title)).append("</title>")
                .append("<desc id=\"").append(e).append("-desc\">").append(Html.escape(desc)).append("</desc>");
    }

    /** {@return the view box width} */
    public int width() {
        return width;
    }

    /** {@return the view box height} */
    public int height() {
        return height;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Draws a filled rectangle; a negative width or height is drawn from the other corner.
     *
     * @param x       left
     * @param y       top
     * @param w       width
     * @param h       height
     * @param fill    fill colour
     * @param tooltip text shown on hover (a {@code <title>} child), or null
     * @return this
     */
    public Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        double x0 = Math.min(x, x + w);
        double y0 = Math.min(y, y + h);
        sb.append("<rect x=\"").append(n(x0)).append("\" y=\"").append(n(y0)).append("\" width=\"")
                .append(n(Math.abs(w))).append("\" height=\"").append(n(Math.abs(h))).append("\" fill=\"")
                .append(Html.escape(fill)).append('"');
        return close("rect", tooltip);
    }

    /**
     * Draws a line segment.
     *
     * @param x1        start x
     * @param y1        start y
     * @param x2        end x
     * @param y2        end y
     * @param stroke    colour
     * @param thickness stroke width
     * @param dashed    whether dashed
     * @return this
     */
    public Svg line(double x1, double y1, double x2, double y2, String stroke, double thickness, boolean dashed) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(Html.escape(stroke))
                .append("\" stroke-width=\"").append(n(thickness)).append('"');
        if (dashed) {
            sb.append(" stroke-dasharray=\"5 4\"");
        }
        sb.append("/>");
        return this;
    }

    /**
     * Draws an open polyline through the points; points with a coordinate that is not finite are skipped.
     *
     * @param xs        read: x coordinates
     * @param ys        read: y coordinates, as many
     * @param stroke    colour
     * @param thickness stroke width
     * @param dashed    whether dashed
     * @param tooltip   text shown on hover, or null
     * @return this
     */
    public Svg polyline(double[] xs, double[] ys, String stroke, double thickness, boolean dashed, String tooltip) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys must have the same length, got " + xs.length + " and "
                    + ys.length);
        }
        sb.append("<polyline fill=\"none\" stroke=\"").append(Html.escape(stroke)).append("\" stroke-width=\"")
                .append(n(thickness)).append("\" stroke-linejoin=\"round\"");
        if (dashed) {
            sb.append(" stroke-dasharray=\"6 4\"");
        }
        sb.append(" points=\"");
        boolean first = true;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                sb.append(first ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
                first = false;
            }
        }
        sb.append('"');
        return close("polyline", tooltip);
    }

    /**
     * Draws a filled circle.
     *
     * @param cx      centre x
     * @param cy      centre y
     * @param r       radius
     * @param fill    colour
     * @param tooltip text shown on hover, or null
     * @return this
     */
    public Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(Html.escape(fill)).append('"');
        return close("circle", tooltip);
    }

    /**
     * Writes text.
     *
     * @param x      anchor x
     * @param y      baseline y
     * @param anchor {@code start}, {@code middle} or {@code end}
     * @param css    class of the text ({@code title}, {@code label}, {@code tick}, {@code value}), or null
     * @param text   the text, escaped here
     * @return this
     */
    public Svg text(double x, double y, String anchor, String css, String text) {
        return text(x, y, anchor, css, text, 0, null);
    }

    /**
     * Writes text, rotated and coloured.
     *
     * @param x      anchor x
     * @param y      baseline y
     * @param anchor {@code start}, {@code middle} or {@code end}
     * @param css    class of the text, or null
     * @param text   the text, escaped here
     * @param rotate degrees of rotation about the anchor (0: none)
     * @param fill   colour, or null for the class's
     * @return this
     */
    public Svg text(double x, double y, String anchor, String css, String text, double rotate, String fill) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(Html.escape(anchor)).append('"');
        if (css != null) {
            sb.append(" class=\"").append(Html.escape(css)).append('"');
        }
        if (fill != null) {
            sb.append(" fill=\"").append(Html.escape(fill)).append('"');
        }
        if (rotate != 0) {
            sb.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y))
                    .append(")\"");
        }
        sb.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    private Svg close(String element, String tooltip) {
        if (tooltip == null) {
            sb.append("/>");
        } else {
            sb.append("><title>").append(Html.escape(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }

    /** {@return the element, closed} */
    @Override
    public String toString() {
        return sb + "</svg>";
    }
}
