package dev.retention.cluster.internal;

import dev.retention.matrix.DenseMatrix;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.primitive.LongIntMap;

import java.util.SplittableRandom;

/**
 * Initial centres for k-means.
 *
 * <p><b>Greedy k-means++</b> (Arthur and Vassilvitskii, "k-means++: the advantages of careful seeding",
 * SODA 2007; the greedy variant with several local trials per centre is the one scikit-learn uses):
 * the first centre is a point drawn with probability proportional to its weight; each further centre
 * is chosen among {@code trials} candidates drawn with probability proportional to
 * {@code w_i * D(x_i)^2} (D = distance to the nearest centre so far) as the candidate that most lowers
 * the potential {@code sum_i w_i * D(x_i)^2}. O(k * trials * n * d) time, O(n) extra memory (the
 * current {@code D^2}), no n x trials matrix: candidate potentials are reduced per block and the
 * winner's distances are recomputed.
 *
 * <p>Sampling by cumulative mass runs over the fixed {@link Blocks}: block masses are summed in block
 * order, the block is found first and then the row inside it, so the draw does not depend on the
 * number of threads. {@link #random} draws k distinct rows uniformly (scikit-learn's
 * {@code init="random"}).
 */
public final class KMeansSeeding {

    private KMeansSeeding() {
    }

    /**
     * Greedy k-means++ seeding.
     *
     * @param x       n rows of d values; read, not copied
     * @param w       weights, or null for all 1; read
     * @param trials  candidates per centre, at least 1
     * @param rnd     written (advanced)
     * @return the k chosen row indices, in order of choice
     */
    public static int[] kMeansPlusPlus(DenseMatrix x, double[] w, int k, int trials, SplittableRandom rnd,
                                       Blocks blocks, Workers workers) {
        int n = x.rows();
        int d = x.columns();
        int nb = blocks.count();
        double[] closest = new double[n];
        double[] blockMass = new double[nb];
        int[] chosen = new int[k];

        // first centre: proportional to weight (uniform without weights)
        java.util.Arrays.fill(closest, 1.0);
        workers.run(nb, b -> blockMass[b] = mass(closest, w, blocks.start(b), blocks.end(b)));
        chosen[0] = draw(closest, w, blockMass, blocks, rnd);

        int c0 = chosen[0] * d;
        workers.run(nb, b -> {
            int end = blocks.end(b);
            double s = 0;
            for (int i = blocks.start(b); i < end; i++) {
                double di = SquaredEuclidean.distance(x, i * d, x, c0, d);
                closest[i] = di;
                s += w == null ? di : w[i] * di;
            }
            blockMass[b] = s;
        });

        int[] candidates = new int[trials];
        double[] partial = new double[nb * trials];
        for (int c = 1; c < k; c++) {
            for (int t = 0; t < trials; t++) {
                candidates[t] = draw(closest, w, blockMass, blocks, rnd);
            }
            workers.run(nb, b -> candidatePotentials(x, d, w, closest, candidates, blocks.start(b), blocks.end(b),
                    partial, b * trials));
            int best = 0;
            double bestPot = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double pot = 0;
                for (int b = 0; b < nb; b++) {
                    pot += partial[b * trials + t];
                }
                if (pot < bestPot) {
                    bestPot = pot;
                    best = t;
                }
            }
            int winner = candidates[best];
            chosen[c] = winner;
            int co = winner * d;
            workers.run(nb, b -> {
                int end = blocks.end(b);
                double s = 0;
                for (int i = blocks.start(b); i < end; i++) {
                    double di = SquaredEuclidean.distance(x, i * d, x, co, d);
                    double m = Math.min(closest[i], di);
                    closest[i] = m;
                    s += w == null ? m : w[i] * m;
                }
                blockMass[b] = s;
            });
        }
        return chosen;
    }

    /** {@code out[o + t] = sum_i w_i min(closest_i, D(x_i, candidate_t)^2)} over rows [start, end). */
    private static void candidatePotentials(DenseMatrix x, int d, double[] w, double[] closest, int[] candidates,
                                            int start, int end, double[] out, int o) {
        int trials = candidates.length;
        double[] sums = new double[trials];
        double[] rows = new double[trials * d];        // the candidates, contiguous
        for (int t = 0; t < trials; t++) {
            x.copyRow(candidates[t], rows, t * d);
        }
        double[] dist = new double[trials];
        for (int i = start; i < end; i++) {
            SquaredEuclidean.toEachRow(x, i * d, rows, trials, d, dist);
            double ci = closest[i];
            double wi = w == null ? 1.0 : w[i];
            for (int t = 0; t < trials; t++) {
                sums[t] += wi * Math.min(ci, dist[t]);
            }
        }
        System.arraycopy(sums, 0, out, o, trials);
    }

    private static double mass(double[] v, double[] w, int start, int end) {
        double s = 0;
        for (int i = start; i < end; i++) {
            s += w == null ? v[i] : w[i] * v[i];
        }
        return s;
    }

    /**
     * Draws a row with probability proportional to {@code w_i * v_i}: the first row whose cumulative
     * mass exceeds {@code u * total}. With a total mass of zero (every point on a centre) the row is
     * drawn uniformly.
     */
    static int draw(double[] v, double[] w, double[] blockMass, Blocks blocks, SplittableRandom rnd) {
        double u = rnd.nextDouble();
        int nb = blocks.count();
        double total = 0;
        for (int b = 0; b < nb; b++) {
            total += blockMass[b];
        }
        if (!(total > 0)) {
            return (int) (u * blocks.end(nb - 1));
        }
        double r = u * total;
        double before = 0;
        int b = 0;
        while (b < nb - 1 && before + blockMass[b] <= r) {
            before += blockMass[b];
            b++;
        }
        // inside block b: the same sequential sum as mass(), compared with what is left of r
        double rest = r - before;
        double s = 0;
        int last = -1;
        int end = blocks.end(b);
        for (int i = blocks.start(b); i < end; i++) {
            double m = w == null ? v[i] : w[i] * v[i];
            if (m > 0) {
                s += m;
                last = i;
                if (s > rest) {
                    return i;
                }
            }
        }
        if (last >= 0) {
            return last;        // rounding left r just past the block's sum
        }
        for (int bb = nb - 1; bb >= 0; bb--) {   // block b had no mass (rounding): the last row with mass
            for (int i = blocks.end(bb) - 1; i >= blocks.start(bb); i--) {
                if ((w == null ? v[i] : w[i] * v[i]) > 0) {
                    return i;
                }
            }
        }
        return 0;
    }

    /**
     * k distinct rows drawn uniformly (a partial Fisher-Yates shuffle of the first k positions).
     *
     * @return the row indices, in order of drawing
     */
    public static int[] random(int n, int k, SplittableRandom rnd) {
        LongIntMap swapped = new LongIntMap();
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int vj = swapped.get(j);
            int vi = swapped.get(i);
            out[i] = vj < 0 ? j : vj;
            swapped.put(j, vi < 0 ? i : vi);
        }
        return out;
    }
}
