package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.primitive.DoubleList;

import java.util.Arrays;

/**
 * Batch k-means iterations from given initial centres (one restart), exactly as scikit-learn's
 * {@code _kmeans_single_lloyd} decides when to stop, with either plain Lloyd assignment or Hamerly's
 * bounds.
 *
 * <p><b>Iteration.</b> Assign each point to its nearest centre (lowest index on ties) with exact squared
 * distances, accumulate per-block weighted sums, then move every centre to the weighted mean of its
 * points (Lloyd 1982). A centre left without points takes the point farthest from its assigned centre
 * (scikit-learn's relocation, taken only from clusters that keep at least one point). Stop when no
 * label changed and nothing was relocated ("strict" convergence), when the summed squared centre shift
 * is at most {@code tol}, or after {@code maxIter} iterations; unless strictly converged, a last
 * assignment makes the labels consistent with the final centres. The inertia of each assignment
 * (weighted sum of squared distances to the assigned centres) is recorded: it never rises.
 *
 * <p><b>Hamerly's bounds</b> (G. Hamerly, "Making k-means even faster", SDM 2010): per point a lower
 * bound on the distance to its second-nearest centre, decreased by the largest centre drift after each
 * update. The distance to the assigned centre is computed exactly (it gives the exact inertia); when it
 * is below {@code max(s(a), lower)}, where {@code s(a)} is half the distance from the assigned centre to
 * its nearest other centre, no other centre can be as close and the k-distance scan is skipped. The
 * test (on squares) is strict and carries a relative margin of 2e-10 for rounding, so the labels equal Lloyd's,
 * ties included. O(n) extra memory; a scan costs O(k d) and a skip O(d).
 *
 * <p>Cost per iteration O(n k d) for Lloyd (much less with bounds once centres settle) plus O(k^2 d);
 * memory O(n) for labels and bounds plus {@code blocks * k * (d + 2)} for per-block sums. Blocks are
 * combined in block order: the result does not depend on the number of threads.
 */
public final class KMeansIterations {

    /** Called after each iteration with its number (from 1) and the inertia of its assignment. */
    public interface Listener {
        /** Iteration {@code iteration} assigned with inertia {@code inertia}; centres moved by {@code shift}. */
        void iteration(int iteration, double inertia, double shift, long changed);
    }

    /** The outcome of one run. */
    public static final class Result {
        /** Final centres, k rows of d. */
        public final double[] centres;
        /** Final labels. */
        public final int[] labels;
        /** Inertia of the final labels and centres. */
        public final double inertia;
        /** Iterations run. */
        public final int iterations;
        /** Whether a stopping rule other than maxIter fired. */
        public final boolean converged;
        /** Whether it was the strict rule: no label changed and nothing was relocated. */
        public final boolean strict;
        /** Inertia of each iteration's assignment. */
        public final double[] history;

        Result(double[] centres, int[] labels, double inertia, int iterations, boolean converged, boolean strict,
               double[] history) {
            this.centres = centres;
            this.labels = labels;
            this.inertia = inertia;
            this.iterations = iterations;
            this.converged = converged;
            this.strict = strict;
            this.history = history;
        }
    }

    /** Relative margin of the (squared) bound test, for rounding in the bounds. */
    private static final double MARGIN = 1 + 2e-10;

    private final DenseMatrix x;
    private final int n;
    private final int d;
    private final double[] w;
    private final int k;
    private final boolean hamerly;
    private final Blocks blocks;
    private final Workers workers;

    private final int[] labels;
    private final double[] lower;       // Hamerly: lower bound on the distance to the second-nearest centre
    private final double[][] blockSums;
    private final double[][] blockWeights;
    private final int[][] blockCounts;
    private final double[] blockInertia;
    private final long[] blockChanged;

    // per-iteration state read by the assignment: half distance to the nearest other centre, drifts
    private final double[] half;
    private double maxDrift;
    private double secondDrift;
    private int maxDriftCentre = -1;

    /**
     * A run over the given points; nothing is computed yet.
     *
     * @param x       n rows of d values; read, not copied
     * @param w       weights (positive), or null for all 1; read
     * @param hamerly whether to use Hamerly's bounds
     */
    public KMeansIterations(DenseMatrix x, double[] w, int k, boolean hamerly, Blocks blocks, Workers workers) {
        this.x = x;
        this.n = x.rows();
        this.d = x.columns();
        this.w = w;
        this.k = k;
        this.hamerly = hamerly;
        this.blocks = blocks;
        this.workers = workers;
        this.labels = new int[n];
        this.lower = hamerly ? new double[n] : null;
        int nb = blocks.count();
        this.blockSums = new double[nb][k * d];
        this.blockWeights = new double[nb][k];
        this.blockCounts = new int[nb][k];
        this.blockInertia = new double[nb];
        this.blockChanged = new long[nb];
        this.half = new double[k];
    }

