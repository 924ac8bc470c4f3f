package dev.retention.bench;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.simulation.LifetimeSimulation;
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

import java.util.concurrent.TimeUnit;

/**
 * A whole BG/NBD fit (L-BFGS to a gradient of 1e-9 in the log-parameters, then the Hessian for standard errors and
 * the fit summary), in double precision, on customers simulated from the published CDNOW parameters: 23,570
 * customers, the size of the full CDNOW file, and one million customers, on 1 and 2 threads (the fit's
 * {@code threads} option; the model is the same for both). The summaries are built once; a fit copies the
 * summary's three columns and builds its frequency index, and the summary computes its data fingerprint once, in
 * the first (warm-up) fit. There is no baseline in this run: lifetimes' {@code BetaGeoFitter} is Python (NumPy and
 * SciPy's L-BFGS-B, double precision, one thread) and is timed outside JMH.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BgNbdFitBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class BgNbdFitBenchmark {

    @Param({"23570", "1000000"})
    int customers;

    @Param({"1", "2"})
    int threads;

    CustomerSummary summary;
    BgNbdOptions options;

    @Setup(Level.Trial)
    public void setup() {
        BgNbdModel truth = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        summary = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(customers, 27, 39), 42);
        options = BgNbdOptions.defaults().withThreads(threads);
    }

    @Benchmark
    public BgNbdModel fit() {
        return BgNbd.fit(summary, options);
    }
}
