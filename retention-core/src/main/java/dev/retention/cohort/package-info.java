/**
 * Cohort retention: customers grouped by the calendar month (or week, or quarter) of their first
 * purchase, and the share of each cohort still buying 0, 1, 2, ... periods later, with repurchase
 * rates ("conversion to a second order").
 *
 * <p>The entry point is {@link dev.retention.cohort.CohortRetention#compute(dev.retention.data.TransactionLog,
 * dev.retention.cohort.CohortOptions)}, which returns an immutable {@link dev.retention.cohort.CohortTable}
 * whose {@code toString()} is a table of percentages and which exports to CSV:
 * <pre>{@code
 * CohortTable t = CohortRetention.compute(log, CohortOptions.defaults().withMaxPeriods(13));
 * String table = t.toString();   // cohorts as rows, periods since first purchase as columns
 * t.writeCsv(Path.of("retention.csv"));
 * }</pre>
 */
package dev.retention.cohort;