    /**
     * Runs iterations from {@code initial} centres.
     *
     * @param initial  k rows of d; read, not kept
     * @param listener optional (null)
     */
    public Result run(double[] initial, int maxIter, double tol, Listener listener) {
        double[] centres = initial.clone();
        double[] next = new double[k * d];
        Arrays.fill(labels, -1);
        maxDriftCentre = -1;
        maxDrift = 0;
        secondDrift = 0;
        DoubleList history = new DoubleList();
        boolean strict = false;
        boolean converged = false;
        int it = 0;
        while (it < maxIter) {
            double[] c = centres;
            prepareBounds(c);
            workers.run(blocks.count(), b -> assign(c, b));
            double inertia = sumInOrder(blockInertia);
            long changed = 0;
            for (long ch : blockChanged) {
                changed += ch;
            }
            history.add(inertia);
            int relocated = update(c, next);
            double shift = drift(c, next);
            double[] t = centres;
            centres = next;
            next = t;
            it++;
            if (listener != null) {
                listener.iteration(it, inertia, shift, changed);
            }
            if (changed == 0 && relocated == 0) {
                strict = true;
                converged = true;
                break;
            }
            if (shift <= tol) {
                converged = true;
                break;
            }
        }
        double inertia;
        if (strict) {
            inertia = history.get(it - 1);   // same partition, so the same centres: the last one stands
        } else {
            double[] c = centres;
            prepareBounds(c);
            workers.run(blocks.count(), b -> assign(c, b));
            inertia = sumInOrder(blockInertia);
        }
        return new Result(centres, labels.clone(), inertia, it, converged, strict, history.toArray());
    }

    /**
     * One assignment to fixed centres, with nothing moved: the labels and inertia of {@code centres}.
     *
     * @param centres k rows of d; read, copied into the result
     */
    public Result assignOnly(double[] centres) {
        Arrays.fill(labels, -1);
        maxDriftCentre = -1;
        maxDrift = 0;
        secondDrift = 0;
        double[] c = centres.clone();
        prepareBounds(c);
        workers.run(blocks.count(), b -> assign(c, b));
        return new Result(c, labels.clone(), sumInOrder(blockInertia), 0, true, false, new double[0]);
    }

