package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.parallel.Workers;
import dev.retention.recsys.sparse.CscMatrix;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SparseOps;
import org.ejml.concurrency.EjmlConcurrency;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pabeles.concurrency.GrowArray;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sparse times tall-skinny dense, {@code C = A B} ({@code B} is {@code cols x k}) and {@code C = A^T B}
 * ({@code B} is {@code rows x k}), into preallocated outputs:
 * <ul>
 *   <li>{@code RETENTION}: {@link SparseOps#mult(CsrMatrix, double[], int, double[], int)} and
 *       {@link SparseOps#multTransA(CsrMatrix, double[], int, double[], int)}, one thread, CSR ({@code A B} a
 *       gather per output row, {@code A^T B} a scatter into block partials);</li>
 *   <li>{@code RETENTION_2T}: the same on two threads, held for the trial as a fit holds them;</li>
 *   <li>{@code RETENTION_CSC}: {@code A^T B} on the matrix held as {@link CscMatrix}, a gather (for {@code A B}
 *       the same as {@code RETENTION});</li>
 *   <li>{@code NAIVE}: a loop over the coordinate triples with the inner loop over {@code k};</li>
 *   <li>{@code EJML}, {@code EJML_2T}: {@code CommonOps_DSCC} / {@code CommonOps_MT_DSCC} {@code mult} and
 *       {@code multTransA} on {@code A} in CSC form: {@code A B} scatters each column, {@code A^T B} gathers;</li>
 *   <li>{@code EJML_T}, {@code EJML_T_2T}: the same operations on the stored transpose {@code A^T} in CSC form
 *       ({@code A B} is {@code multTransA(A^T, B)}, a gather; {@code A^T B} is {@code mult(A^T, B)}, a scatter).
 *       </li>
 * </ul>
 * EJML's best method is {@code EJML_T} for {@code A B} and {@code EJML} for {@code A^T B} (the gathers); compare
 * those with {@code RETENTION} (one thread) and the {@code _2T} rows with each other: EJML's concurrency is set
 * to two threads in the setup, as ours.
 *
 * <p>Precision: our CSR values are float, EJML's double; the dense {@code B}, {@code C} and every accumulation
 * are double in both. The matrices hold ratings 1..5, exact in both types.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SparseSpmmBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class SparseSpmmBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, RETENTION_2T, RETENTION_CSC, NAIVE, EJML, EJML_2T, EJML_T, EJML_T_2T }

    @Param({"ML1M", "POWER10M"})
    SparseShapes.Shape shape;

    @Param({"32"})
    int k;

    @Param({"RETENTION", "RETENTION_2T", "RETENTION_CSC", "NAIVE", "EJML", "EJML_2T", "EJML_T", "EJML_T_2T"})
    Impl impl;

    SparseShapes.Triples triples;
    CsrMatrix a;
    CscMatrix csc;
    DMatrixSparseCSC ejml;
    DMatrixSparseCSC ejmlTransposed;
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
    Workers two;

    @Setup(Level.Trial)
    public void setup() {
        triples = SparseShapes.generate(shape, 42);
        a = triples.csr();
        csc = a.toCsc();
        ejml = SparseShapes.toEjml(a);
        ejmlTransposed = SparseShapes.toEjml(a.transpose());
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
        EjmlConcurrency.setMaxThreads(2);
        two = Workers.create(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        two.close();
    }

    @Benchmark
    public Object mult() {
        switch (impl) {
            case RETENTION, RETENTION_CSC -> SparseOps.mult(a, b, k, c, 1);
            case RETENTION_2T -> SparseOps.mult(a, b, k, c, two);
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
            case EJML_2T -> {
                CommonOps_MT_DSCC.mult(ejml, eb, ec, workMt);
                return ec;
            }
            case EJML_T -> {
                CommonOps_DSCC.multTransA(ejmlTransposed, eb, ec, work);
                return ec;
            }
            case EJML_T_2T -> {
                CommonOps_MT_DSCC.multTransA(ejmlTransposed, eb, ec, workMt);
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
            case RETENTION_2T -> SparseOps.multTransA(a, bt, k, ct, two);
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
            case EJML_2T -> {
                CommonOps_MT_DSCC.multTransA(ejml, ebt, ect, workMt);
                return ect;
            }
            case EJML_T -> {
                CommonOps_DSCC.mult(ejmlTransposed, ebt, ect);
                return ect;
            }
            case EJML_T_2T -> {
                CommonOps_MT_DSCC.mult(ejmlTransposed, ebt, ect, workMt);
                return ect;
            }
            default -> throw new AssertionError(impl);
        }
        return ct;
    }
}
