package dev.retention.bench;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.internal.BgNbdLikelihood;
import dev.retention.lifetime.internal.CustomerBlocks;
import dev.retention.lifetime.internal.SpecialFunctions;
import dev.retention.lifetime.simulation.LifetimeSimulation;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * One evaluation of the BG/NBD log-likelihood over a customer base, the kernel of the fit, on customers simulated
 * from the published CDNOW parameters (ages 27 to 39 weeks). Both implementations are in double precision and run
 * on the same {@code threads} (1 or 2), over the same fixed blocks of 4,096 customers added in block order:
 * <ul>
 *   <li>{@code KERNEL}: the library's kernel (value and 4-component gradient; log-gamma and digamma once per
 *       distinct frequency; two logarithms and one exponential per repeat customer);</li>
 *   <li>{@code NAIVE}: the baseline a direct transcription gives, as lifetimes' vectorised formula evaluates it per
 *       customer: three log-gamma differences and the logsumexp for every customer. It computes the value only,
 *       where the kernel also gives the gradient, so the ratio understates the kernel's advantage.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar BgNbdLikelihoodBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class BgNbdLikelihoodBenchmark {

    /** Implementation under test. */
    public enum Impl { KERNEL, NAIVE }

    @Param({"23570", "1000000"})
    int customers;

    @Param({"KERNEL", "NAIVE"})
    Impl impl;

    @Param({"1", "2"})
    int threads;

    int[] x;
    double[] tx;
    double[] t;
    BgNbdLikelihood likelihood;
    Blocks blocks;
    Workers workers;
    double[] gradient;
    double[] sum;

    @Setup(Level.Trial)
    public void setup() {
        BgNbdModel truth = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(customers, 27, 39), 42);
        x = s.frequencies();
        tx = s.recencies();
        t = s.ages();
        likelihood = new BgNbdLikelihood(x, tx, t, false);
        blocks = CustomerBlocks.of(customers);
        workers = Workers.create(threads);
        gradient = new double[4];
        sum = new double[1];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workers.close();
    }

    @Benchmark
    public void logLikelihood(Blackhole bh) {
        if (impl == Impl.NAIVE) {
            blocks.sum(workers, 1, (from, to, out, offset) -> out[offset] = naive(x, tx, t, from, to, 0.25, 4.5, 0.8,
                    2.4), sum);
            bh.consume(sum[0]);
        } else {
            bh.consume(likelihood.logLikelihood(0.25, 4.5, 0.8, 2.4, gradient, workers));
            bh.consume(gradient);
        }
    }

    /** Per customer: ln Gamma(r + x) - ln Gamma(r) + ln B(a, b + x) - ln B(a, b) + r ln alpha + logsumexp. */
    static double naive(int[] x, double[] tx, double[] t, int from, int to, double r, double alpha, double a,
                        double b) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            int xi = x[i];
            double c = SpecialFunctions.logGamma(r + xi) - SpecialFunctions.logGamma(r) + r * Math.log(alpha)
                    + SpecialFunctions.logGamma(a + b) + SpecialFunctions.logGamma(b + xi)
                    - SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b + xi);
            double u = -(r + xi) * Math.log(alpha + t[i]);
            if (xi == 0) {
                sum += c + u;
            } else {
                double v = Math.log(a) - Math.log(b + xi - 1) - (r + xi) * Math.log(alpha + tx[i]);
                sum += c + SpecialFunctions.logAddExp(u, v);
            }
        }
        return sum;
    }
}