    private static double sumInOrder(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /** Half the distance from each centre to its nearest other centre (Hamerly's s). */
    private void prepareBounds(double[] c) {
        if (!hamerly) {
            return;
        }
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double dist = Math.sqrt(SquaredEuclidean.distance(c, a * d, c, b * d, d));
                if (dist < half[a]) {
                    half[a] = dist;
                }
                if (dist < half[b]) {
                    half[b] = dist;
                }
            }
        }
        for (int a = 0; a < k; a++) {
            half[a] *= 0.5;
        }
    }

    /** Assignment of block {@code b} with centres {@code c}: labels, bounds, sums, inertia, changes. */
    private void assign(double[] c, int b) {
        double[] sums = blockSums[b];
        double[] weights = blockWeights[b];
        int[] counts = blockCounts[b];
        Arrays.fill(sums, 0);
        Arrays.fill(weights, 0);
        Arrays.fill(counts, 0);
        double[] dist = new double[k];
        double inertia = 0;
        long changed = 0;
        int end = blocks.end(b);
        for (int i = blocks.start(b); i < end; i++) {
            int xo = i * d;
            int a = labels[i];
            double best = 0;
            int label = -1;
            if (hamerly && a >= 0) {
                double lo = lower[i] - (a == maxDriftCentre ? secondDrift : maxDrift);
                double da = SquaredEuclidean.distance(x, xo, c, a * d, d);
                double bound = Math.max(half[a], lo);     // >= 0
                if (da * MARGIN < bound * bound) {
                    best = da;           // no other centre can be as close
                    label = a;
                    lower[i] = lo;
                }
            }
            if (label < 0) {
                // full scan, lowest index on ties; min/max rather than branches, which mispredict
                SquaredEuclidean.toEachRow(x, xo, c, k, d, dist);
                best = dist[0];
                label = 0;
                if (hamerly) {
                    double second = Double.POSITIVE_INFINITY;
                    for (int j = 1; j < k; j++) {
                        double dj = dist[j];
                        second = Math.min(second, Math.max(best, dj));
                        if (dj < best) {
                            label = j;
                        }
                        best = Math.min(best, dj);
                    }
                    lower[i] = Math.sqrt(second);
                } else {
                    for (int j = 1; j < k; j++) {
                        if (dist[j] < best) {
                            best = dist[j];
                            label = j;
                        }
                    }
                }
            }
            if (label != a) {
                changed++;
                labels[i] = label;
            }
            counts[label]++;
            int so = label * d;
            if (w == null) {                      // the same sums as weight 1.0, without the products
                inertia += best;
                for (int j = 0; j < d; j++) {
                    sums[so + j] += x.valueAt(xo + j);
                }
            } else {
                double wi = w[i];
                inertia += wi * best;
                weights[label] += wi;
                for (int j = 0; j < d; j++) {
                    sums[so + j] += wi * x.valueAt(xo + j);
                }
            }
        }
        blockInertia[b] = inertia;
        blockChanged[b] = changed;
    }

    /**
     * Moves centres to the weighted means of their points ({@code next}), relocating empty clusters;
     * returns the number relocated.
     */
    private int update(double[] c, double[] next) {
        int nb = blocks.count();
        double[] sums = new double[k * d];
        double[] weights = new double[k];
        int[] counts = new int[k];
        for (int b = 0; b < nb; b++) {
            double[] bs = blockSums[b];
            for (int q = 0; q < sums.length; q++) {
                sums[q] += bs[q];
            }
            double[] bw = blockWeights[b];
            int[] bc = blockCounts[b];
            for (int j = 0; j < k; j++) {
                weights[j] += w == null ? bc[j] : bw[j];
                counts[j] += bc[j];
            }
        }
        int relocated = relocateEmpty(c, sums, weights, counts);
        for (int j = 0; j < k; j++) {
            double inv = 1.0 / weights[j];
            for (int q = j * d; q < (j + 1) * d; q++) {
                next[q] = sums[q] * inv;
            }
        }
        return relocated;
    }

    /**
     * Gives each empty cluster the point farthest from its assigned (old) centre, taken from a cluster
     * that keeps at least one point; ties by lowest index. Updates sums, weights, counts and labels.
     */
    private int relocateEmpty(double[] c, double[] sums, double[] weights, int[] counts) {
        int empty = 0;
        for (int j = 0; j < k; j++) {
            if (counts[j] == 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return 0;
        }
        // candidates in decreasing distance; a cluster may give at most counts - 1 of them
        int[] far = new int[Math.min(n, empty + k)];
        double[] farD = new double[far.length];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double di = SquaredEuclidean.distance(x, i * d, c, labels[i] * d, d);
            if (m == far.length && di <= farD[m - 1]) {
                continue;
            }
            int p = m == far.length ? m - 1 : m++;
            while (p > 0 && farD[p - 1] < di) {
                far[p] = far[p - 1];
                farD[p] = farD[p - 1];
                p--;
            }
            far[p] = i;
            farD[p] = di;
        }
        int relocated = 0;
        int next = 0;
        for (int j = 0; j < k; j++) {
            if (counts[j] != 0) {
                continue;
            }
            while (next < m && counts[labels[far[next]]] <= 1) {
                next++;
            }
            int i;
            if (next < m) {
                i = far[next++];
            } else {
                i = farthestMovable(c, counts);   // the short list ran out: search all points
            }
            int old = labels[i];
            double wi = w == null ? 1.0 : w[i];
            int xo = i * d;
            for (int q = 0; q < d; q++) {
                double v = x.valueAt(xo + q);
                sums[old * d + q] -= wi * v;
                sums[j * d + q] = wi * v;
            }
            weights[old] -= wi;
            counts[old]--;
            weights[j] = wi;
            counts[j] = 1;
            labels[i] = j;
            if (hamerly) {
                lower[i] = 0;
            }
            relocated++;
        }
        return relocated;
    }

    private int farthestMovable(double[] c, int[] counts) {
        int best = -1;
        double bestD = -1;
        for (int i = 0; i < n; i++) {
            if (counts[labels[i]] <= 1) {
                continue;
            }
            double di = SquaredEuclidean.distance(x, i * d, c, labels[i] * d, d);
            if (di > bestD) {
                bestD = di;
                best = i;
            }
        }
        assert best >= 0 : "n >= k guarantees a cluster with two points";
        return best;
    }

    /** Summed squared shift; sets the drifts for Hamerly's lower bounds. */
    private double drift(double[] old, double[] moved) {
        double total = 0;
        maxDrift = 0;
        secondDrift = 0;
        maxDriftCentre = -1;
        for (int j = 0; j < k; j++) {
            double s = SquaredEuclidean.distance(old, j * d, moved, j * d, d);
            total += s;
            double p = Math.sqrt(s);
            if (p > maxDrift) {
                secondDrift = maxDrift;
                maxDrift = p;
                maxDriftCentre = j;
            } else if (p > secondDrift) {
                secondDrift = p;
            }
        }
        return total;
    }
}
