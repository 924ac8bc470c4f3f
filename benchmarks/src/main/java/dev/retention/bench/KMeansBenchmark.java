package dev.retention.bench;

import dev.retention.cluster.Points;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansInit;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * k-means on Gaussian blobs: by default 1,000,000 x 8 with 8 centres ({@code make_blobs(n_samples=1_000_000,
 * n_features=8, centers=8)}, see {@link ClusterData#blobs}), k = 8.
 *
 * <ul>
 *   <li>{@code iterations}: the Lloyd iterations alone, from the same initial centres (the first k rows, a
 *       random start that needs more iterations than k-means++) to convergence;</li>
 *   <li>{@code fitOneInit}: one greedy k-means++ initialisation plus the iterations, the setting of the
 *       issue's scikit-learn reference ({@code KMeans(n_clusters=8, n_init=1)}: 0.70 s on this machine).</li>
 * </ul>
 * Implementations: {@code HAMERLY} (the library's default), {@code LLOYD} (the library without bounds) and
 * {@code NAIVE}, a textbook version over {@code double[][]} (one array per row, fresh arrays per
 * iteration, single-threaded, greedy k-means++ with an n-vector per candidate, as a NumPy port would do).
 * {@code threads} is the library's parallelism (the naive version ignores it).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KMeansBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class KMeansBenchmark {

    /** Implementation under test. */
    public enum Impl {
        HAMERLY, LLOYD, NAIVE
    }

    @Param({"1000000"})
    int n;

    @Param({"8"})
    int d;

    @Param({"8"})
    int k;

    @Param({"HAMERLY", "LLOYD", "NAIVE"})
    Impl impl;

    @Param({"2"})
    int threads;

    double[] flat;
    double[][] rows;
    Points points;
    double[][] initial;

    @Setup(Level.Trial)
    public void setup() {
        flat = ClusterData.blobs(n, d, 8, 0);
        points = Points.of(flat, d);
        rows = impl == Impl.NAIVE ? ClusterData.rows(flat, d) : null;
        initial = new double[k][];          // the first k rows (the rows are shuffled): Forgy's random start
        for (int j = 0; j < k; j++) {
            initial[j] = java.util.Arrays.copyOfRange(flat, j * d, j * d + d);
        }
    }

    private KMeansOptions options() {
        return KMeansOptions.defaults().withK(k).withNInit(1).withParallelism(threads)
                .withAlgorithm(impl == Impl.LLOYD ? KMeansOptions.Algorithm.LLOYD : KMeansOptions.Algorithm.HAMERLY);
    }

    @Benchmark
    public double iterations() {
        if (impl == Impl.NAIVE) {
            return NaiveKMeans.lloyd(rows, initial, 300, 1e-4 * NaiveKMeans.meanVariance(rows));
        }
        KMeansModel m = KMeans.fit(points, options().withInit(KMeansInit.given(initial)));
        return m.inertia();
    }

    @Benchmark
    public double fitOneInit() {
        if (impl == Impl.NAIVE) {
            double[][] c = NaiveKMeans.seed(rows, k, 2 + (int) Math.log(k), new SplittableRandom(7));
            return NaiveKMeans.lloyd(rows, c, 300, 1e-4 * NaiveKMeans.meanVariance(rows));
        }
        return KMeans.fit(points, options().withSeed(7)).inertia();
    }

    /** The textbook baseline. */
    static final class NaiveKMeans {

        private NaiveKMeans() {
        }

        static double meanVariance(double[][] x) {
            int d = x[0].length;
            double total = 0;
            for (int j = 0; j < d; j++) {
                double mean = 0;
                for (double[] r : x) {
                    mean += r[j];
                }
                mean /= x.length;
                double ss = 0;
                for (double[] r : x) {
                    ss += (r[j] - mean) * (r[j] - mean);
                }
                total += ss / x.length;
            }
            return total / d;
        }

        static double dist(double[] a, double[] b) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += (a[j] - b[j]) * (a[j] - b[j]);
            }
            return s;
        }

        /** Greedy k-means++ with an n-vector of distances per candidate. */
        static double[][] seed(double[][] x, int k, int trials, SplittableRandom rnd) {
            int n = x.length;
            double[][] c = new double[k][];
            c[0] = x[rnd.nextInt(n)].clone();
            double[] closest = new double[n];
            for (int i = 0; i < n; i++) {
                closest[i] = dist(x[i], c[0]);
            }
            for (int m = 1; m < k; m++) {
                double pot = 0;
                for (double v : closest) {
                    pot += v;
                }
                double bestPot = Double.POSITIVE_INFINITY;
                double[] bestD = null;
                int best = -1;
                for (int t = 0; t < trials; t++) {
                    double r = rnd.nextDouble() * pot;
                    int cand = 0;
                    double cum = 0;
                    while (cand < n - 1 && (cum += closest[cand]) <= r) {
                        cand++;
                    }
                    double[] dc = new double[n];
                    double p = 0;
                    for (int i = 0; i < n; i++) {
                        dc[i] = Math.min(closest[i], dist(x[i], x[cand]));
                        p += dc[i];
                    }
                    if (p < bestPot) {
                        bestPot = p;
                        bestD = dc;
                        best = cand;
                    }
                }
                c[m] = x[best].clone();
                closest = bestD;
            }
            return c;
        }

        /** Lloyd with scikit-learn's stopping rule; returns the final inertia. */
        static double lloyd(double[][] x, double[][] init, int maxIter, double tol) {
            int n = x.length;
            int k = init.length;
            int d = x[0].length;
            double[][] c = new double[k][];
            for (int j = 0; j < k; j++) {
                c[j] = init[j].clone();
            }
            int[] labels = new int[n];
            java.util.Arrays.fill(labels, -1);
            boolean strict = false;
            for (int it = 0; it < maxIter; it++) {
                boolean changed = false;
                double[][] sums = new double[k][d];
                int[] counts = new int[k];
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    double bd = dist(x[i], c[0]);
                    for (int j = 1; j < k; j++) {
                        double dj = dist(x[i], c[j]);
                        if (dj < bd) {
                            bd = dj;
                            best = j;
                        }
                    }
                    changed |= labels[i] != best;
                    labels[i] = best;
                    counts[best]++;
                    for (int q = 0; q < d; q++) {
                        sums[best][q] += x[i][q];
                    }
                }
                double shift = 0;
                for (int j = 0; j < k; j++) {
                    double[] next = new double[d];
                    for (int q = 0; q < d; q++) {
                        next[q] = counts[j] > 0 ? sums[j][q] / counts[j] : c[j][q];
                    }
                    shift += dist(next, c[j]);
                    c[j] = next;
                }
                if (!changed) {
                    strict = true;
                    break;
                }
                if (shift <= tol) {
                    break;
                }
            }
            double inertia = 0;
            for (int i = 0; i < n; i++) {
                double bd = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    bd = Math.min(bd, dist(x[i], c[j]));
                }
                inertia += strict ? dist(x[i], c[labels[i]]) : bd;
            }
            return inertia;
        }
    }
}
