package dev.retention.cli;

import dev.retention.data.TransactionLog;
import dev.retention.churn.evaluation.ClassificationMetrics;
import dev.retention.synth.SyntheticShop;

import java.util.Arrays;

/**
 * What the synthetic shop knows and a real shop does not, put in the terms of the models that {@code retention demo}
 * fits, so that each can be compared to the truth.
 *
 * <p>In the shop's BG/NBD process (Fader, Hardie and Lee, "Counting your customers the easy way", Marketing Science
 * 24(2), 2005) a customer drops out, if ever, right after a purchase. So a customer inactive at the end of the log
 * dropped out at their last purchase, and had dropped out before an instant {@code t} exactly when inactive at the end
 * with a last purchase before {@code t}. A customer still active at {@code t}, with purchase rate {@code lambda}, makes
 * no purchase in the next {@code h} days with probability {@code exp(-lambda h)} (the wait for the next purchase is
 * exponential whatever happened before); one who had dropped out, with probability 1. The expected number of
 * purchases of an active customer in the next {@code t} days, with dropout probability {@code p}, is
 * {@code (1 - exp(-lambda p t)) / p}: purchase {@code k} happens if the Poisson process reaches it and the customer
 * survived the {@code k - 1} before, {@code sum_k (1 - p)^(k-1) P(N(t) >= k)}. Each order is worth {@code spendP / nu}
 * on average (the Gamma-Gamma model of the shop's spend).
 */
final class ShopTruth {

    private final SyntheticShop shop;
    private final TransactionLog log;
    private final boolean[] alive;
    private final long[] lastPurchase;

    ShopTruth(SyntheticShop shop) {
        this.shop = shop;
        this.log = shop.log();
        this.alive = shop.aliveAtEnd();
        this.lastPurchase = new long[log.customerCount()];
        for (int c = 0; c < lastPurchase.length; c++) {
            long last = Long.MIN_VALUE;
            for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
                if (!log.isCancellation(i)) {
                    last = Math.max(last, log.time(i));
                }
            }
            lastPurchase[c] = last;
        }
    }

    /** The dense log index of an external customer id. */
    private int index(String customer) {
        int c = log.customers().indexOf(customer);
        if (c < 0) {
            throw new IllegalArgumentException("customer '" + customer + "' is not in the synthetic shop");
        }
        return c;
    }

    /** Whether the customer of dense log index {@code c} is still active at the end of the log. */
    boolean aliveAtEnd(int c) {
        return alive[c];
    }

    /** 1 for each given customer still active at the end of the log, else 0. */
    int[] aliveAtEnd(String[] customers) {
        int[] y = new int[customers.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = alive[index(customers[k])] ? 1 : 0;
        }
        return y;
    }

    /**
     * The true probability that each given customer makes no purchase in the {@code horizonDays} days from
     * {@code epochSecond}: 1 for those who had dropped out by then, else {@code exp(-lambda h)}.
     */
    double[] churnProbability(String[] customers, long epochSecond, int horizonDays) {
        double[] lambda = shop.lambda();
        double[] q = new double[customers.length];
        for (int k = 0; k < q.length; k++) {
            int c = index(customers[k]);
            q[k] = !alive[c] && lastPurchase[c] < epochSecond ? 1 : Math.exp(-lambda[c] * horizonDays);
        }
        return q;
    }

    /**
     * The true lifetime value of each given customer over the {@code months} after the end of the log, as
     * {@link dev.retention.lifetime.clv.Clv} defines it: the expected purchases of each month (of 365.25 / 12
     * days), discounted at the end of the month at {@code monthlyRate}, times the mean order value; 0 for customers
     * inactive at the end (see the class comment). O(customers months).
     */
    double[] clv(String[] customers, int months, double monthlyRate) {
        double[] lambda = shop.lambda();
        double[] p = shop.dropoutP();
        double[] nu = shop.nu();
        double spendP = shop.options().spendP();
        double month = 365.25 / 12;
        double[] v = new double[customers.length];
        for (int k = 0; k < v.length; k++) {
            int c = index(customers[k]);
            if (!alive[c]) {
                continue;
            }
            double previous = 0;
            double discounted = 0;
            double factor = 1;
            for (int j = 1; j <= months; j++) {
                double e = expectedPurchases(lambda[c], p[c], j * month);
                factor /= 1 + monthlyRate;
                discounted += (e - previous) * factor;
                previous = e;
            }
            v[k] = discounted * spendP / nu[c];
        }
        return v;
    }

    /**
     * ROC AUC of scores against 0/1 labels, or NaN when one class is missing or a score is not finite (the demo
     * prints "n/a" for it). O(n log n).
     */
    static double auc(int[] labels, double[] scores) {
        int positives = Arrays.stream(labels).sum();
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                return Double.NaN;
            }
        }
        return positives == 0 || positives == labels.length ? Double.NaN : ClassificationMetrics.rocAuc(labels, scores);
    }

    /**
     * The expected number of purchases in the next {@code days} days of a BG/NBD customer still active, with
     * purchase rate {@code lambda} per day and dropout probability {@code p} after each purchase:
     * {@code (1 - exp(-lambda p days)) / p} (see the class comment), {@code lambda days} when {@code p = 0}.
     */
    static double expectedPurchases(double lambda, double p, double days) {
        return p == 0 ? lambda * days : -Math.expm1(-lambda * p * days) / p;
    }

    /** Pearson's correlation; NaN when either side is constant or holds a value that is not finite. O(n). */
    static double pearson(double[] a, double[] b) {
        if (!comparable(a, b)) {
            return Double.NaN;
        }
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /**
     * Spearman's rank correlation: Pearson's correlation of the mid-ranks (ties share their mean rank), as SciPy's
     * {@code spearmanr}; NaN when either side is constant or holds a value that is not finite. O(n log n).
     */
    static double spearman(double[] a, double[] b) {
        return comparable(a, b) ? pearson(midRanks(a), midRanks(b)) : Double.NaN;
    }

    /** Whether both sides have the same length, at least two values, and only finite ones. */
    private static boolean comparable(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a and b must have the same length, got " + a.length + " and "
                    + b.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                return false;
            }
        }
        return a.length >= 2;
    }

    /** Ranks 1..n in increasing order of value, ties at their mean rank. */
    static double[] midRanks(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
        double[] rank = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = mid;
            }
            i = j + 1;
        }
        return rank;
    }
}
