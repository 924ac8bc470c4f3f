package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.GramOptions;
import dev.retention.recsys.sparse.SparseOps;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.IGrowArray;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.CommonOps_MT_DSCC;
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
 * The sparse Gram matrix {@code A^T A} (item-item co-occurrence products of a user x item matrix), every
 * pair kept, transpose included in every implementation: {@code RETENTION}
 * ({@link SparseOps#gram}, one thread), {@code RETENTION_2T} (two threads), {@code RETENTION_TOP100}
 * (one thread, only the 100 largest per row: the neighbour-index use), {@code NAIVE} (every pair of
 * each row of {@code A} added into a dense {@code cols x cols} array, then compressed) and
 * {@code EJML} / {@code EJML_2T} ({@code CommonOps_DSCC.transpose} then {@code CommonOps_DSCC.mult} /
 * {@code CommonOps_MT_DSCC.mult}, EJML's only sparse-sparse product, its concurrency set to two threads in the
 * setup, as ours).
 *
 * <p>Precision: our CSR input and output values are float, EJML's double; every product is accumulated in
 * double in both. The matrices hold ratings 1..5, exact in both types; the output sums are rounded to float by
 * ours.
 *
 * <p>An operation takes up to two seconds on the 10M shape, so iterations last 2 s (several operations
 * each) and there are five of them.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SparseGramBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"})
public class SparseGramBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, RETENTION_2T, RETENTION_TOP100, NAIVE, EJML, EJML_2T }

    @Param({"ML1M", "POWER10M"})
    SparseShapes.Shape shape;

    @Param({"RETENTION", "RETENTION_2T", "RETENTION_TOP100", "NAIVE", "EJML", "EJML_2T"})
    Impl impl;

    CsrMatrix a;
    DMatrixSparseCSC ejml;
    IGrowArray gw;
    DGrowArray gx;

    @Setup(Level.Trial)
    public void setup() {
        a = SparseShapes.generate(shape, 42).csr();
        ejml = SparseShapes.toEjml(a);
        gw = new IGrowArray();
        gx = new DGrowArray();
        EjmlConcurrency.setMaxThreads(2);
    }

    @Benchmark
    public Object gram() {
        return switch (impl) {
            case RETENTION -> SparseOps.gram(a, GramOptions.defaults());
            case RETENTION_2T -> SparseOps.gram(a, GramOptions.defaults().withThreads(2));
            case RETENTION_TOP100 -> SparseOps.gram(a, GramOptions.defaults().withTopK(100));
            case NAIVE -> naive(a);
            case EJML -> CommonOps_DSCC.mult(CommonOps_DSCC.transpose(ejml, null, gw), ejml, null, gw, gx);
            case EJML_2T -> CommonOps_MT_DSCC.mult(CommonOps_DSCC.transpose(ejml, null, gw), ejml, null);
        };
    }

    /** Dense accumulation of every co-occurring pair, then compression to CSR arrays. */
    static Object naive(CsrMatrix a) {
        int n = a.cols();
        double[] dense = new double[n * n];
        boolean[] present = new boolean[n * n];
        for (int u = 0; u < a.rows(); u++) {
            for (int p = a.rowStart(u); p < a.rowEnd(u); p++) {
                int i = a.columnIndex(p);
                double x = a.value(p);
                for (int q = a.rowStart(u); q < a.rowEnd(u); q++) {
                    int cell = i * n + a.columnIndex(q);
                    dense[cell] += x * a.value(q);
                    present[cell] = true;
                }
            }
        }
        int nnz = 0;
        for (boolean b : present) {
            nnz += b ? 1 : 0;
        }
        int[] ptr = new int[n + 1];
        int[] idx = new int[nnz];
        float[] val = new float[nnz];
        int at = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (present[i * n + j]) {
                    idx[at] = j;
                    val[at++] = (float) dense[i * n + j];
                }
            }
            ptr[i + 1] = at;
        }
        return new Object[] {ptr, idx, val};
    }
}
