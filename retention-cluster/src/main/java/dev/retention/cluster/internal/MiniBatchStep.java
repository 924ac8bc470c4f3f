package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One step of mini-batch k-means (Sculley, "Web-scale k-means clustering", WWW 2010), in the form of
 * scikit-learn 1.2's {@code _mini_batch_step}: assign the batch to the nearest centres, then move each
 * centre that received points to the weighted mean of everything it has received so far (per-centre
 * learning rate {@code 1 / accumulated weight}); optionally move centres with too little accumulated
 * weight to random batch points. O(b k d) per step for a batch of b points, O(k d) workspace.
 */
public final class MiniBatchStep {

    private final DenseMatrix x;
    private final int d;
    private final double[] w;
    private final int k;
    private final double[] sums;
    private final double[] batchWeight;

    /**
     * @param x n rows of d values; read, not copied
     * @param w weights or null; read
     */
    public MiniBatchStep(DenseMatrix x, double[] w, int k) {
        this.x = x;
        this.d = x.columns();
        this.w = w;
        this.k = k;
        this.sums = new double[k * d];
        this.batchWeight = new double[k];
    }

    /**
     * Assigns the batch and writes the moved centres to {@code next}.
     *
     * @param batch       row indices of the batch; read
     * @param centres     current centres; read
     * @param next        written: the new centres
     * @param weightSums  accumulated weight per centre; read and written
     * @return the batch inertia (weighted sum of squared distances to the current centres)
     */
    public double step(int[] batch, double[] centres, double[] next, double[] weightSums) {
        Arrays.fill(sums, 0);
        Arrays.fill(batchWeight, 0);
        double inertia = 0;
        for (int i : batch) {
            int xo = i * d;
            int label = 0;
            double best = SquaredEuclidean.distance(x, xo, centres, 0, d);
            for (int j = 1; j < k; j++) {
                double dj = SquaredEuclidean.distance(x, xo, centres, j * d, d);
                if (dj < best) {
                    best = dj;
                    label = j;
                }
            }
            double wi = w == null ? 1.0 : w[i];
            inertia += wi * best;
            batchWeight[label] += wi;
            int so = label * d;
            for (int q = 0; q < d; q++) {
                sums[so + q] += wi * x.valueAt(xo + q);
            }
        }
        for (int j = 0; j < k; j++) {
            int o = j * d;
            if (batchWeight[j] > 0) {
                double old = weightSums[j];
                double total = old + batchWeight[j];
                double inv = 1.0 / total;
                for (int q = 0; q < d; q++) {
                    next[o + q] = (centres[o + q] * old + sums[o + q]) * inv;
                }
                weightSums[j] = total;
            } else {
                System.arraycopy(centres, o, next, o, d);
            }
        }
        return inertia;
    }

    /**
     * Moves the centres whose accumulated weight is below {@code ratio} times the largest to distinct
     * random points of the batch (at most half the batch, the lightest first), and raises their weight
     * to the smallest weight of the centres kept. scikit-learn's random reassignment.
     *
     * @param next       centres; written
     * @param weightSums read and written
     * @return the number of centres moved
     */
    public int reassign(int[] batch, double[] next, double[] weightSums, double ratio, SplittableRandom rnd) {
        double max = 0;
        for (double v : weightSums) {
            max = Math.max(max, v);
        }
        double limit = ratio * max;
        boolean[] move = new boolean[k];
        int count = 0;
        for (int j = 0; j < k; j++) {
            if (weightSums[j] < limit) {
                move[j] = true;
                count++;
            }
        }
        int cap = (int) (0.5 * batch.length);
        if (count > cap) {                      // keep only the cap lightest (stable on ties)
            Integer[] order = new Integer[k];
            for (int j = 0; j < k; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(weightSums[a], weightSums[b]));
            for (int r = cap; r < k; r++) {
                move[order[r]] = false;
            }
            count = 0;
            for (boolean m : move) {
                if (m) {
                    count++;
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        int[] pick = new int[batch.length];
        for (int i = 0; i < pick.length; i++) {
            pick[i] = i;
        }
        double minKept = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            if (!move[j]) {
                minKept = Math.min(minKept, weightSums[j]);
            }
        }
        int drawn = 0;
        for (int j = 0; j < k; j++) {
            if (!move[j]) {
                continue;
            }
            int r = drawn + rnd.nextInt(pick.length - drawn);   // partial Fisher-Yates over batch positions
            int t = pick[drawn];
            pick[drawn] = pick[r];
            pick[r] = t;
            x.copyRow(batch[pick[drawn]], next, j * d);
            weightSums[j] = minKept;
            drawn++;
        }
        return count;
    }
}
