package dev.retention.experiment;

import dev.retention.data.TransactionLog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derives an {@link ExperimentTable} from a transaction log: units assigned to arms at an instant, and what
 * each bought afterwards. For a unit assigned at {@code t} with a window of {@code w}:
 * <ul>
 *   <li>{@code retention}: 1 if the unit made any purchase in {@code [t, t + w)} (the retention rate of the
 *       window);</li>
 *   <li>{@code conversion}: 1 if the unit made any purchase at or after {@code t} until the end of the log;</li>
 *   <li>{@code repurchase}: 1 if the unit had bought before {@code t} and bought again in {@code [t, t + w)};</li>
 *   <li>{@code revenue}: the amount of its lines in {@code [t, t + w)} (cancellations netted where the log keeps
 *       them);</li>
 *   <li>{@code pre_revenue}: the amount in {@code [t - w, t)}, a pre-period covariate for CUPED.</li>
 * </ul>
 * A unit that the log does not know bought nothing: every outcome 0. O(lines of the assigned units).
 */
public final class LogOutcomes {

    /** The columns of the derived table, in order. */
    public static final List<String> COLUMNS = List.of("retention", "conversion", "repurchase", "revenue", "pre_revenue");

    private LogOutcomes() {
    }

    /**
     * Computes the outcomes.
     *
     * @param log        read: the purchases
     * @param customers  read: the external id of each unit
     * @param arms       read: the arm label of each unit, non-blank
     * @param assignedAt read: the assignment instant of each unit, in epoch seconds
     * @param window     the outcome window, positive
     * @return one row per unit, with the columns {@link #COLUMNS}
     * @throws IllegalArgumentException if the arrays differ in length, are empty, a label is blank, or the window
     *                                  is not positive
     */
    public static ExperimentTable compute(TransactionLog log, String[] customers, String[] arms, long[] assignedAt,
                                          Duration window) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(window, "window");
        int n = customers.length;
        if (arms.length != n || assignedAt.length != n) {
            throw new IllegalArgumentException("customers, arms and assignedAt must have the same length, got " + n
                    + ", " + arms.length + ", " + assignedAt.length);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        long w = window.toSeconds();
        double[][] out = new double[COLUMNS.size()][n];
        for (int u = 0; u < n; u++) {
            int c = log.customers().indexOf(customers[u]);
            if (c < 0) {
                continue;
            }
            long t = assignedAt[u];
            boolean before = false;
            boolean inWindow = false;
            boolean after = false;
            double revenue = 0;
            double pre = 0;
            for (int line = log.lineStart(c); line < log.lineEnd(c); line++) {
                long time = log.time(line);
                boolean purchase = !log.isCancellation(line);
                if (time < t) {
                    before |= purchase;
                    if (time >= t - w) {
                        pre += log.amount(line);
                    }
                } else {
                    after |= purchase;
                    if (time < t + w) {
                        inWindow |= purchase;
                        revenue += log.amount(line);
                    }
                }
            }
            out[0][u] = inWindow ? 1 : 0;
            out[1][u] = after ? 1 : 0;
            out[2][u] = before && inWindow ? 1 : 0;
            out[3][u] = revenue;
            out[4][u] = pre;
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int k = 0; k < COLUMNS.size(); k++) {
            columns.put(COLUMNS.get(k), out[k]);
        }
        return ExperimentTable.of(arms, columns, "transaction log");
    }
}
