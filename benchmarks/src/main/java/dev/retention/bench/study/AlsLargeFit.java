package dev.retention.bench.study;

import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.als.AlsModel;
import dev.retention.recsys.als.AlsOptions;
import dev.retention.recsys.als.ImplicitAls;
import dev.retention.recsys.sparse.CsrMatrix;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;

/**
 * One-shot timing and peak heap of implicit ALS (100 factors, 15 iterations, regularization 0.01, alpha 1, 3 CG
 * steps: {@code implicit}'s defaults) on a set of MovieLens 1M's shape: the synthetic 6,040 x 3,706 set of
 * {@link SparseShapes} with 1,000,209 interactions and power-law item popularity, binarised (MovieLens 1M itself is
 * not used). Not a JMH benchmark: a fit is timed as {@code implicit}'s is, once per repeat (the first includes JIT
 * compilation); run under {@code -Xmx1g} to show that the fit fits in 1 GB of heap.
 *
 * <p>Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.retention.bench.study.AlsLargeFit [THREADS]
 * [REPEATS] [SEED]}.
 */
public final class AlsLargeFit {

    private AlsLargeFit() {
    }

    /** Generates the set, fits {@code repeats} times and prints the timings and the peak heap. */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        CsrMatrix a = SparseShapes.generate(SparseShapes.Shape.ML1M, seed).csr();
        float[] ones = new float[a.nnz()];
        Arrays.fill(ones, 1f);
        Ratings train = Ratings.of(a.withValues(ones), new RatingScale(0, 1));
        System.out.printf(Locale.ROOT, "synthetic MovieLens-1M shape: %,d users x %,d items, %,d interactions; "
                + "%d thread(s), max heap %d MB%n", train.userCount(), train.itemCount(), a.nnz(), threads,
                Runtime.getRuntime().maxMemory() >> 20);
        AlsOptions options = AlsOptions.defaults().withThreads(threads);
        for (int r = 0; r < repeats; r++) {
            long s = System.nanoTime();
            AlsModel m = ImplicitAls.fit(train, options);
            double seconds = (System.nanoTime() - s) / 1e9;
            double[] loss = m.fitSummary().objective();
            System.out.printf(Locale.ROOT, "fit %d: %.3f s, final loss %.6f%n", r + 1, seconds,
                    loss[loss.length - 1]);
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks) %.0f MB%n", peakHeap() / 1e6);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
