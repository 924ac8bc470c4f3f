package dev.retention.bench;

import dev.retention.recsys.sparse.CscMatrix;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SparseOps;
import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
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
import pabeles.concurrency.GrowArray;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sparse times tall-skinny dense, {@code C = A B} ({@code B} is {@code cols x k}) and
 * {@code C = A^T B} ({@code B} is {@code rows x k}), into preallocated outputs:
 * {@code RETENTION} ({@link SparseOps#mult(CsrMatrix, double[], int, double[], int)} and
 * {@link SparseOps#multTransA}, one thread, CSR: {@code A^T B} scatters), {@code RETENTION_2T} (two threads),
 * {@code RETENTION_CSC} ({@code A^T B} on the matrix held as {@link CscMatrix}, as EJML holds it: a gather;
 * for {@code A B} the same as {@code RETENTION}), {@code NAIVE} (a loop
 * over the coordinate triples with the inner loop over {@code k}), {@code EJML}
 * ({@code CommonOps_DSCC.mult}/{@code multTransA}) and {@code EJML_MT} ({@code CommonOps_MT_DSCC}, all cores).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SparseSpmmBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class SparseSpmmBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, RETENTION_2T, RETENTION_CSC, NAIVE, EJML, EJML_MT }

    @Param({"ML1M", "POWER10M"})
    SparseShapes.Shape shape;

    @Param({"32"})
    int k;

    @Param({"RETENTION", "RETENTION_2T", "RETENTION_CSC", "NAIVE", "EJML", "EJML_MT"})
    Impl impl;

    SparseShapes.Triples triples;
    CsrMatrix a;
    CscMatrix csc;
    DMatrixSparseCSC ejml;
    double[] b;        // cols x k
    double[] bt;       // rows x k
    double[] c;        // rows x k
    double[] ct;       // cols x k
    DMatrixRMaj eb;
    DMatrixRMaj ebt;
    DMatrixRMaj ec;
    DMatrixRMaj ect;
    DGrowArray work;
    GrowArray<DGrowArray> workMt;

    @Setup(Level.Trial)
    public void setup() {
        triples = SparseShapes.generate(shape, 42);
        a = triples.csr();
        csc = a.toCsc();
        ejml = SparseShapes.toEjml(a);
        SplittableRandom rnd = new SplittableRandom(7);
        b = new double[a.cols() * k];
        bt = new double[a.rows() * k];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextDouble() - 0.5;
        }
        for (int i = 0; i < bt.length; i++) {
            bt[i] = rnd.nextDouble() - 0.5;
        }
        c = new double[a.rows() * k];
        ct = new double[a.cols() * k];
        eb = DMatrixRMaj.wrap(a.cols(), k, b);
        ebt = DMatrixRMaj.wrap(a.rows(), k, bt);
        ec = new DMatrixRMaj(a.rows(), k);
        ect = new DMatrixRMaj(a.cols(), k);
        work = new DGrowArray();
        workMt = new GrowArray<>(DGrowArray::new);
    }

    @Benchmark
    public Object mult() {
        switch (impl) {
            case RETENTION, RETENTION_CSC -> SparseOps.mult(a, b, k, c, 1);
            case RETENTION_2T -> SparseOps.mult(a, b, k, c, 2);
            case NAIVE -> {
                Arrays.fill(c, 0);
                int[] r = triples.r();
                int[] col = triples.c();
                float[] v = triples.v();
                for (int p = 0; p < r.length; p++) {
                    int ci = r[p] * k;
                    int bj = col[p] * k;
                    double x = v[p];
                    for (int t = 0; t < k; t++) {
                        c[ci + t] += x * b[bj + t];
                    }
                }
            }
            case EJML -> {
                CommonOps_DSCC.mult(ejml, eb, ec);
                return ec;
            }
            case EJML_MT -> {
                CommonOps_MT_DSCC.mult(ejml, eb, ec, workMt);
                return ec;
            }
            default -> throw new AssertionError(impl);
        }
        return c;
    }

    @Benchmark
    public Object multTransA() {
        switch (impl) {
            case RETENTION -> SparseOps.multTransA(a, bt, k, ct, 1);
            case RETENTION_2T -> SparseOps.multTransA(a, bt, k, ct, 2);
            case RETENTION_CSC -> SparseOps.multTransA(csc, bt, k, ct, 1);
            case NAIVE -> {
                Arrays.fill(ct, 0);
                int[] r = triples.r();
                int[] col = triples.c();
                float[] v = triples.v();
                for (int p = 0; p < r.length; p++) {
                    int oj = col[p] * k;
                    int bi = r[p] * k;
                    double x = v[p];
                    for (int t = 0; t < k; t++) {
                        ct[oj + t] += x * bt[bi + t];
                    }
                }
            }
            case EJML -> {
                CommonOps_DSCC.multTransA(ejml, ebt, ect, work);
                return ect;
            }
            case EJML_MT -> {
                CommonOps_MT_DSCC.multTransA(ejml, ebt, ect, workMt);
                return ect;
            }
            default -> throw new AssertionError(impl);
        }
        return ct;
    }
}
