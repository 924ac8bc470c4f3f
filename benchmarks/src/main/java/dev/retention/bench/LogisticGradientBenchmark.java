package dev.retention.bench;

import dev.retention.churn.internal.LogisticLoss;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One evaluation of the logistic loss and its gradient over {@code rows x 50} dense features (what each
 * L-BFGS iteration of {@code LogisticRegression.fit} costs), three ways:
 * <ul>
 *   <li>{@code NAIVE}: the textbook two passes, {@code z = X w} then {@code g = X' (sigma(z) - y)} column by
 *       column, with {@code log1p} per row and a fresh {@code z} array per call;</li>
 *   <li>{@code FUSED}: the library kernel ({@code LogisticLoss}) on one thread: one pass, two rows per step,
 *       one {@code log} per 512 rows, no allocation;</li>
 *   <li>{@code FUSED_2_THREADS}: the same over fixed row blocks on two threads, combined in block order.</li>
 * </ul>
 * All three return the same loss (to rounding) and gradient.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LogisticGradientBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class LogisticGradientBenchmark {

    /** The implementation measured. */
    public enum Impl { NAIVE, FUSED, FUSED_2_THREADS }

    @Param({"20000", "200000"})
    int rows;

    @Param({"NAIVE", "FUSED", "FUSED_2_THREADS"})
    Impl impl;

    int p = 50;
    double[] x;
    double[] y;
    double[] w;
    double[] grad;
    Workers parallel;
    LogisticLoss loss;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        x = new double[rows * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rnd.nextInt(2);
        }
        w = new double[p + 1];
        for (int j = 0; j <= p; j++) {
            w[j] = rnd.nextGaussian() * 0.1;
        }
        grad = new double[p + 1];
        parallel = Workers.create(impl == Impl.FUSED_2_THREADS ? 2 : 1);
        loss = new LogisticLoss(x, rows, p, y, null, true, parallel);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
    }

    @Benchmark
    public double lossAndGradient(Blackhole bh) {
        double v = impl == Impl.NAIVE ? naive(x, rows, p, y, w, grad) : loss.valueAndGradient(w, grad);
        bh.consume(grad);
        return v;
    }

    /** Two passes over X: the linear predictor, then the gradient column by column. */
    static double naive(double[] x, int n, int p, double[] y, double[] w, double[] g) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = w[p];
            for (int j = 0; j < p; j++) {
                s += x[i * p + j] * w[j];
            }
            z[i] = s;
        }
        double loss = 0;
        double gb = 0;
        for (int i = 0; i < n; i++) {
            loss += Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i]))) - y[i] * z[i];
            z[i] = 1 / (1 + Math.exp(-z[i])) - y[i];
            gb += z[i];
        }
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i * p + j] * z[i];
            }
            g[j] = s;
        }
        g[p] = gb;
        return loss;
    }
}
