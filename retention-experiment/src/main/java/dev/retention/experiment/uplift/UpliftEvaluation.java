package dev.retention.experiment.uplift;

import dev.retention.primitive.IndirectSort;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How well uplift scores rank held-out rows of a randomised experiment. With the rows ranked by decreasing score
 * (ties in row order) and {@code Y_t(k), N_t(k), Y_c(k), N_c(k)} the outcome sums and counts of the treated and
 * control rows among the first {@code k}:
 * <ul>
 *   <li>Qini curve {@code q(k) = Y_t(k) - Y_c(k) N_t(k) / N_c(k)} (0 where {@code N_c(k) = 0}): the incremental
 *       outcomes among the treated of the top {@code k} (Radcliffe 2007, "Using control groups to target on
 *       predicted lift");</li>
 *   <li>Qini area: the trapezoid area under {@code q} over {@code k = 0..n} minus that of the random line,
 *       {@code q(n) n / 2} (unnormalised);</li>
 *   <li>uplift curve {@code u(k) = (Y_t(k) / N_t(k) - Y_c(k) / N_c(k)) k} (0 where an arm is absent) and AUUC, its
 *       trapezoid area minus the random line's {@code u(n) n / 2} (Rzepakowski and Jaroszewicz 2012; unnormalised,
 *       as the Qini area);</li>
 *   <li>uplift at a fraction {@code f}: {@code Y_t(k) / N_t(k) - Y_c(k) / N_c(k)} for {@code k = max(1, floor(f n))}
 *       (scikit-uplift's {@code uplift_at_k(strategy='overall')});</li>
 *   <li>by decile: the rows of each tenth of the ranking, {@code [floor(d n / 10), floor((d + 1) n / 10))}, with
 *       each arm's rate and their difference.</li>
 * </ul>
 * O(n log n).
 *
 * @param rows             the number of rows evaluated
 * @param qini             {@code q(k)} for {@code k = 0..n}
 * @param qiniArea         the Qini area above the random line
 * @param auuc             the area under the uplift curve above the random line
 * @param upliftAt30       uplift at 30%; empty when an arm is absent from the top 30%
 * @param incrementalTop30 {@code q(k)} at the top 30%: the incremental outcomes of treating it
 * @param incrementalRandom30 {@code q(n) k / n}: the incremental outcomes of treating as many at random
 * @param deciles          per decile: treated rows, control rows, treated rate, control rate, uplift (rates 0 where an
 *                         arm is absent); rows of 5 values
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record UpliftEvaluation(int rows, double[] qini, double qiniArea, double auuc, OptionalDouble upliftAt30,
                               double incrementalTop30, double incrementalRandom30, double[][] deciles) {

    /**
     * Copies the arrays.
     *
     * @param rows                rows evaluated
     * @param qini                the curve; copied
     * @param qiniArea            the area
     * @param auuc                the AUUC
     * @param upliftAt30          uplift at 30%
     * @param incrementalTop30    incremental outcomes of the top 30%
     * @param incrementalRandom30 incremental outcomes of 30% at random
     * @param deciles             the decile table; copied
     */
    public UpliftEvaluation {
        Objects.requireNonNull(upliftAt30, "upliftAt30");
        qini = qini.clone();
        deciles = copy(deciles);
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /**
     * Evaluates scores on held-out rows.
     *
     * @param uplift    read: the score of each row, finite
     * @param treatment read: 1 treated, 0 control; both present
     * @param outcome   read: the outcome of each row, finite (0/1 for a rate; revenue works too)
     * @return the evaluation
     * @throws IllegalArgumentException if lengths differ, fewer than 10 rows, a value is out of range, or an arm is
     *                                  absent
     */
    public static UpliftEvaluation compute(double[] uplift, int[] treatment, double[] outcome) {
        Objects.requireNonNull(uplift, "uplift");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(outcome, "outcome");
        int n = uplift.length;
        if (treatment.length != n || outcome.length != n) {
            throw new IllegalArgumentException("uplift, treatment and outcome must have the same length, got " + n + ", "
                    + treatment.length + ", " + outcome.length);
        }
        if (n < 10) {
            throw new IllegalArgumentException("an uplift evaluation needs at least 10 rows, got " + n);
        }
        int treatedRows = 0;
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(uplift[i]) || !Double.isFinite(outcome[i])) {
                throw new IllegalArgumentException("row " + i + " has a non-finite score or outcome: " + uplift[i] + ", "
                        + outcome[i]);
            }
            if (treatment[i] != 0 && treatment[i] != 1) {
                throw new IllegalArgumentException("treatment must be 0 or 1, got " + treatment[i] + " in row " + i);
            }
            treatedRows += treatment[i];
            key[i] = -uplift[i];
        }
        if (treatedRows == 0 || treatedRows == n) {
            throw new IllegalArgumentException("the evaluation rows need both arms, got " + treatedRows + " treated of "
                    + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndirectSort.sortByKey(order, key);
        double[] q = new double[n + 1];
        double[] u = new double[n + 1];
        double yt = 0;
        double yc = 0;
        long nt = 0;
        long nc = 0;
        for (int k = 1; k <= n; k++) {
            int i = order[k - 1];
            if (treatment[i] == 1) {
                yt += outcome[i];
                nt++;
            } else {
                yc += outcome[i];
                nc++;
            }
            q[k] = nc == 0 ? 0 : yt - yc * nt / nc;
            u[k] = nc == 0 || nt == 0 ? 0 : (yt / nt - yc / nc) * k;
        }
        double qArea = 0;
        double uArea = 0;
        for (int k = 1; k <= n; k++) {
            qArea += 0.5 * (q[k - 1] + q[k]);
            uArea += 0.5 * (u[k - 1] + u[k]);
        }
        qArea -= q[n] * n / 2.0;
        uArea -= u[n] * n / 2.0;
        int k30 = Math.max(1, (int) Math.floor(0.3 * n));
        OptionalDouble at30 = upliftAt(order, treatment, outcome, k30);
        double[][] deciles = new double[10][];
        for (int d = 0; d < 10; d++) {
            double[] a = armSums(order, treatment, outcome, (int) ((long) d * n / 10), (int) ((long) (d + 1) * n / 10));
            double rt = a[2] == 0 ? 0 : a[0] / a[2];
            double rc = a[3] == 0 ? 0 : a[1] / a[3];
            deciles[d] = new double[] {a[2], a[3], rt, rc, rt - rc};
        }
        return new UpliftEvaluation(n, q, qArea, uArea, at30, q[k30], q[n] * k30 / n, deciles);
    }

    private static OptionalDouble upliftAt(int[] order, int[] treatment, double[] outcome, int k) {
        double[] a = armSums(order, treatment, outcome, 0, k);
        return a[2] == 0 || a[3] == 0 ? OptionalDouble.empty() : OptionalDouble.of(a[0] / a[2] - a[1] / a[3]);
    }

    /** Treated outcome sum, control outcome sum, treated rows, control rows among ranks [from, to). */
    private static double[] armSums(int[] order, int[] treatment, double[] outcome, int from, int to) {
        double[] a = new double[4];
        for (int r = from; r < to; r++) {
            int i = order[r];
            int arm = treatment[i] == 1 ? 0 : 1;
            a[arm] += outcome[i];
            a[arm + 2]++;
        }
        return a;
    }

    /** {@return the Qini curve q(k) for k = 0..n (unnormalised, as {@link #qiniArea()} integrates it); a copy} */
    @Override
    public double[] qini() {
        return qini.clone();
    }

    /** {@return per decile: treated rows, control rows, treated rate, control rate, uplift (rates 0 where an arm is absent); rows of 5 values; a copy} */
    @Override
    public double[][] deciles() {
        return copy(deciles);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpliftEvaluation e && e.rows == rows && Arrays.equals(e.qini, qini)
                && Double.compare(e.auuc, auuc) == 0 && Arrays.deepEquals(e.deciles, deciles);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(qini) + rows;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d rows: Qini area %.4f, AUUC %.4f, uplift at "
                + "30%% %s; incremental outcomes in the top 30%% %.2f against %.2f at random%n", rows, qiniArea, auuc,
                upliftAt30.isPresent() ? String.format(Locale.ROOT, "%.6f", upliftAt30.getAsDouble()) : "n/a",
                incrementalTop30, incrementalRandom30));
        sb.append(String.format(Locale.ROOT, "%6s %8s %8s %10s %10s %10s%n", "decile", "treated", "control",
                "treated %", "control %", "uplift"));
        for (int d = 0; d < deciles.length; d++) {
            double[] r = deciles[d];
            sb.append(String.format(Locale.ROOT, "%6d %8d %8d %10.4f %10.4f %10.4f%n", d + 1, (long) r[0], (long) r[1],
                    r[2], r[3], r[4]));
        }
        return sb.toString();
    }
}
