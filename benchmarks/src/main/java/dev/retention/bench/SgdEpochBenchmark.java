package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.internal.ImplFactorization;
import dev.retention.recsys.sparse.CsrMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One SGD epoch of SVD (100 factors) and of SVD++ (20 factors) over a MovieLens-shaped rating matrix
 * ({@link SparseShapes}), Surprise's update rules, one thread, double precision in both implementations:
 * <ul>
 *   <li>{@code RETENTION}: {@code ImplFactorization.svdEpoch} (the user's row kept in a work array over the
 *       user's ratings, the item's row copied into one, so that C2 vectorizes the update; an eight-way dot product)
 *       and {@code svdPlusPlusEpoch} (the implicit term kept per user, the {@code y_j} steps composed per user:
 *       O(ratings f));</li>
 *   <li>{@code STRAIGHTFORWARD}: the same rules written as Surprise's Cython loops are, indexing {@code pu[u f + k]}
 *       and {@code qi[i f + k]} in place with a single-accumulator dot product; for SVD++ the implicit term
 *       recomputed and every {@code y_j} of the user moved after every rating (O(sum_u |I_u|^2 f)).</li>
 * </ul>
 * The factors keep evolving from one invocation to the next (a small rate keeps them bounded); every invocation
 * is one full epoch, the same work for both implementations.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SgdEpochBenchmark -p shape=ML1M -p algo=SVD -prof gc}
 * and {@code ... -p shape=ML100K -p algo=SVDPP -prof gc} (the straightforward SVD++ epoch takes minutes on ML1M).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SgdEpochBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, STRAIGHTFORWARD }

    /** Algorithms. */
    public enum Algo { SVD, SVDPP }

    @Param({"ML1M", "ML100K"})
    SparseShapes.Shape shape;

    @Param({"SVD", "SVDPP"})
    Algo algo;

    @Param({"RETENTION", "STRAIGHTFORWARD"})
    Impl impl;

    int[] ptr;
    int[] idx;
    double[] r;
    double mu;
    int f;
    double[] bu;
    double[] bi;
    double[] pu;
    double[] qi;
    double[] yj;
    double[] h;
    double[] z;
    double[] acc;

    @Setup
    public void setUp() {
        CsrMatrix a = SparseShapes.generate(shape, 0).csr();
        ptr = a.rowPointers();
        idx = a.columnIndices();
        float[] v = a.values();
        r = new double[v.length];
        double s = 0;
        for (int p = 0; p < v.length; p++) {
            r[p] = v[p];
            s += v[p];
        }
        mu = s / v.length;
        f = algo == Algo.SVD ? 100 : 20;
        SplittableRandom rnd = new SplittableRandom(1);
        bu = new double[a.rows()];
        bi = new double[a.cols()];
        pu = gaussian(rnd, a.rows() * f);
        qi = gaussian(rnd, a.cols() * f);
        yj = gaussian(rnd, a.cols() * f);
        double lr = algo == Algo.SVD ? 0.005 : 0.007;
        h = new double[] {lr, lr, lr, lr, lr, 0.02, 0.02, 0.02, 0.02, 0.02};
        z = new double[f];
        acc = new double[f];
    }

    private static double[] gaussian(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            double u1 = rnd.nextDouble();
            double u2 = rnd.nextDouble();
            x[k] = 0.1 * Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
        }
        return x;
    }

    /** One epoch; returns the sum of squared errors as visited. */
    @Benchmark
    public double epoch() {
        if (algo == Algo.SVD) {
            return impl == Impl.RETENTION
                    ? ImplFactorization.svdEpoch(ptr, idx, r, mu, bu, bi, pu, qi, f, h, true)
                    : straightforwardSvd();
        }
        return impl == Impl.RETENTION
                ? ImplFactorization.svdPlusPlusEpoch(ptr, idx, r, mu, bu, bi, pu, qi, yj, f, h, z, acc, null)
                : straightforwardSvdPlusPlus();
    }

    private double straightforwardSvd() {
        double lr = h[0];
        double reg = h[5];
        double sse = 0;
        for (int u = 0; u < ptr.length - 1; u++) {
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                int i = idx[p];
                double dot = 0;
                for (int k = 0; k < f; k++) {
                    dot += qi[i * f + k] * pu[u * f + k];
                }
                double err = r[p] - (mu + bu[u] + bi[i] + dot);
                bu[u] += lr * (err - reg * bu[u]);
                bi[i] += lr * (err - reg * bi[i]);
                for (int k = 0; k < f; k++) {
                    double puf = pu[u * f + k];
                    double qif = qi[i * f + k];
                    pu[u * f + k] += lr * (err * qif - reg * puf);
                    qi[i * f + k] += lr * (err * puf - reg * qif);
                }
                sse += err * err;
            }
        }
        return sse;
    }

    private double straightforwardSvdPlusPlus() {
        double lr = h[0];
        double reg = h[5];
        double sse = 0;
        for (int u = 0; u < ptr.length - 1; u++) {
            int start = ptr[u];
            int end = ptr[u + 1];
            double sqrtIu = Math.sqrt(end - start);
            for (int p = start; p < end; p++) {
                int i = idx[p];
                java.util.Arrays.fill(z, 0);
                for (int q = start; q < end; q++) {
                    for (int k = 0; k < f; k++) {
                        z[k] += yj[idx[q] * f + k] / sqrtIu;
                    }
                }
                double dot = 0;
                for (int k = 0; k < f; k++) {
                    dot += qi[i * f + k] * (pu[u * f + k] + z[k]);
                }
                double err = r[p] - (mu + bu[u] + bi[i] + dot);
                bu[u] += lr * (err - reg * bu[u]);
                bi[i] += lr * (err - reg * bi[i]);
                for (int k = 0; k < f; k++) {
                    double puf = pu[u * f + k];
                    double qif = qi[i * f + k];
                    pu[u * f + k] += lr * (err * qif - reg * puf);
                    qi[i * f + k] += lr * (err * (puf + z[k]) - reg * qif);
                    double g = err * qif / sqrtIu;
                    for (int q = start; q < end; q++) {
                        yj[idx[q] * f + k] += lr * (g - reg * yj[idx[q] * f + k]);
                    }
                }
                sse += err * err;
            }
        }
        return sse;
    }
}
