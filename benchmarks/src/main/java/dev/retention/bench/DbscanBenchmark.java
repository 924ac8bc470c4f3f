package dev.retention.bench;

import dev.retention.cluster.dbscan.Dbscan;
import dev.retention.cluster.dbscan.DbscanOptions;
import dev.retention.cluster.internal.KdTree;
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

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * DBSCAN's neighbour search on RFM-like 3-D points ({@link ClusterData#rfmLike}), eps 0.3, minSamples 10.
 *
 * <ul>
 *   <li>{@code coreSearch}: which points are core points, the neighbour count of every point (the library
 *       stops counting at minSamples): {@code KD_TREE} builds the library's KD-tree and queries it on one
 *       thread; {@code BRUTE} scans all points for each point (also stopping at minSamples);</li>
 *   <li>{@code fit}: the whole clustering; {@code KD_TREE} is {@link Dbscan#fit} on one thread, {@code BRUTE} a
 *       textbook DBSCAN that lists every neighbourhood by a full scan (scikit-learn's brute algorithm,
 *       O(n^2) time and O(n + pairs) memory).</li>
 * </ul>
 * Both implementations run on one thread and in double precision (squared distances compared with
 * {@code eps^2}). Two forks.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DbscanBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class DbscanBenchmark {

    /** Implementation under test. */
    public enum Impl {
        KD_TREE, BRUTE
    }

    @Param({"5000", "50000"})
    int n;

    @Param({"KD_TREE", "BRUTE"})
    Impl impl;

    double eps = 0.3;
    int minSamples = 10;
    double[] x;
    DenseMatrix points;

    @Setup(Level.Trial)
    public void setup() {
        x = ClusterData.rfmLike(n, 3);
        points = DenseMatrix.ofRowMajor(n, 3, x);
    }

    @Benchmark
    public int coreSearch() {
        double r2 = eps * eps;
        int cores = 0;
        if (impl == Impl.KD_TREE) {
            KdTree tree = new KdTree(points);
            int[] stack = new int[tree.stackSize()];
            for (int i = 0; i < n; i++) {
                if (tree.countWithin(x, i * 3, r2, minSamples, stack) >= minSamples) {
                    cores++;
                }
            }
            return cores;
        }
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < n && count < minSamples; j++) {
                double a = x[i * 3] - x[j * 3];
                double b = x[i * 3 + 1] - x[j * 3 + 1];
                double c = x[i * 3 + 2] - x[j * 3 + 2];
                if (a * a + b * b + c * c <= r2) {
                    count++;
                }
            }
            if (count >= minSamples) {
                cores++;
            }
        }
        return cores;
    }

    @Benchmark
    public int fit() {
        if (impl == Impl.KD_TREE) {
            return Dbscan.fit(points, DbscanOptions.defaults().withEps(eps).withMinSamples(minSamples)).clusterCount();
        }
        return bruteDbscan(x, n, eps, minSamples);
    }

    /** Textbook DBSCAN with every neighbourhood listed by a full scan; returns the cluster count. */
    static int bruteDbscan(double[] x, int n, double eps, int minSamples) {
        double r2 = eps * eps;
        int[][] neighbours = new int[n][];
        int[] buffer = new int[n];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = 0; j < n; j++) {
                double a = x[i * 3] - x[j * 3];
                double b = x[i * 3 + 1] - x[j * 3 + 1];
                double c = x[i * 3 + 2] - x[j * 3 + 2];
                if (a * a + b * b + c * c <= r2) {
                    buffer[m++] = j;
                }
            }
            neighbours[i] = Arrays.copyOf(buffer, m);
        }
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        int[] stack = new int[n];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != -1 || neighbours[i].length < minSamples) {
                continue;
            }
            int top = 0;
            labels[i] = clusters;
            stack[top++] = i;
            while (top > 0) {
                int p = stack[--top];
                for (int v : neighbours[p]) {
                    if (labels[v] == -1) {
                        labels[v] = clusters;
                        if (neighbours[v].length >= minSamples) {
                            stack[top++] = v;
                        }
                    }
                }
            }
            clusters++;
        }
        return clusters;
    }
}
