package dev.retention.bench;

import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SellMatrix;
import dev.retention.recsys.sparse.SparseOps;
import org.ejml.data.DMatrixSparseCSC;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sparse matrix times dense vector, {@code y = A x}, into a preallocated {@code y}:
 * {@code RETENTION} ({@link SparseOps#mult(CsrMatrix, double[], double[], int)}, one thread),
 * {@code RETENTION_2T} (two threads), {@code RETENTION_SELL} and {@code RETENTION_SELL_2T} (the same
 * matrix converted once, outside the timing, to the sliced ELLPACK form, {@link CsrMatrix#toSell()}, as
 * EJML's operand is built once in its CSC form), {@code NAIVE} (a loop over the coordinate triples in generation
 * order) and {@code EJML} ({@code MatrixVectorMult_DSCC.mult} on a {@code DMatrixSparseCSC}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SparseSpmvBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SparseSpmvBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, RETENTION_2T, RETENTION_SELL, RETENTION_SELL_2T, NAIVE, EJML }

    @Param({"ML1M", "POWER10M"})
    SparseShapes.Shape shape;

    @Param({"RETENTION", "RETENTION_2T", "RETENTION_SELL", "RETENTION_SELL_2T", "NAIVE", "EJML"})
    Impl impl;

    SparseShapes.Triples triples;
    CsrMatrix a;
    SellMatrix sell;
    DMatrixSparseCSC ejml;
    double[] x;
    double[] y;

    @Setup(Level.Trial)
    public void setup() {
        triples = SparseShapes.generate(shape, 42);
        a = triples.csr();
        sell = a.toSell();
        ejml = SparseShapes.toEjml(a);
        SplittableRandom rnd = new SplittableRandom(7);
        x = new double[a.cols()];
        for (int j = 0; j < x.length; j++) {
            x[j] = rnd.nextDouble() - 0.5;
        }
        y = new double[a.rows()];
    }

    @Benchmark
    public double[] mult() {
        switch (impl) {
            case RETENTION -> SparseOps.mult(a, x, y, 1);
            case RETENTION_2T -> SparseOps.mult(a, x, y, 2);
            case RETENTION_SELL -> SparseOps.mult(sell, x, y, 1);
            case RETENTION_SELL_2T -> SparseOps.mult(sell, x, y, 2);
            case NAIVE -> {
                Arrays.fill(y, 0);
                int[] r = triples.r();
                int[] c = triples.c();
                float[] v = triples.v();
                for (int p = 0; p < r.length; p++) {
                    y[r[p]] += v[p] * x[c[p]];
                }
            }
            case EJML -> MatrixVectorMult_DSCC.mult(ejml, x, 0, y, 0);
            default -> throw new AssertionError(impl);
        }
        return y;
    }
}
