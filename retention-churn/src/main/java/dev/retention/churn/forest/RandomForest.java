package dev.retention.churn.forest;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.internal.CartBuilder;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.ModelSections;
import dev.retention.churn.internal.TreeArrays;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.evaluation.RocAuc;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.random.Seeds;
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
 * feature order from a SplitMix64 stream seeded by {@code Seeds.split(seed, t)}; trees are stored by index and
 * the out-of-bag sums are added in tree order over fixed row blocks. Progress: {@link FitControl#step} after
 * each finished tree (stage {@code "trees"}), SLF4J DEBUG per tree, one INFO line per fit.
 *
 * <p>Cost O(trees * sqrt(p) * n log n * depth) time over {@link ForestOptions#threads()} threads;
 * memory O(trees * nodes) plus O(n) workspace per thread and one bit per row and tree for the
 * out-of-bag rows.
 */
public final class RandomForest {

    private static final Logger LOG = LoggerFactory.getLogger(RandomForest.class);

    private RandomForest() {
    }

    /**
     * Fits a forest with every row weighing 1, no control.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, both classes present
     * @param options the options
     * @return the fitted model
     */
    public static ForestModel fit(DenseMatrix x, int[] y, ForestOptions options) {
        return fit(x, y, null, options, FitControl.defaults());
    }

    /**
     * Fits a forest with every row weighing 1.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, both classes present
     * @param options the options
     * @param control progress, cancellation and executor
     * @return the fitted model
     */
    public static ForestModel fit(DenseMatrix x, int[] y, ForestOptions options, FitControl control) {
        return fit(x, y, null, options, control);
    }

    /**
     * Fits a random forest.
     *
     * @param x             read: training features
     * @param y             read: labels 0 or 1, both classes present
     * @param sampleWeights read: row weights, finite and &gt;= 0, or {@code null}
     * @param options       the options
     * @param control       told after each tree ({@code "trees"}, done, total); may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if the labels or weights are bad
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static ForestModel fit(DenseMatrix x, int[] y, double[] sampleWeights, ForestOptions options,
                                  FitControl control) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Checks.labels(x, y);
        double[] sample = Checks.weights(sampleWeights, x.rows());
        long start = System.nanoTime();
        int n = x.rows();
        int p = x.columns();
        double[] columns = x.toColumnMajor();   // shared, read-only, by every tree
        TreeOptions to = options.tree();
        double[] base = sample == null && to.classWeight().mode() == ClassWeight.Mode.NONE ? null
                : to.classWeight().rowWeights(y, sample);
        int mtry = to.maxFeatures().resolve(p);
        int draws = (int) Math.max(1, Math.round(options.sampleFraction() * n));
        int total = options.trees();
        TreeArrays[] trees = new TreeArrays[total];
        long[][] inBag = options.bootstrap() ? new long[total][(n + 63) >>> 6] : null;
        Object lock = new Object();
        long[] done = {0};
        control.checkCancelled("trees", 0);
        try (Workers parallel = control.workers(options.threads())) {
            parallel.run(total, t -> {
                SplittableRandom rnd = new SplittableRandom(Seeds.split(options.seed(), t));
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
                trees[t] = new CartBuilder(columns, n, p, y, w, to.criterion() == TreeOptions.Criterion.ENTROPY,
                        to.maxDepth(), to.minSamplesSplit(), to.minSamplesLeaf(), mtry, to.minImpurityDecrease(),
                        rnd).build();
                synchronized (lock) {
                    long d = ++done[0];
                    LOG.debug("tree {} grown: {} of {}", t, d, total);
                    control.step("trees", d, total, Double.NaN);
                }
            });
            double[] oob = new double[n];
            int[] oobTrees = new int[n];
            if (inBag != null) {
                outOfBag(parallel, x, trees, inBag, oob, oobTrees);
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
                int correct = 0;
                for (int i = 0; i < oobRows; i++) {
                    correct += (pp[i] > 0.5 ? 1 : 0) == yy[i] ? 1 : 0;   // predicted positive above 0.5
                }
                oobAccuracy = (double) correct / oobRows;
                oobAuc = RocAuc.ifBothClasses(yy, pp).orElse(Double.NaN);
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
            long nodes = 0;
            for (TreeArrays t : trees) {
                nodes += t.size();
            }
            String message = String.format(Locale.ROOT, "%d trees, %,d nodes; out-of-bag rows %d, accuracy %s, AUC %s",
                    total, nodes, oobRows, Double.isNaN(oobAccuracy) ? "n/a" : String.format(Locale.ROOT, "%.4f",
                            oobAccuracy), Double.isNaN(oobAuc) ? "n/a" : String.format(Locale.ROOT, "%.4f", oobAuc));
            FitSummary.Builder summary = FitSummary.builder("random forest (CART, "
                            + to.criterion().name().toLowerCase(Locale.ROOT) + ")")
                    .options(options)
                    .choice(mtry + " of " + p + " features searched per node")
                    .iterations(total)
                    .converged(true, message)
                    .data(x.fingerprint());
            ModelSections.flagConstant(summary, n, i -> {
                double share = 0;
                for (TreeArrays t : trees) {
                    share += t.value()[t.leaf(x, i)];
                }
                return share / trees.length;
            });
            if (options.bootstrap() && oobRows == 0) {
                summary.warning("no row was out of bag, so there is no out-of-bag estimate");
            }
            FitSummary s = summary.secondsSince(start).build();
            s.logTo(RandomForest.class);
            return new ForestModel(List.of(trees), x.names().toArray(String[]::new), options, importances, oobRows,
                    oobAccuracy, oobAuc, s);
        }
    }

    /** Out-of-bag sums per row, over fixed row blocks, trees added in index order. */
    private static void outOfBag(Workers parallel, DenseMatrix x, TreeArrays[] trees, long[][] inBag, double[] oob,
                                 int[] oobTrees) {
        Blocks blocks = Blocks.ofSize(x.rows(), 4096);
        parallel.run(blocks.count(), b -> {
            int from = blocks.start(b);
            int to = blocks.end(b);
            for (int t = 0; t < trees.length; t++) {
                long[] bag = inBag[t];
                TreeArrays tree = trees[t];
                double[] value = tree.value();
                for (int i = from; i < to; i++) {
                    if ((bag[i >>> 6] & (1L << i)) == 0) {
                        oob[i] += value[tree.leaf(x, i)];
                        oobTrees[i]++;
                    }
                }
            }
        });
    }

    /**
     * {@return a learner fitting with these options, for pipelines, cross-validation and grid search}
     *
     * @param options the options of every fit
     */
    public static Learner learner(ForestOptions options) {
        Objects.requireNonNull(options, "options");
        return (x, y, control) -> fit(x, y, null, options, control);
    }
}
