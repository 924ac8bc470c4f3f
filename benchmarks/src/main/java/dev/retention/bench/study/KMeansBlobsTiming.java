package dev.retention.bench.study;

import dev.retention.bench.ClusterData;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.matrix.DenseMatrix;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times k-means on 1,000,000 x 8 Gaussian blobs (8 centres, as {@code make_blobs(n_samples=1_000_000,
 * n_features=8, centers=8)}), k = 8, one k-means++ initialisation, inside one run: a few warm-up fits, then
 * {@code repeats} timed fits (each with another seed), each timed twice: the fit alone and the fit
 * including {@link DenseMatrix#ofRowMajor(int, int, double[], String...)} (copy and check of the input, as
 * scikit-learn's {@code check_array} and centring copy do). Double precision throughout, as scikit-learn on
 * float64 input. Prints the median and best times, their ratio to a baseline
 * in seconds (default 0.70, scikit-learn 1.2.1 on the reference machine), the iterations and the peak
 * heap use of the JVM (sum over heap pools of the peak used bytes; it includes the 64 MB input and the
 * JVM's own garbage, so it is an upper bound of what the fit needs).
 *
 * <p>Not a JMH benchmark: a study, timing whole fits in one JVM. Run: {@code java -Xmx2g -cp
 * benchmarks/target/benchmarks.jar dev.retention.bench.study.KMeansBlobsTiming [threads] [repeats]
 * [baselineSeconds]}; give the baseline's threads too (scikit-learn's OpenMP threads, {@code OMP_NUM_THREADS}).
 */
public final class KMeansBlobsTiming {

    private KMeansBlobsTiming() {
    }

    /** Runs the timing; arguments: threads (default 1), repeats (10), baseline seconds (0.70). */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double baseline = args.length > 2 ? Double.parseDouble(args[2]) : 0.70;
        int n = 1_000_000;
        int d = 8;
        double[] x = ClusterData.blobs(n, d, 8, 0);
        KMeansOptions options = KMeansOptions.defaults().withK(8).withNInit(1).withThreads(threads);
        for (int w = 0; w < 5; w++) {
            KMeans.fit(DenseMatrix.ofRowMajor(n, d, x), options.withSeed(1000 + w));
        }
        double[] fit = new double[repeats];
        double[] withInput = new double[repeats];
        int[] iterations = new int[repeats];
        double inertia = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            DenseMatrix p = DenseMatrix.ofRowMajor(n, d, x);
            long t1 = System.nanoTime();
            KMeansModel m = KMeans.fit(p, options.withSeed(r));
            long t2 = System.nanoTime();
            fit[r] = (t2 - t1) / 1e9;
            withInput[r] = (t2 - t0) / 1e9;
            iterations[r] = m.fitSummary().iterations();
            inertia = m.inertia();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "k-means, %,d x %d blobs, k=8, one k-means++ init, threads %d, %d runs%n",
                n, d, threads, repeats);
        report("fit", fit, baseline);
        report("fit + input", withInput, baseline);
        System.out.printf(Locale.ROOT, "iterations per run %s, last inertia %.1f%n", Arrays.toString(iterations),
                inertia);
        System.out.printf(Locale.ROOT, "peak heap used %.1f MB (max heap %.0f MB)%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static void report(String what, double[] seconds, double baseline) {
        double[] s = seconds.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        System.out.printf(Locale.ROOT, "%-16s median %.3f s, best %.3f s; baseline %.2f s / median = %.2fx faster%n",
                what, median, s[0], baseline, baseline / median);
    }
}
