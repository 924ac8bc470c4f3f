package dev.retention.bench;

import dev.retention.churn.internal.SplitSearch;
import dev.retention.matrix.DenseMatrix;
import dev.retention.primitive.IndirectSort;
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
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The split search of one CART node (the root) over every feature of {@code rows x 20} features with
 * Gini impurity, as the tree builder does it at each node, on one thread:
 * <ul>
 *   <li>{@code BOXED}: the textbook Java way, boxed row indexes sorted by a {@link Comparator} per feature,
 *       then the same scan; kept to show what boxing costs, not as the baseline;</li>
 *   <li>{@code RADIX}: the fair primitive baseline: the feature's values gathered from the same column-major
 *       copy and the row indexes sorted by them with core's {@code IndirectSort.sortByKey} (a stable LSD radix
 *       sort on the doubles' bits, no boxing), then the same scan;</li>
 *   <li>{@code PAIR_SORT}: the library kernel ({@code SplitSearch}): values gathered into a primitive array and
 *       sorted together with the row indexes by an introsort (scikit-learn's {@code BestSplitter} sorts the
 *       same way), then the scan.</li>
 * </ul>
 * Precision: double (feature values, weights and impurities) in all three. Half of the features are
 * continuous, half take ten distinct values (many ties, as one-hot and count features do). All three find
 * the same split.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TreeSplitBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class TreeSplitBenchmark {

    /** The implementation measured. */
    public enum Impl { BOXED, RADIX, PAIR_SORT }

    @Param({"1000", "100000"})
    int rows;

    @Param({"BOXED", "RADIX", "PAIR_SORT"})
    Impl impl;

    int p = 20;
    double[] x;
    double[] columns;
    int[] y;
    int[] samples;
    double[] xf;
    double w0;
    double w1;
    double[] keys;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(7);
        x = new double[rows * p];
        y = new int[rows];
        for (int i = 0; i < rows; i++) {
            double z = 0;
            for (int j = 0; j < p; j++) {
                double v = j % 2 == 0 ? rnd.nextGaussian() : rnd.nextInt(10);
                x[i * p + j] = v;
                z += (j % 3 == 0 ? 0.3 : -0.1) * v;
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            if (y[i] == 1) {
                w1++;
            } else {
                w0++;
            }
        }
        samples = new int[rows];
        xf = new double[rows];
        columns = DenseMatrix.ofRowMajor(rows, p, x).toColumnMajor();
        keys = new double[rows];
    }

    @Benchmark
    public double bestSplit() {
        SplitSearch.Best best = new SplitSearch.Best();
        for (int i = 0; i < rows; i++) {
            samples[i] = i;
        }
        for (int f = 0; f < p; f++) {
            if (impl == Impl.PAIR_SORT) {
                if (SplitSearch.gatherAndSort(columns, rows, f, samples, xf, 0, rows)) {
                    SplitSearch.scan(xf, samples, 0, rows, y, null, w0, w1, false, 1, f, best);
                }
            } else if (impl == Impl.RADIX) {
                radixSort(f);
                SplitSearch.scan(xf, samples, 0, rows, y, null, w0, w1, false, 1, f, best);
            } else {
                naiveSort(f);
                SplitSearch.scan(xf, samples, 0, rows, y, null, w0, w1, false, 1, f, best);
            }
        }
        return best.threshold + best.feature;
    }

    private void radixSort(int f) {
        System.arraycopy(columns, f * rows, keys, 0, rows);
        IndirectSort.sortByKey(samples, keys);
        for (int i = 0; i < rows; i++) {
            xf[i] = keys[samples[i]];
        }
    }

    private void naiveSort(int f) {
        Integer[] idx = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = samples[i];
        }
        final int feature = f;
        Arrays.sort(idx, Comparator.comparingDouble(i -> x[i * p + feature]));
        for (int i = 0; i < rows; i++) {
            samples[i] = idx[i];
            xf[i] = x[idx[i] * p + f];
        }
    }
}
