/**
 * One self-contained HTML report of a shop. Entry point: {@link dev.retention.report.Report#builder}; each section's
 * outline in {@link dev.retention.report.ReportSection}.
 */
package dev.retention.report;
