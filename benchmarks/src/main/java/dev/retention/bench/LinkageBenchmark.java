package dev.retention.bench;

import dev.retention.cluster.hierarchical.Agglomerative;
import dev.retention.cluster.hierarchical.AgglomerativeOptions;
import dev.retention.cluster.hierarchical.Linkage;
import dev.retention.matrix.DenseMatrix;
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
 * Agglomerative clustering of RFM-like 3-D points ({@link ClusterData#rfmLike}): the library
 * ({@code LIBRARY}: nearest-neighbour chain on centroids for Ward, on the condensed matrix for complete and
 * average, Prim's MST for single; one thread) against the textbook algorithm ({@code NAIVE}: a full n x n
 * matrix, each step a scan of all live pairs for the closest, then a Lance-Williams update; O(n^3)). Both run
 * on one thread and in double precision. Two forks.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LinkageBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class LinkageBenchmark {

    /** Implementation under test. */
    public enum Impl {
        LIBRARY, NAIVE
    }

    @Param({"1000", "2000"})
    int n;

    @Param({"WARD", "COMPLETE", "AVERAGE", "SINGLE"})
    Linkage linkage;

    @Param({"LIBRARY", "NAIVE"})
    Impl impl;

    double[] x;
    DenseMatrix points;

    @Setup(Level.Trial)
    public void setup() {
        x = ClusterData.rfmLike(n, 5);
        points = DenseMatrix.ofRowMajor(n, 3, x);
    }

    @Benchmark
    public double linkage() {
        if (impl == Impl.LIBRARY) {
            return Agglomerative.fit(points, AgglomerativeOptions.defaults().withLinkage(linkage)).height(n - 2);
        }
        return naive(x, n, linkage);
    }

    /** The O(n^3) textbook agglomeration; returns the last merge height. */
    static double naive(double[] x, int n, Linkage linkage) {
        double[][] dist = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = x[i * 3] - x[j * 3];
                double b = x[i * 3 + 1] - x[j * 3 + 1];
                double c = x[i * 3 + 2] - x[j * 3 + 2];
                dist[i][j] = Math.sqrt(a * a + b * b + c * c);
            }
        }
        int[] size = new int[n];
        java.util.Arrays.fill(size, 1);
        double last = 0;
        for (int step = 0; step < n - 1; step++) {
            double best = Double.POSITIVE_INFINITY;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < n; i++) {
                if (size[i] == 0) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (size[j] != 0 && dist[i][j] < best) {
                        best = dist[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            last = best;
            int ni = size[bi];
            int nj = size[bj];
            for (int m = 0; m < n; m++) {
                if (size[m] == 0 || m == bi || m == bj) {
                    continue;
                }
                double di = dist[bi][m];
                double dj = dist[bj][m];
                int nm = size[m];
                double v = switch (linkage) {
                    case SINGLE -> Math.min(di, dj);
                    case COMPLETE -> Math.max(di, dj);
                    case AVERAGE -> (ni * di + nj * dj) / (ni + nj);
                    case WARD -> Math.sqrt(((ni + nm) * di * di + (nj + nm) * dj * dj - nm * best * best)
                            / (ni + nj + nm));
                };
                dist[bj][m] = v;
                dist[m][bj] = v;
            }
            size[bj] = ni + nj;
            size[bi] = 0;
        }
        return last;
    }
}
