package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.bpr.Bpr;
import dev.retention.recsys.bpr.BprOptions;
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
 * One BPR epoch (100 factors and the item bias, as many sampled triples as interactions, uniform negatives) on a
 * binarised MovieLens-shaped matrix ({@link SparseShapes}), on one thread (sequential) and on two (the epoch as 2 x 2
 * blocks of user ranges and item groups, two blocks that share no row at a time). The initial factors, the bought-item
 * bit matrix and the sampler's setup are part of each fit. The reference, {@code implicit}'s CPU BPR, took 1.08 s for
 * 100 epochs on MovieLens 100K and 13.6 s on 1M on this machine's two cores (10.8 and 136 ms per epoch).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BprEpochBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BprEpochBenchmark {

    @Param({"ML100K", "ML1M"})
    SparseShapes.Shape shape;

    @Param({"1", "2"})
    int threads;

    Ratings train;

    @Setup(Level.Trial)
    public void setup() {
        CsrMatrix a = SparseShapes.generate(shape, 42).csr();
        float[] ones = new float[a.nnz()];
        Arrays.fill(ones, 1f);
        train = Ratings.of(a.withValues(ones), new RatingScale(0, 1));
    }

    @Benchmark
    public Object epoch() {
        return Bpr.fit(train, BprOptions.defaults().withIterations(1).withThreads(threads));
    }
}
