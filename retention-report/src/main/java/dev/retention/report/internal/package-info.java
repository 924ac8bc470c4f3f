/**
 * The report's drawing and markup code, not exported: {@link dev.retention.report.internal.Ticks} (nice axis
 * numbers), {@link dev.retention.report.internal.LinearScale}, {@link dev.retention.report.internal.Svg} (an element
 * writer that escapes what it writes), {@link dev.retention.report.internal.Charts} (columns, bars, lines, heatmap,
 * intervals), {@link dev.retention.report.internal.Palette} (Okabe-Ito and viridis) and
 * {@link dev.retention.report.internal.Html} (escaping, numbers, the page). Imports no report package.
 */
package dev.retention.report.internal;
