package dev.retention.bench;

import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.evaluation.Folds;
import dev.retention.recsys.evaluation.Split;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityMatrix;
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
 * KNNWithMeans (k 40) on a MovieLens-shaped synthetic split (80 % train, 20 % test): {@code fit} (the
 * similarities and means) and {@code predictTest} (every test rating). Implementations of the prediction:
 * {@code RETENTION} ({@link Knn#estimate}: a bounded heap over the raters of the target) and
 * {@code NAIVE} (the candidates boxed into a list and fully sorted by similarity, as Surprise's
 * {@code heapq.nlargest} over a Python list); the fit is always the library's.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KnnBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
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
    Knn model;
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
    public Knn fit() {
        return Knn.fit(split.train(), options);
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

    private static double mean(dev.retention.recsys.sparse.CsrMatrix m, int x) {
        double s = 0;
        for (int p = m.rowStart(x); p < m.rowEnd(x); p++) {
            s += m.value(p);
        }
        return m.rowLength(x) == 0 ? 0 : s / m.rowLength(x);
    }
}
