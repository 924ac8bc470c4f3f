package dev.retention.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report's HTML document: one file with its style sheet inline, no script, no font, no image file and no
 * link outside itself, so it opens offline and prints. The style is responsive (charts scale with their
 * {@code viewBox}, wide tables scroll sideways on a phone) and has print rules (every section on a new page,
 * no navigation). Every text given is escaped here; only SVG made by {@link Charts} is inserted as markup. Not
 * thread-safe.
 */
public final class Page {

    private static final String STYLE = """
            :root{--fg:#1a1a1a;--muted:#555;--line:#d8d8d8;--accent:#0072B2;--warn:#E69F00}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{margin:0;color:var(--fg);background:#fff;
              font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
            main{max-width:980px;margin:0 auto;padding:16px}
            header{border-bottom:3px solid var(--accent);margin-bottom:8px}
            h1{font-size:1.7rem;margin:.2em 0}
            h2{font-size:1.35rem;margin:.6em 0 .3em}
            h3{font-size:1.05rem;margin:.8em 0 .3em}
            .sub{color:var(--muted);margin:.2em 0 .8em}
            nav ol{columns:2;margin:.3em 0 1em;padding-left:1.4em}
            a{color:var(--accent)}
            section{border-top:1px solid var(--line);padding:8px 0 24px}
            p{margin:.4em 0 .6em;max-width:75ch}
            figure{margin:12px 0}
            figcaption{color:var(--muted);font-size:.9rem}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
            svg.chart{display:block;width:100%;height:auto;max-width:700px}
            svg.chart text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}
            svg .title{font-size:16px;font-weight:600;fill:#1a1a1a}
            svg .label{font-size:13.5px;fill:#333}
            svg .tick{font-size:12.5px;fill:#444}
            svg .value{font-size:12px;fill:#222}
            svg .legend{font-size:12.5px;fill:#222}
            svg .cell{font-size:10.5px}
            .table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:8px 0}
            table{border-collapse:collapse;font-size:.9rem}
            caption{text-align:left;color:var(--muted);padding:4px 0}
            th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            th{background:#f3f3f3}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:8px;margin:8px 0}
            .card{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
            .card .k{color:var(--muted);font-size:.85rem}
            .card .v{font-size:1.3rem;font-weight:600;font-variant-numeric:tabular-nums}
            .no-data{padding:10px 12px;border:1px dashed #888;background:#f6f6f6}
            .assumption{border-left:5px solid var(--warn);padding:6px 10px;background:#fff6e0}
            footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:8px}
            @media (max-width:640px){body{font-size:15px}main{padding:10px}nav ol{columns:1}h1{font-size:1.4rem}
              th,td{padding:3px 6px}svg .tick{font-size:13.5px}svg .label{font-size:14.5px}
              svg .title{font-size:17px}svg .value{font-size:13px}}
            @media print{nav{display:none}main{max-width:none;padding:0}
              section{break-before:page;page-break-before:always;border-top:0}
              figure,tr,.card{break-inside:avoid;page-break-inside:avoid}
              a{color:inherit;text-decoration:none}.table-wrap{overflow:visible}}
            """;

    private final String title;
    private final String subtitle;
    private final List<String[]> toc = new ArrayList<>();
    private final StringBuilder body = new StringBuilder(1 << 16);
    private String open;
    private int charts;

    /**
     * Starts a page.
     *
     * @param title    the document's title and heading
     * @param subtitle a line under the heading
     */
    public Page(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    /**
     * Opens a section (closing the previous one).
     *
     * @param id    the section's id, letters, digits and hyphens
     * @param title its heading
     */
    public void section(String id, String title) {
        close();
        toc.add(new String[] {id, title});
        String e = Html.escape(id);
        body.append("<section id=\"").append(e).append("\" class=\"report-section\" aria-labelledby=\"").append(e)
                .append("-h\"><h2 id=\"").append(e).append("-h\">").append(Html.escape(title)).append("</h2>\n");
        open = id;
    }

    /**
     * Adds a sub-heading.
     *
     * @param text the heading
     */
    public void heading(String text) {
        body.append("<h3>").append(Html.escape(text)).append("</h3>\n");
    }

    /**
     * Adds a paragraph.
     *
     * @param text the text
     */
    public void paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
    }

