package dev.retention.bench;

import dev.retention.churn.internal.LogisticLoss;
import dev.retention.matrix.DenseMatrix;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One evaluation of the logistic loss and its gradient over {@code rows x 50} dense features (what each
 * L-BFGS iteration of {@code LogisticRegression.fit} costs), two ways on the same number of threads:
 * <ul>
 *   <li>{@code TWO_PASS}: what scikit-learn does with NumPy, at its best: {@code z = X w} (a row-major
 *       {@code gemv}), then {@code g = X' (sigma(z) - y)} as row-wise axpys over contiguous rows (the access
 *       order of BLAS's transposed {@code gemv} on a row-major matrix, not a strided column walk), with
 *       {@code log1p} per row, into workspaces allocated once; in parallel, each thread takes fixed row blocks
 *       and the blocks are added in order, as the library does;</li>
 *   <li>{@code FUSED}: the library kernel ({@code LogisticLoss}): one pass, two rows per step, one {@code log}
 *       per 512 rows, the matrix read in place through {@code DenseMatrix.valueAt}.</li>
 * </ul>
 * Precision: double everywhere (features, weights, accumulators), in both. Both return the same loss (to
 * rounding) and gradient. {@code threads} 1 and 2 compare each on one and two threads.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LogisticGradientBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class LogisticGradientBenchmark {

    /** The implementation measured. */
    public enum Impl { TWO_PASS, FUSED }

    @Param({"20000", "200000"})
    int rows;

    @Param({"TWO_PASS", "FUSED"})
    Impl impl;

    @Param({"1", "2"})
    int threads;

    int p = 50;
    double[] x;
    DenseMatrix matrix;
    double[] y;
    double[] w;
    double[] grad;
    double[] z;
    Blocks blocks;
    double[] partial;
    Workers parallel;
    LogisticLoss loss;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        x = new double[rows * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        matrix = DenseMatrix.ofRowMajor(rows, p, x);
        y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = rnd.nextInt(2);
        }
        w = new double[p + 1];
        for (int j = 0; j <= p; j++) {
            w[j] = rnd.nextGaussian() * 0.1;
        }
        grad = new double[p + 1];
        z = new double[rows];
        blocks = Blocks.ofSize(rows, LogisticLoss.BLOCK_ROWS);
        partial = new double[blocks.count() * (p + 2)];
        parallel = Workers.create(threads);
        loss = new LogisticLoss(matrix, y, null, true, parallel);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
    }

    @Benchmark
    public double lossAndGradient(Blackhole bh) {
        double v = impl == Impl.TWO_PASS ? twoPass() : loss.valueAndGradient(w, grad);
        bh.consume(grad);
        return v;
    }

    /** Two passes per block over its rows, blocks on the workers, block sums added in block order. */
    double twoPass() {
        int width = p + 2;
        parallel.run(blocks.count(), b -> twoPass(x, p, y, w, z, blocks.start(b), blocks.end(b), partial,
                b * width));
        java.util.Arrays.fill(grad, 0);
        double total = 0;
        for (int b = 0; b < blocks.count(); b++) {
            int off = b * width;
            total += partial[off];
            for (int j = 0; j <= p; j++) {
                grad[j] += partial[off + 1 + j];
            }
        }
        return total;
    }

    /** The loss of rows [from, to) into {@code out[off]}, the gradient into {@code out[off + 1 ..]}. */
    static void twoPass(double[] x, int p, double[] y, double[] w, double[] z, int from, int to, double[] out,
                        int off) {
        for (int i = from; i < to; i++) {
            double s = w[p];
            for (int j = 0, o = i * p; j < p; j++) {
                s += x[o + j] * w[j];
            }
            z[i] = s;
        }
        double loss = 0;
        double gb = 0;
        for (int j = 0; j <= p; j++) {
            out[off + 1 + j] = 0;
        }
        for (int i = from; i < to; i++) {
            double zi = z[i];
            loss += Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) - y[i] * zi;
            double r = 1 / (1 + Math.exp(-zi)) - y[i];
            gb += r;
            for (int j = 0, o = i * p; j < p; j++) {
                out[off + 1 + j] += r * x[o + j];
            }
        }
        out[off] = loss;
        out[off + 1 + p] = gb;
    }
}
