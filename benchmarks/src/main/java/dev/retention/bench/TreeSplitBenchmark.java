package dev.retention.bench;

import dev.retention.churn.internal.SplitSearch;
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
 * Gini impurity, as the tree builder does it at each node:
 * <ul>
 *   <li>{@code NAIVE}: boxed row indexes sorted by a {@link Comparator} per feature, then the same scan;</li>
 *   <li>{@code PAIR_SORT}: the library kernel ({@code SplitSearch}): values gathered from the column-major
 *       copy the tree builder keeps into a primitive array and sorted together with the row indexes by an
 *       introsort, then the scan.</li>
 * </ul>
 * Half of the features are continuous, half take ten distinct values (many ties, as one-hot and count
 * features do). Both find the same split.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TreeSplitBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class TreeSplitBenchmark {

    /** The implementation measured. */
    public enum Impl { NAIVE, PAIR_SORT }

    @Param({"1000", "100000"})
    int rows;

    @Param({"NAIVE", "PAIR_SORT"})
    Impl impl;

    int p = 20;
    double[] x;
    double[] columns;
    int[] y;
    int[] samples;
    double[] xf;
    double w0;
    double w1;

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
        columns = dev.retention.churn.internal.CartBuilder.columnMajor(x, rows, p);
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
            } else {
                naiveSort(f);
                SplitSearch.scan(xf, samples, 0, rows, y, null, w0, w1, false, 1, f, best);
            }
        }
        return best.threshold + best.feature;
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
