package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.Confidence;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.TopN;
import dev.retention.recsys.als.AlsModel;
import dev.retention.recsys.als.AlsOptions;
import dev.retention.recsys.als.ImplicitAls;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnOptions;
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

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The implicit-feedback recommenders on a binarised MovieLens-shaped matrix
 * ({@link SparseShapes}): {@code ALS_ITERATION} (one ALS iteration, 100 factors, users then items, with its loss;
 * every confidence is 1, so every row is solved exactly from the shared matrix's inverse), {@code ALS_ITERATION_2T}
 * (the same on two threads), {@code ALS_ITERATION_CG} (the same data with confidences {@code 1 + value = 2}, so that
 * every row takes 3 CG steps over all its entries: the per-row work {@code implicit} does on any data, the baseline
 * of the shared solve), {@code ALS_ITERATION_CHOLESKY} (those confidences solved exactly row by row: the baseline the
 * CG solver replaces), {@code ITEM_KNN} (cosine item-kNN fit, K = 20, one thread),
 * {@code ITEM_KNN_2T} (the same on two threads), {@code ITEM_KNN_BM25} (BM25-weighted, one thread) and
 * {@code TOP_N} (top-10 of one user from a fitted ALS model, bought items excluded, users taken in turn).
 *
 * <p>Precision: float factors and similarities, double algebra. The reference, {@code implicit} (Python, BLAS),
 * cannot run inside JMH: its fit times on the same shapes, measured on this machine, are (ALS 0.212 s for 15 iterations on
 * MovieLens 100K, 1.40 s on 1M; cosine item-kNN 0.025 s and 0.27 s), both cores.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ImplicitFeedbackBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ImplicitFeedbackBenchmark {

    /** What is measured. */
    public enum Impl {
        ALS_ITERATION, ALS_ITERATION_2T, ALS_ITERATION_CG, ALS_ITERATION_CHOLESKY, ITEM_KNN, ITEM_KNN_2T, ITEM_KNN_BM25,
        TOP_N
    }

    @Param({"ML100K", "ML1M"})
    SparseShapes.Shape shape;

    @Param({"ALS_ITERATION", "ALS_ITERATION_2T", "ALS_ITERATION_CG", "ALS_ITERATION_CHOLESKY", "ITEM_KNN",
            "ITEM_KNN_2T", "ITEM_KNN_BM25", "TOP_N"})
    Impl impl;

    Ratings train;
    AlsModel model;
    int user;

    @Setup(Level.Trial)
    public void setup() {
        CsrMatrix a = SparseShapes.generate(shape, 42).csr();
        float[] ones = new float[a.nnz()];
        Arrays.fill(ones, 1f);
        train = Ratings.of(a.withValues(ones), new RatingScale(0, 1));
        model = ImplicitAls.fit(train, AlsOptions.defaults().withIterations(2).withThreads(2));
    }

    @Benchmark
    public Object run() {
        AlsOptions one = AlsOptions.defaults().withIterations(1);
        return switch (impl) {
            case ALS_ITERATION -> ImplicitAls.fit(train, one);
            case ALS_ITERATION_2T -> ImplicitAls.fit(train, one.withThreads(2));
            case ALS_ITERATION_CG -> ImplicitAls.fit(train, one.withConfidence(Confidence.linear(1)));
            case ALS_ITERATION_CHOLESKY -> ImplicitAls.fit(train, one.withConfidence(Confidence.linear(1))
                    .withCgSteps(0));
            case ITEM_KNN -> ItemKnn.fit(train, ItemKnnOptions.defaults());
            case ITEM_KNN_2T -> ItemKnn.fit(train, ItemKnnOptions.defaults().withThreads(2));
            case ITEM_KNN_BM25 -> ItemKnn.fit(train, ItemKnnOptions.defaults()
                    .withWeighting(ItemKnnOptions.Weighting.BM25));
            case TOP_N -> {
                user = (user + 1) % train.userCount();
                yield TopN.recommend(model, train, user, 10);
            }
        };
    }
}
