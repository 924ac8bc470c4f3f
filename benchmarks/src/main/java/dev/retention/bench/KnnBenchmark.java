package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.evaluation.Folds;
import dev.retention.recsys.evaluation.Split;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOnlyModel;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnModel;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityMatrix;
import dev.retention.recsys.sparse.CsrMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * KNNWithMeans (k 40) on a MovieLens-shaped synthetic split (80 % train, 20 % test), one thread throughout:
 * <ul>
 *   <li>{@code fit}: {@code RETENTION} is {@link Knn#fit} (the similarities by row-wise accumulation over the
 *       transpose, the means, and for {@code pearson_baseline} the ALS baselines); {@code NAIVE} computes the
 *       same full similarity matrix by merging the sorted entries of every pair of rows (as a first
 *       implementation would) and the same means, with the same baselines (the library's ALS, not the part
 *       compared).</li>
 *   <li>{@code predictTest} (every test rating, on the library's fitted similarities): {@code RETENTION} is
 *       {@link KnnModel#estimate} (a bounded heap over the raters of the target); {@code NAIVE} boxes the
 *       candidates into a list and sorts it fully by similarity, as Surprise's {@code heapq.nlargest} over a
 *       Python list.</li>
 * </ul>
 *
 * <p>Precision: the same in both: float ratings, sums in double, float similarities, double estimates.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KnnBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class KnnBenchmark {

    /** Implementations of the prediction. */
    public enum Impl { RETENTION, NAIVE }

    @Param({"ML100K", "ML1M"})
    SparseShapes.Shape shape;

    @Param({"user-msd", "item-pearson_baseline"})
    String config;

    @Param({"RETENTION", "NAIVE"})
    Impl impl;

    Split split;
    KnnOptions options;
    KnnModel model;
    int[] testUser;

    @Setup(Level.Trial)
    public void setup() {
        SparseShapes.Triples t = SparseShapes.generate(shape, 42);
        Ratings all = Ratings.of(t.rows(), t.cols(), t.r(), t.c(), t.v(), RatingScale.oneToFive());
        split = Folds.trainTest(all, 0.2, 0);
        boolean user = config.startsWith("user");
        options = KnnOptions.defaults().withVariant(KnnVariant.WITH_MEANS).withUserBased(user)
                .withMeasure(user ? SimilarityMeasure.MSD : SimilarityMeasure.PEARSON_BASELINE);
        model = Knn.fit(split.train(), options);
        testUser = split.test().userOfEntry();
    }

    @Benchmark
    public Object fit() {
        return impl == Impl.RETENTION ? Knn.fit(split.train(), options) : naiveFit(split.train(), options);
    }

    /** The naive fit's result: the full similarity matrix and the means of the entities compared. */
    static final class NaiveFit {
        private final float[] similarity;
        private final double[] means;

        NaiveFit(float[] similarity, double[] means) {
            this.similarity = similarity;
            this.means = means;
        }

        public float[] similarity() {
            return similarity;
        }

        public double[] means() {
            return means;
        }
    }

    /**
     * The similarities of every pair of entities by merging their sorted ratings
     * ({@link SimilarityBenchmark#naive(CsrMatrix, SimilarityMeasure, double)}: MSD, or shrunk Pearson-baseline on
     * the baseline residuals), and the entities' means.
     */
    static NaiveFit naiveFit(Ratings train, KnnOptions options) {
        boolean user = options.userBased();
        CsrMatrix rows = user ? train.byUser() : train.byItem();
        int n = rows.rows();
        float[] v = rows.values();
        if (options.usesBaselines()) {
            BaselineOnlyModel b = BaselineOnly.fit(train, options.baseline());
            double[] rowBias = user ? b.userBiases() : b.itemBiases();
            double[] colBias = user ? b.itemBiases() : b.userBiases();
            for (int x = 0; x < n; x++) {
                for (int p = rows.rowStart(x); p < rows.rowEnd(x); p++) {
                    v[p] = (float) (v[p] - (b.mu() + rowBias[x] + colBias[rows.columnIndex(p)]));
                }
            }
        }
        float[] sim = SimilarityBenchmark.naive(rows.withValues(v), options.similarity().measure(),
                options.similarity().shrinkage());
        double[] means = new double[n];
        for (int x = 0; x < n; x++) {
            means[x] = mean(rows, x);
        }
        return new NaiveFit(sim, means);
    }

    @Benchmark
    public double predictTest() {
        Ratings test = split.test();
        double sum = 0;
        if (impl == Impl.RETENTION) {
            for (int p = 0; p < test.size(); p++) {
                sum += model.estimate(testUser[p], test.item(p));
            }
        } else {
            for (int p = 0; p < test.size(); p++) {
                sum += naiveEstimate(testUser[p], test.item(p));
            }
        }
        return sum;
    }

    private record Neighbour(int index, float sim, float rating) {
    }

    /** KNNWithMeans with a boxed, fully sorted candidate list. */
    private double naiveEstimate(int u, int i) {
        Ratings train = split.train();
        boolean user = options.userBased();
        int x = user ? u : i;
        var target = user ? train.byItem() : train.byUser();
        var entities = user ? train.byUser() : train.byItem();
        int y = user ? i : u;
        if (!train.knowsUser(u) || !train.knowsItem(i)) {
            return train.globalMean();
        }
        SimilarityMatrix sim = model.similarities();
        List<Neighbour> nbs = new ArrayList<>();
        for (int q = target.rowStart(y); q < target.rowEnd(y); q++) {
            nbs.add(new Neighbour(target.columnIndex(q), sim.get(x, target.columnIndex(q)), target.value(q)));
        }
        nbs.sort((a, b) -> a.sim() != b.sim() ? Float.compare(b.sim(), a.sim()) : Integer.compare(a.index(), b.index()));
        double est = mean(entities, x);
        double sumSim = 0;
        double sumRatings = 0;
        for (int t = 0; t < Math.min(options.k(), nbs.size()); t++) {
            Neighbour n = nbs.get(t);
            if (n.sim() > 0) {
                sumSim += n.sim();
                sumRatings += n.sim() * (n.rating() - mean(entities, n.index()));
            }
        }
        return train.scale().clip(sumSim > 0 ? est + sumRatings / sumSim : est);
    }

    private static double mean(CsrMatrix m, int x) {
        double s = 0;
        for (int p = m.rowStart(x); p < m.rowEnd(x); p++) {
            s += m.value(p);
        }
        return m.rowLength(x) == 0 ? 0 : s / m.rowLength(x);
    }
}
