package dev.retention.recsys.factorization;

import dev.retention.model.FitSummary;
import dev.retention.random.Variates;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.EpochConvergence;
import dev.retention.recsys.sparse.CsrMatrix;


/**
 * What the iterative learners of this package share: initial factors from the seed, the training ratings as
 * arrays, the regularisation part of the objective, and the end of the fit summary (convergence, divergence).
 * Package-private.
 */
final class FactorFits {

    /**
     * Largest relative change of the objective over the last epoch for a fit to count as converged, as for the
     * baselines: Surprise runs a fixed number of epochs, and the summary says whether that number was enough.
     */
    static final double CONVERGENCE_TOLERANCE = 1e-4;

    /** Seed streams: user factors, item factors, implicit item factors, shuffles, clusters. */
    static final long USERS = 1;
    static final long ITEMS = 2;
    static final long IMPLICIT = 3;
    static final long SHUFFLE = 4;

    private FactorFits() {
    }

    /** The training ratings as CSR arrays with double values, copied once; shares its arrays with the fit. */
    static final class Csr {
        final int[] ptr;
        final int[] idx;
        final double[] r;
        final int[] userCounts;
        final int[] itemCounts;

        private Csr(int[] ptr, int[] idx, double[] r, int[] userCounts, int[] itemCounts) {
            this.ptr = ptr;
            this.idx = idx;
            this.r = r;
            this.userCounts = userCounts;
            this.itemCounts = itemCounts;
        }

        static Csr of(Ratings train) {
            CsrMatrix m = train.byUser();
            float[] v = m.values();
            double[] r = new double[v.length];
            for (int p = 0; p < v.length; p++) {
                r[p] = v[p];
            }
            int[] idx = m.columnIndices();
            int[] ptr = m.rowPointers();
            int[] items = new int[train.itemCount()];
            for (int i : idx) {
                items[i]++;
            }
            int[] users = new int[train.userCount()];
            for (int u = 0; u < users.length; u++) {
                users[u] = ptr[u + 1] - ptr[u];
            }
            return new Csr(ptr, idx, r, users, items);
        }
    }

    /** {@code rows x f} normal draws {@code N(mean, std)}, row-major, from stream {@code stream} of the seed. */
    static double[] normal(long seed, long stream, int rows, int f, double mean, double std) {
        Variates v = Variates.stream(seed, stream, 0);
        double[] x = new double[Math.multiplyExact(rows, f)];
        for (int p = 0; p < x.length; p++) {
            x[p] = mean + std * v.normal();
        }
        return x;
    }

    /** {@code rows x f} uniform draws in {@code [low, high)}, row-major, from stream {@code stream} of the seed. */
    static double[] uniform(long seed, long stream, int rows, int f, double low, double high) {
        Variates v = Variates.stream(seed, stream, 0);
        double[] x = new double[Math.multiplyExact(rows, f)];
        for (int p = 0; p < x.length; p++) {
            x[p] = low + (high - low) * v.nextDouble();
        }
        return x;
    }

    /** A seeded random permutation of {@code 0 .. n-1} (Fisher-Yates), for epoch {@code epoch}. */
    static int[] permutation(long seed, int epoch, int n) {
        Variates v = Variates.stream(seed, SHUFFLE, epoch);
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        for (int p = n - 1; p > 0; p--) {
            int q = v.nextInt(p + 1);
            int t = order[p];
            order[p] = order[q];
            order[q] = t;
        }
        return order;
    }

    /**
     * {@code sum_x n_x (regB b_x^2 + regF |f_x|^2)} over the rows of a factor matrix, {@code n_x} the ratings of
     * row {@code x}: the regularisation of Surprise's objective, which charges it once per rating.
     */
    static double weightedSquares(int[] counts, double[] b, double regB, double[] factors, int f, double regF) {
        double s = 0;
        for (int x = 0; x < counts.length; x++) {
            if (counts[x] == 0) {
                continue;
            }
            double norm = 0;
            for (int k = 0, o = x * f; k < f; k++) {
                norm += factors[o + k] * factors[o + k];
            }
            s += counts[x] * ((b == null ? 0 : regB * b[x] * b[x]) + regF * norm);
        }
        return s;
    }

    /** Zeroes the factor rows of users or items without training ratings (Surprise treats them as zero). */
    static void zeroUnrated(int[] counts, double[] factors, int f) {
        for (int x = 0; x < counts.length; x++) {
            if (counts[x] == 0) {
                java.util.Arrays.fill(factors, x * f, x * f + f, 0);
            }
        }
    }

    /**
     * Ends a summary: the objective of the epochs run, and either the divergence (unusable, naming the epoch and
     * the objective) or convergence by {@link #CONVERGENCE_TOLERANCE}.
     *
     * @param summary    written
     * @param name       the objective's name
     * @param objective  one value per epoch run; the last may be non-finite when the fit diverged
     * @param epochs     epochs asked for
     * @param learning   the learning rate(s), for the divergence message
     */
    static void finish(FitSummary.Builder summary, String name, double[] objective, int epochs, String learning) {
        EpochConvergence.finish(summary, name, objective, epochs, learning, CONVERGENCE_TOLERANCE);
    }
}
