package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.TopNOptions;
import dev.retention.recsys.als.AlsModel;
import dev.retention.recsys.als.AlsOptions;
import dev.retention.recsys.als.ImplicitAls;
import dev.retention.recsys.sparse.CsrMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Serving ALS: the top-10 list of one training customer (bought items left out) from a model of MovieLens 1M's
 * shape, 6,040 users x 3,706 items, 100 factors, on one thread, users taken in turn. The interactions are the
 * synthetic MovieLens-1M-shaped set of {@link SparseShapes} (1,000,209 binarised interactions, power-law item
 * popularity, seed 42; MovieLens 1M itself is not used), and the model is fitted on them with 2 iterations (the
 * factors' values do not change the cost of a list). {@code Mode.SampleTime} gives the percentiles: the figure is
 * p99.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AlsServingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AlsServingBenchmark {

    Ratings train;
    AlsModel model;
    TopNOptions options;
    int user;

    @Setup(Level.Trial)
    public void setup() {
        CsrMatrix a = SparseShapes.generate(SparseShapes.Shape.ML1M, 42).csr();
        float[] ones = new float[a.nnz()];
        Arrays.fill(ones, 1f);
        train = Ratings.of(a.withValues(ones), new RatingScale(0, 1));
        model = ImplicitAls.fit(train, AlsOptions.defaults().withIterations(2).withThreads(2));
        options = TopNOptions.defaults().withN(10);
    }

    @Benchmark
    public Recommendations topTen() {
        user = (user + 1) % train.userCount();
        return TopN.recommend(model, train, user, options);
    }
}
