package dev.retention.churn.forest;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.FeatureMatrix;
import dev.retention.churn.classifier.FitListener;
import dev.retention.churn.classifier.FitSummary;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.internal.CartBuilder;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.MatrixAccess;
import dev.retention.churn.internal.TreeArrays;
import dev.retention.churn.internal.TreeGrowth;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.churn.evaluation.ClassificationMetrics;
import dev.retention.parallel.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A random forest of CART trees (Breiman, "Random forests", Machine Learning 45, 2001), as scikit-learn's
 * {@code RandomForestClassifier}: each tree is grown on a bootstrap sample (drawn with replacement; a row
 * drawn k times weighs k) searching a random subset of features at each node, and the forest's
 * probability is the mean of the trees' leaf shares. The out-of-bag rows of each tree give an honest
 * estimate without a test set: {@link ForestModel#oobAccuracy()} (scikit-learn's {@code oob_score_}) and
 * {@link ForestModel#oobAuc()}. Impurity importances are the mean of the trees' normalised importances.
 *
 * <p>Deterministic per seed whatever the number of threads: tree {@code t} draws its bootstrap sample and
 * feature order from a SplitMix64 stream seeded by {@code (seed, t)}; trees are stored by index and the
 * out-of-bag sums are added in tree order. Progress: the listener hears each finished tree, SLF4J INFO
 * every tenth of the trees.
 *
 * <p>Cost O(trees * sqrt(p) * n log n * depth) time over {@link ForestOptions#parallelism()} threads;
 * memory O(trees * nodes) plus O(n) workspace per thread and one bit per row and tree for the
 * out-of-bag rows.
 */
public final class RandomForest {

    private static final Logger LOG = LoggerFactory.getLogger(RandomForest.class);

    private RandomForest() {
    }

    /** Fits a forest with every row weighing 1. */
    public static ForestModel fit(FeatureMatrix x, int[] y, ForestOptions options) {
        return fit(x, y, null, options, FitListener.NONE);
    }

    /**
     * Fits a random forest.
     *
     * @param x             read: training features
     * @param y             read: labels 0 or 1, both classes present
     * @param sampleWeights read: row weights, finite and &gt;= 0, or {@code null}
     * @param options       the options
     * @param listener      told after each tree ({@code "trees"}, done, total)
     */
    public static ForestModel fit(FeatureMatrix x, int[] y, double[] sampleWeights, ForestOptions options,
                                  FitListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Checks.labels(x, y);
        Checks.weights(sampleWeights, x.rows());
        long start = System.nanoTime();
        int n = x.rows();
        int p = x.cols();
        double[] data = MatrixAccess.data(x);
        double[] columns = CartBuilder.columnMajor(data, n, p);   // shared, read-only, by every tree
        TreeOptions to = options.tree();
        double[] base = to.classWeight().mode() == ClassWeight.Mode.NONE ? sampleWeights
                : to.classWeight().rowWeights(y, sampleWeights);
        int mtry = to.maxFeatures().resolve(p);
        int draws = (int) Math.max(1, Math.round(options.sampleFraction() * n));
        int total = options.trees();
        TreeArrays[] trees = new TreeArrays[total];
        long[][] inBag = options.bootstrap() ? new long[total][(n + 63) >>> 6] : null;
        Object lock = new Object();
        long[] done = {0};
        LOG.info("growing {} trees on {} rows x {} features ({} per node), {} thread(s)", total, n, p, mtry,
                options.parallelism());
        try (Workers parallel = Workers.create(options.parallelism())) {
            parallel.run(total, t -> {
                SplittableRandom rnd = new SplittableRandom(treeSeed(options.seed(), t));
                double[] w;
                if (options.bootstrap()) {
                    w = new double[n];
                    for (int k = 0; k < draws; k++) {
                        w[rnd.nextInt(n)] += 1;
                    }
                    long[] bag = inBag[t];
                    for (int i = 0; i < n; i++) {
                        if (w[i] > 0) {
                            bag[i >>> 6] |= 1L << i;
                            if (base != null) {
                                w[i] *= base[i];
                            }
                        }
                    }
                } else {
                    w = base;
                }
                trees[t] = TreeGrowth.grow(columns, n, p, y, w, to, mtry, rnd);
                synchronized (lock) {
                    long d = ++done[0];
                    listener.progress("trees", d, total, Double.NaN);
                    if (total >= 10 && d % (total / 10) == 0) {
                        LOG.info("{} of {} trees grown", d, total);
                    }
                }
            });
            double[] oob = new double[n];
            int[] oobTrees = new int[n];
            if (inBag != null) {
                outOfBag(parallel, data, n, p, trees, inBag, oob, oobTrees);
            }
            double oobAccuracy = Double.NaN;
            double oobAuc = Double.NaN;
            int oobRows = 0;
            for (int c : oobTrees) {
                if (c > 0) {
                    oobRows++;
                }
            }
            if (oobRows > 0) {
                int[] yy = new int[oobRows];
                double[] pp = new double[oobRows];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (oobTrees[i] > 0) {
                        yy[k] = y[i];
                        pp[k++] = oob[i] / oobTrees[i];
                    }
                }
                oobAccuracy = ClassificationMetrics.accuracy(yy, pp, 0.5);
                int pos = 0;
                for (int v : yy) {
                    pos += v;
                }
                if (pos > 0 && pos < oobRows) {
                    oobAuc = ClassificationMetrics.rocAuc(yy, pp);
                }
            }
            double[] importances = new double[p];
            for (TreeArrays t : trees) {
                double[] imp = t.impurityImportances(p);
                for (int j = 0; j < p; j++) {
                    importances[j] += imp[j];
                }
            }
            double sum = Arrays.stream(importances).sum();
            for (int j = 0; j < p; j++) {
                importances[j] = sum > 0 ? importances[j] / sum : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long nodes = 0;
            for (TreeArrays t : trees) {
                nodes += t.size();
            }
            String message = String.format(Locale.ROOT, "%d trees, %,d nodes; out-of-bag rows %d, accuracy %s, AUC %s",
                    total, nodes, oobRows, Double.isNaN(oobAccuracy) ? "n/a" : String.format(Locale.ROOT, "%.4f",
                            oobAccuracy), Double.isNaN(oobAuc) ? "n/a" : String.format(Locale.ROOT, "%.4f", oobAuc));
            LOG.info("random forest: {}, {} s", message, seconds);
            FitSummary summary = new FitSummary("random forest (CART, " + to.criterion().name().toLowerCase(Locale.ROOT)
                    + ")", options.toString(), n, p, total, true, message, new double[0], seconds);
            return new ForestModel(List.of(trees), x.names(), options, importances, oobRows, oobAccuracy, oobAuc,
                    summary);
        }
    }

    /** Out-of-bag sums per row, over fixed row blocks, trees added in index order. */
    private static void outOfBag(Workers parallel, double[] data, int n, int p, TreeArrays[] trees, long[][] inBag,
                                 double[] oob, int[] oobTrees) {
        int block = 4096;
        int blocks = (n + block - 1) / block;
        parallel.run(blocks, b -> {
            int from = b * block;
            int to = Math.min(n, from + block);
            for (int t = 0; t < trees.length; t++) {
                long[] bag = inBag[t];
                TreeArrays tree = trees[t];
                double[] value = tree.value();
                for (int i = from; i < to; i++) {
                    if ((bag[i >>> 6] & (1L << i)) == 0) {
                        oob[i] += value[tree.leaf(data, i * p)];
                        oobTrees[i]++;
                    }
                }
            }
        });
    }

    /** The seed of tree t: SplitMix64's finaliser of seed + (t + 1) * golden gamma (Steele, Lea and Flood 2014). */
    static long treeSeed(long seed, int t) {
        long z = seed + (t + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A learner fitting with these options, for cross-validation and grid search. */
    public static Learner learner(ForestOptions options) {
        Objects.requireNonNull(options, "options");
        return (x, y, listener) -> fit(x, y, null, options, listener);
    }
}
