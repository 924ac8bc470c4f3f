package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.parallel.Workers;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SellMatrix;
import dev.retention.recsys.sparse.SparseOps;
import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.mult.MatrixVectorMult_DSCC;
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

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sparse matrix times dense vector, {@code y = A x}, into a preallocated {@code y}:
 * {@code RETENTION} ({@link SparseOps#mult(CsrMatrix, double[], double[], int)}, one thread),
 * {@code RETENTION_2T} (two threads, held for the trial as a fit holds them for its products:
 * {@link SparseOps#mult(CsrMatrix, double[], double[], Workers)}), {@code RETENTION_SELL} and
 * {@code RETENTION_SELL_2T} (the same matrix converted once, outside the timing, to the sliced ELLPACK form,
 * {@link CsrMatrix#toSell()}, as EJML's operand is built once in its CSC form), {@code NAIVE} (a loop over the coordinate triples in generation
 * order), {@code EJML_T} (EJML's best method for {@code A x}: {@code CommonOps_DSCC.multTransA} on the stored
 * transpose {@code A^T} in CSC form, whose columns are the rows of {@code A}, so each output element is a
 * gather, as our CSR kernel) and {@code EJML} ({@code MatrixVectorMult_DSCC.mult} on {@code A} in CSC form: a
 * scatter of each column into {@code y}, kept for reference). EJML has no multi-threaded {@code A x}, so the
 * two-thread rows have no EJML counterpart; compare {@code RETENTION} and {@code RETENTION_SELL} with
 * {@code EJML_T}.
 *
 * <p>Precision: our CSR and SELL values are float (4 bytes an entry), EJML's are double (8 bytes); {@code x},
 * {@code y} and every accumulation are double in both. The matrices hold ratings 1..5, exact in both types,
 * so the results agree to rounding of the sums; the float values halve the bytes read per entry, which is part
 * of our speed on these memory-bound products.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SparseSpmvBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SparseSpmvBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, RETENTION_2T, RETENTION_SELL, RETENTION_SELL_2T, NAIVE, EJML_T, EJML }

    @Param({"ML1M", "POWER10M"})
    SparseShapes.Shape shape;

    @Param({"RETENTION", "RETENTION_2T", "RETENTION_SELL", "RETENTION_SELL_2T", "NAIVE", "EJML_T", "EJML"})
    Impl impl;

    SparseShapes.Triples triples;
    CsrMatrix a;
    SellMatrix sell;
    DMatrixSparseCSC ejml;
    DMatrixSparseCSC ejmlTransposed;
    DMatrixRMaj ex;
    DMatrixRMaj ey;
    DGrowArray work;
    Workers two;
    double[] x;
    double[] y;

    @Setup(Level.Trial)
    public void setup() {
        triples = SparseShapes.generate(shape, 42);
        a = triples.csr();
        sell = a.toSell();
        ejml = SparseShapes.toEjml(a);
        ejmlTransposed = SparseShapes.toEjml(a.transpose());
        SplittableRandom rnd = new SplittableRandom(7);
        x = new double[a.cols()];
        for (int j = 0; j < x.length; j++) {
            x[j] = rnd.nextDouble() - 0.5;
        }
        y = new double[a.rows()];
        ex = DMatrixRMaj.wrap(a.cols(), 1, x);
        ey = DMatrixRMaj.wrap(a.rows(), 1, y);
        work = new DGrowArray();
        two = Workers.create(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        two.close();
    }

    @Benchmark
    public double[] mult() {
        switch (impl) {
            case RETENTION -> SparseOps.mult(a, x, y, 1);
            case RETENTION_2T -> SparseOps.mult(a, x, y, two);
            case RETENTION_SELL -> SparseOps.mult(sell, x, y, 1);
            case RETENTION_SELL_2T -> SparseOps.mult(sell, x, y, two);
            case NAIVE -> {
                Arrays.fill(y, 0);
                int[] r = triples.r();
                int[] c = triples.c();
                float[] v = triples.v();
                for (int p = 0; p < r.length; p++) {
                    y[r[p]] += v[p] * x[c[p]];
                }
            }
            case EJML_T -> CommonOps_DSCC.multTransA(ejmlTransposed, ex, ey, work);
            case EJML -> MatrixVectorMult_DSCC.mult(ejml, x, 0, y, 0);
            default -> throw new AssertionError(impl);
        }
        return y;
    }
}