    /**
     * Adds a highlighted note that labels assumptions.
     *
     * @param text the text
     */
    public void assumption(String text) {
        body.append("<p class=\"assumption\" role=\"note\"><strong>Assumption.</strong> ").append(Html.escape(text))
                .append("</p>\n");
    }

    /**
     * Says that a part has nothing to show, and why, in place of its chart.
     *
     * @param reason the reason
     */
    public void noData(String reason) {
        body.append("<p class=\"no-data\" role=\"note\"><strong>No data.</strong> ").append(Html.escape(reason))
                .append("</p>\n");
    }

    /**
     * Adds key figures as cards.
     *
     * @param pairs label and value, in order
     */
    public void cards(List<String[]> pairs) {
        body.append("<div class=\"cards\">");
        for (String[] p : pairs) {
            body.append("<div class=\"card\"><div class=\"k\">").append(Html.escape(p[0]))
                    .append("</div><div class=\"v\">").append(Html.escape(p[1])).append("</div></div>");
        }
        body.append("</div>\n");
    }

    /** Opens a row of charts that sit side by side on a wide screen. */
    public void chartsStart() {
        body.append("<div class=\"charts\">\n");
    }

    /** Closes a row of charts. */
    public void chartsEnd() {
        body.append("</div>\n");
    }

    /**
     * Adds a chart made by {@link Charts} with a caption.
     *
     * @param svg     the chart's markup, inserted as it is
     * @param caption what to read from it, or null
     */
    public void figure(String svg, String caption) {
        charts++;
        body.append("<figure>").append(svg);
        if (caption != null) {
            body.append("<figcaption>").append(Html.escape(caption)).append("</figcaption>");
        }
        body.append("</figure>\n");
    }

    /**
     * Adds a table.
     *
     * @param caption its caption
     * @param headers the column headers
     * @param numeric which columns are right-aligned numbers
     * @param rows    the cells, as text
     */
    public void table(String caption, String[] headers, boolean[] numeric, List<String[]> rows) {
        body.append("<div class=\"table-wrap\"><table><caption>").append(Html.escape(caption))
                .append("</caption><thead><tr>");
        for (int c = 0; c < headers.length; c++) {
            body.append("<th scope=\"col\"").append(numeric[c] ? " class=\"num\"" : "").append('>')
                    .append(Html.escape(headers[c])).append("</th>");
        }
        body.append("</tr></thead><tbody>");
        for (String[] row : rows) {
            body.append("<tr>");
            for (int c = 0; c < row.length; c++) {
                body.append("<td").append(c < numeric.length && numeric[c] ? " class=\"num\"" : "").append('>')
                        .append(Html.escape(row[c])).append("</td>");
            }
            body.append("</tr>");
        }
        body.append("</tbody></table></div>\n");
    }

    /** {@return the charts added so far} */
    public int charts() {
        return charts;
    }

    private void close() {
        if (open != null) {
            body.append("</section>\n");
            open = null;
        }
    }

    /**
     * {@return the whole document}
     *
     * @param footer a line at the end
     */
    public String document(String footer) {
        close();
        StringBuilder sb = new StringBuilder(body.length() + STYLE.length() + 4096);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style>\n</head>\n<body>\n<main>\n<header><h1>").append(Html.escape(title))
                .append("</h1><p class=\"sub\">").append(Html.escape(subtitle)).append("</p></header>\n")
                .append("<nav aria-label=\"Sections\"><ol>");
        for (String[] t : toc) {
            sb.append("<li><a href=\"#").append(Html.escape(t[0])).append("\">").append(Html.escape(t[1]))
                    .append("</a></li>");
        }
        sb.append("</ol></nav>\n").append(body).append("<footer>").append(Html.escape(footer))
                .append("</footer>\n</main>\n</body>\n</html>\n");
        return sb.toString();
    }
}
