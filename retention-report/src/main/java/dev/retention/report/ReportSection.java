package dev.retention.report;

import java.util.Objects;

/**
 * One section of a {@link Report}: what it is, whether it had data to show, how many charts it drew and how long it
 * took to compute and draw.
 *
 * @param id      the section's HTML id ({@code summary}, {@code segments}, {@code cohorts}, {@code repurchase},
 *                {@code clusters}, {@code churn}, {@code clv}, {@code recommendations}, {@code playbook},
 *                {@code experiments})
 * @param title   its heading
 * @param hasData whether it shows results; when false the page says why ({@link #note()})
 * @param charts  the SVG charts it drew
 * @param seconds wall seconds to compute and draw it
 * @param note    why it has no data, or the empty string
 */
public record ReportSection(String id, String title, boolean hasData, int charts, double seconds, String note) {

    /**
     * Checks the fields.
     *
     * @param id      the section's HTML id
     * @param title   its heading
     * @param hasData whether it shows results
     * @param charts  the SVG charts it drew, &gt;= 0
     * @param seconds wall seconds, &gt;= 0
     * @param note    why it has no data, or the empty string
     * @throws IllegalArgumentException if a count or time is negative
     */
    public ReportSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(note, "note");
        if (charts < 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("section " + id + ": charts and seconds must be >= 0, got " + charts
                    + " and " + seconds);
        }
    }
}
