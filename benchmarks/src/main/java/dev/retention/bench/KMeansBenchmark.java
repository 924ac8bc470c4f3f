package dev.retention.bench;

import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansInit;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * k-means on Gaussian blobs: by default 1,000,000 x 8 with 8 centres ({@code make_blobs(n_samples=1_000_000,
 * n_features=8, centers=8)}, see {@link ClusterData#blobs}), k = 8.
 *
 * <ul>
 *   <li>{@code iterations}: the Lloyd iterations alone, from the same initial centres (the first k rows, a
 *       random start that needs more iterations than k-means++) to convergence;</li>
 *   <li>{@code fitOneInit}: one greedy k-means++ initialisation plus the iterations, the setting of the
 *       scikit-learn reference ({@code KMeans(n_clusters=8, n_init=1)}: 0.70 s on this machine).</li>
 * </ul>
 * Implementations: {@code HAMERLY} (the library's default), {@code LLOYD} (the library without bounds) and
 * {@code NAIVE}, a textbook version over {@code double[][]} (one array per row, fresh arrays per
 * iteration, greedy k-means++ with an n-vector per candidate, as a NumPy port would do).
 *
 * <p>Fair comparison: every implementation runs on {@code threads} threads. The naive version splits its
 * assignment passes (and k-means++'s candidate distances) into {@code threads} contiguous chunks on a fixed
 * pool, each with its own partial sums added in chunk order, the usual way to parallelise it by hand; with
 * {@code threads = 1} it runs in the calling thread. Compare implementations at the same {@code threads}; the
 * two values show each one's scaling. Everything is double precision (the data, the centres and every sum), in
 * the library and in the baseline. Two forks.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KMeansBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
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

    @Param({"1", "2"})
    int threads;

    double[] flat;
    double[][] rows;
    DenseMatrix points;
    double[][] initial;
    NaiveKMeans naive;

    @Setup(Level.Trial)
    public void setup() {
        flat = ClusterData.blobs(n, d, 8, 0);
        points = DenseMatrix.ofRowMajor(n, d, flat);
        rows = impl == Impl.NAIVE ? ClusterData.rows(flat, d) : null;
        naive = impl == Impl.NAIVE ? new NaiveKMeans(threads) : null;
        initial = new double[k][];          // the first k rows (the rows are shuffled): Forgy's random start
        for (int j = 0; j < k; j++) {
            initial[j] = java.util.Arrays.copyOfRange(flat, j * d, j * d + d);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (naive != null) {
            naive.close();
        }
    }

    private KMeansOptions options() {
        return KMeansOptions.defaults().withK(k).withNInit(1).withThreads(threads)
                .withAlgorithm(impl == Impl.LLOYD ? KMeansOptions.Algorithm.LLOYD : KMeansOptions.Algorithm.HAMERLY);
    }

    @Benchmark
    public double iterations() {
        if (impl == Impl.NAIVE) {
            return naive.lloyd(rows, initial, 300, 1e-4 * NaiveKMeans.meanVariance(rows));
        }
        KMeansModel m = KMeans.fit(points, options().withInit(KMeansInit.given(initial)));
        return m.inertia();
    }

    @Benchmark
    public double fitOneInit() {
        if (impl == Impl.NAIVE) {
            double[][] c = naive.seed(rows, k, 2 + (int) Math.log(k), new SplittableRandom(7));
            return naive.lloyd(rows, c, 300, 1e-4 * NaiveKMeans.meanVariance(rows));
        }
        return KMeans.fit(points, options().withSeed(7)).inertia();
    }

    /** The textbook baseline, its row loops cut into one chunk per thread. */
    static final class NaiveKMeans implements AutoCloseable {

        private final int threads;
        private final ExecutorService pool;

        NaiveKMeans(int threads) {
            this.threads = threads;
            this.pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }

        /** A task over rows {@code [from, to)} of chunk {@code c}. */
        interface Chunk {
            void run(int c, int from, int to);
        }

        /** Runs {@code body} on {@code threads} contiguous chunks of {@code n} rows and waits for all. */
        void forChunks(int n, Chunk body) {
            if (pool == null) {
                body.run(0, 0, n);
                return;
            }
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < threads; c++) {
                int chunk = c;
                int from = (int) ((long) n * c / threads);
                int to = (int) ((long) n * (c + 1) / threads);
                tasks.add(() -> {
                    body.run(chunk, from, to);
                    return null;
                });
            }
            try {
                for (var f : pool.invokeAll(tasks)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
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
        double[][] seed(double[][] x, int k, int trials, SplittableRandom rnd) {
            int n = x.length;
            double[][] c = new double[k][];
            c[0] = x[rnd.nextInt(n)].clone();
            double[] toFirst = new double[n];
            double[] first = c[0];
            forChunks(n, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    toFirst[i] = dist(x[i], first);
                }
            });
            double[] closest = toFirst;
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
                    double[] partial = new double[threads];
                    double[] candidate = x[cand];
                    double[] current = closest;
                    forChunks(n, (chunk, from, to) -> {
                        double p = 0;
                        for (int i = from; i < to; i++) {
                            dc[i] = Math.min(current[i], dist(x[i], candidate));
                            p += dc[i];
                        }
                        partial[chunk] = p;
                    });
                    double p = 0;
                    for (double v : partial) {
                        p += v;
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
        double lloyd(double[][] x, double[][] init, int maxIter, double tol) {
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
                double[][][] sums = new double[threads][k][d];
                int[][] counts = new int[threads][k];
                boolean[] changed = new boolean[threads];
                double[][] centres = c;
                forChunks(n, (chunk, from, to) -> {
                    for (int i = from; i < to; i++) {
                        int best = 0;
                        double bd = dist(x[i], centres[0]);
                        for (int j = 1; j < k; j++) {
                            double dj = dist(x[i], centres[j]);
                            if (dj < bd) {
                                bd = dj;
                                best = j;
                            }
                        }
                        changed[chunk] |= labels[i] != best;
                        labels[i] = best;
                        counts[chunk][best]++;
                        for (int q = 0; q < d; q++) {
                            sums[chunk][best][q] += x[i][q];
                        }
                    }
                });
                double shift = 0;
                boolean anyChange = false;
                for (boolean ch : changed) {
                    anyChange |= ch;
                }
                for (int j = 0; j < k; j++) {
                    double[] next = new double[d];
                    int count = 0;
                    for (int t = 0; t < threads; t++) {
                        count += counts[t][j];
                        for (int q = 0; q < d; q++) {
                            next[q] += sums[t][j][q];
                        }
                    }
                    for (int q = 0; q < d; q++) {
                        next[q] = count > 0 ? next[q] / count : c[j][q];
                    }
                    shift += dist(next, c[j]);
                    c[j] = next;
                }
                if (!anyChange) {
                    strict = true;
                    break;
                }
                if (shift <= tol) {
                    break;
                }
            }
            double[] partial = new double[threads];
            boolean exact = strict;
            double[][] centres = c;
            forChunks(n, (chunk, from, to) -> {
                double s = 0;
                for (int i = from; i < to; i++) {
                    double bd = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < k; j++) {
                        bd = Math.min(bd, dist(x[i], centres[j]));
                    }
                    s += exact ? dist(x[i], centres[labels[i]]) : bd;
                }
                partial[chunk] = s;
            });
            double inertia = 0;
            for (double v : partial) {
                inertia += v;
            }
            return inertia;
        }
    }
}
