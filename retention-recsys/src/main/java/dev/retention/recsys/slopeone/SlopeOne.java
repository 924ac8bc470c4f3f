package dev.retention.recsys.slopeone;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Fits Slope One (D. Lemire and A. Maclachlan, "Slope One predictors for online rating-based collaborative
 * filtering", SDM 2005), as Surprise's {@code SlopeOne}, as a {@link SlopeOneModel}: the mean deviation
 * {@code dev(i, j)} of {@code r_ui - r_uj} over the users who rated both items, for every pair. Entry point
 * {@link #fit}.
 *
 * <p>Fit O(sum over users of count^2) time and a dense {@code items x items} table of deviations (4 bytes per
 * pair: 55 MB for 3,706 items), as Surprise. Rows of the table are computed in fixed blocks of items (by
 * work, from the data alone), each row by one thread with its own workspace in a fixed order, so the table is
 * the same for any number of threads.
 */
public final class SlopeOne {

    private static final int MAX_ITEMS = 46_340;
    private static final long BLOCK_WORK = 1 << 18;

    private SlopeOne() {
    }

    /**
     * Fits the deviation table with {@link SlopeOneOptions#defaults()} (one thread).
     *
     * @param train read; kept for predictions
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating, or there are more than 46,340 items (the table would not fit an array)
     */
    public static SlopeOneModel fit(Ratings train) {
        return fit(train, SlopeOneOptions.defaults(), FitControl.defaults());
    }

    /**
     * Fits the deviation table.
     *
     * @param train   read; kept for predictions
     * @param options threads
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating, or there are more than 46,340 items (the table would not fit an array)
     */
    public static SlopeOneModel fit(Ratings train, SlopeOneOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the deviation table. A closed-form fit: {@code control} is asked whether to cancel before it
     * starts, and lends its executor, if any, to the threads.
     *
     * @param train   read; kept for predictions
     * @param options threads
     * @param control may cancel the fit; its executor runs the threads
     * @return the fitted model
     * @throws IllegalArgumentException                   if {@code train} holds no rating, or there are more than 46,340 items
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static SlopeOneModel fit(Ratings train, SlopeOneOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Limits.requireRatings("train", train.size());
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        int n = train.itemCount();
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException("SlopeOne keeps a dense items x items table; at most " + MAX_ITEMS
                    + " items, got " + n);
        }
        control.checkCancelled("SlopeOne", 0);
        long start = System.nanoTime();
        CsrMatrix byUser = train.byUser();
        CsrMatrix byItem = train.byItem();
        float[] dev = new float[n * n];
        long[] work = new long[n + 1];   // row i visits the ratings of every user who rated i
        for (int i = 0; i < n; i++) {
            long w = 1;
            for (int q = byItem.rowStart(i); q < byItem.rowEnd(i); q++) {
                w += byUser.rowLength(byItem.columnIndex(q));
            }
            work[i + 1] = work[i] + w;
        }
        Blocks blocks = Blocks.byWeight(work, n, BLOCK_WORK);
        try (Workers workers = control.workers(options.threads())) {
            Workspace[] spaces = new Workspace[workers.threads()];
            workers.run(blocks.count(), (b, w) -> {
                if (spaces[w] == null) {
                    spaces[w] = new Workspace(n);
                }
                for (int i = blocks.start(b); i < blocks.end(b); i++) {
                    deviationRow(i, byUser, byItem, dev, spaces[w]);
                }
            });
        }
        double[] userMean = new double[train.userCount()];
        for (int u = 0; u < userMean.length; u++) {
            double s = 0;
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                s += byUser.value(p);
            }
            userMean[u] = byUser.rowLength(u) == 0 ? 0 : s / byUser.rowLength(u);
        }
        FitSummary s = FitSummary.builder("SlopeOne").options(options)
                .choice(String.format(Locale.ROOT, "dense %,d x %,d deviation table (%.1f MiB)", n, n,
                        4.0 * n * n / (1 << 20)))
                .data(train.fingerprint()).secondsSince(start).build();
        s.logTo(SlopeOne.class);
        return new SlopeOneModel(train, dev, userMean, options, s);
    }

    /** Per-thread sums over the items co-rated with one item; left cleared between rows. */
    private static final class Workspace {
        final int[] freq;
        final double[] sum;
        final int[] touched;

        Workspace(int n) {
            freq = new int[n];
            sum = new double[n];
            touched = new int[n];
        }
    }

    /** Row {@code i} of the table: NaN where no user rated both items, 0 on the diagonal. */
    private static void deviationRow(int i, CsrMatrix byUser, CsrMatrix byItem, float[] dev, Workspace ws) {
        int n = byItem.rows();
        int[] freq = ws.freq;
        double[] sum = ws.sum;
        int[] touched = ws.touched;
        int m = 0;
        for (int q = byItem.rowStart(i); q < byItem.rowEnd(i); q++) {
            int u = byItem.columnIndex(q);
            double rui = byItem.value(q);
            for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                int j = byUser.columnIndex(p);
                if (freq[j]++ == 0) {
                    touched[m++] = j;
                }
                sum[j] += rui - byUser.value(p);
            }
        }
        int row = i * n;
        Arrays.fill(dev, row, row + n, Float.NaN);
        for (int t = 0; t < m; t++) {
            int j = touched[t];
            dev[row + j] = j == i ? 0f : (float) (sum[j] / freq[j]);
            freq[j] = 0;
            sum[j] = 0;
        }
    }
}
