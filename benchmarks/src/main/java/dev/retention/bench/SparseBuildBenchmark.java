package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.sparse.CsrMatrix;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.data.IGrowArray;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;
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
 * Building a compressed sparse matrix from coordinate triples, and transposing it:
 * <ul>
 *   <li>{@code RETENTION}: {@link CsrMatrix#fromTriples} (one counting sort when each row's entries come
 *       in column order, else an LSD radix sort by column then row; O(nnz) either way; output sorted and
 *       duplicate-free) and {@link CsrMatrix#transpose()};</li>
 *   <li>{@code NAIVE}: pack (row, column) into a {@code long}, {@link Arrays#sort(long[])} the keys with their
 *       positions, then fill CSR arrays (O(nnz log nnz)); transpose by the same sort on (column, row);</li>
 *   <li>{@code EJML}: {@code DMatrixSparseTriplet} to {@code DMatrixSparseCSC} with
 *       {@code DConvertMatrixStruct.convert}, whose output leaves the indices of a column in input
 *       order (unsorted); {@code CommonOps_DSCC.transpose};</li>
 *   <li>{@code EJML_SORTED}: the same conversion followed by {@code sortIndices}, which gives the sorted
 *       structure that {@code RETENTION} guarantees (the like-for-like comparison); transpose as EJML.</li>
 * </ul>
 * {@code order}: {@code UNSORTED_ROWS} gives the triples grouped by row with columns in random order (the
 * generator's draw order); {@code SORTED_ROWS} gives them by row and column, as {@code Interactions} hold them.
 *
 * <p>Precision: our values are float (4 bytes an entry), EJML's double (8 bytes), so ours move half the value
 * bytes; the ratings 1..5 are exact in both. All implementations run on one thread.
 * <p>Every operation allocates its result (up to 120 MB), so garbage collection shows in single iterations;
 * five iterations of 2 s, over two forks (the default here), keep the error bars readable.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SparseBuildBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class SparseBuildBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, NAIVE, EJML, EJML_SORTED }

    @Param({"ML1M", "POWER10M"})
    SparseShapes.Shape shape;

    @Param({"RETENTION", "NAIVE", "EJML", "EJML_SORTED"})
    Impl impl;

    @Param({"UNSORTED_ROWS", "SORTED_ROWS"})
    String order;

    SparseShapes.Triples triples;
    CsrMatrix csr;
    DMatrixSparseCSC ejml;
    DMatrixSparseTriplet ejmlTriplet;
    IGrowArray work;

    @Setup(Level.Trial)
    public void setup() {
        triples = SparseShapes.generate(shape, 42);
        csr = triples.csr();
        if (order.equals("SORTED_ROWS")) {
            triples = new SparseShapes.Triples(csr.rows(), csr.cols(), rowsOf(csr), csr.columnIndices(), csr.values());
        }
        ejml = SparseShapes.toEjml(csr);
        ejmlTriplet = new DMatrixSparseTriplet(triples.rows(), triples.cols(), triples.r().length);
        for (int p = 0; p < triples.r().length; p++) {
            ejmlTriplet.addItem(triples.r()[p], triples.c()[p], triples.v()[p]);
        }
        work = new IGrowArray();
    }

    @Benchmark
    public Object fromTriples() {
        return switch (impl) {
            case RETENTION -> CsrMatrix.fromTriples(triples.rows(), triples.cols(), triples.r(), triples.c(), triples.v());
            case NAIVE -> naiveCsr(triples.rows(), triples.r(), triples.c(), triples.v());
            case EJML -> DConvertMatrixStruct.convert(ejmlTriplet, (DMatrixSparseCSC) null, work);
            case EJML_SORTED -> {
                DMatrixSparseCSC m = DConvertMatrixStruct.convert(ejmlTriplet, (DMatrixSparseCSC) null, work);
                m.sortIndices(null);
                yield m;
            }
        };
    }

    @Benchmark
    public Object transpose() {
        return switch (impl) {
            case RETENTION -> csr.transpose();
            case NAIVE -> naiveCsr(csr.cols(), columnsOf(csr), rowsOf(csr), csr.values());
            case EJML, EJML_SORTED -> CommonOps_DSCC.transpose(ejml, null, work);
        };
    }

    private static int[] rowsOf(CsrMatrix a) {
        int[] r = new int[a.nnz()];
        for (int i = 0; i < a.rows(); i++) {
            Arrays.fill(r, a.rowStart(i), a.rowEnd(i), i);
        }
        return r;
    }

    private static int[] columnsOf(CsrMatrix a) {
        return a.columnIndices();
    }

    /** CSR arrays {ptr, idx, (values as float bits)} by a comparison sort of packed keys. */
    static Object[] naiveCsr(int rows, int[] r, int[] c, float[] v) {
        int n = r.length;
        long[] keys = new long[n];
        for (int p = 0; p < n; p++) {
            keys[p] = ((long) r[p] << 32) | (c[p] & 0xFFFFFFFFL);
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int[] ptr = new int[rows + 1];
        int[] idx = new int[n];
        float[] val = new float[n];
        // values follow their keys: sort positions by key with a second packed sort (key, position) is
        // not possible in 64 bits, so look each key up in the sorted array (O(log n) each)
        for (int p = 0; p < n; p++) {
            int q = Arrays.binarySearch(sorted, keys[p]);
            idx[q] = c[p];
            val[q] = v[p];
        }
        for (int q = 0; q < n; q++) {
            ptr[(int) (sorted[q] >>> 32) + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            ptr[i + 1] += ptr[i];
        }
        return new Object[] {ptr, idx, val};
    }
}
