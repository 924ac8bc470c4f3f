package dev.retention.bench;

import dev.retention.matrix.Decompositions;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The dense decompositions of the truncated SVD at its typical sizes (rank 50 plus oversampling 10 on a
 * MovieLens-1M-shaped matrix, 6,040 x 3,706): the thin QR of a 3,706 x 60 sketch, and the SVD of the
 * 60 x 60 triangle and of the 60 x 3,706 projected matrix. {@code RETENTION} is
 * {@link Decompositions#qrThin(double[], int, int, double[])} and {@link Decompositions#svd} (Householder
 * QR; one-sided Jacobi after a QR); {@code EJML} is EJML 0.46.1's {@code DecompositionFactory_DDRM.qr}
 * ({@code getQ} compact) and {@code DecompositionFactory_DDRM.svd} (compact {@code U}, {@code V}, sorted
 * with {@code SingularOps_DDRM.descendingOrder}), as {@code TruncatedSvd} used them. Both in double, one
 * thread, from the same seeded Gaussian input, copying it (EJML's decompositions overwrite their input) and
 * allocating their outputs.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DenseDecompositionBenchmark -prof gc}; the
 * results are in {@code docs/architecture.md} (Dense decompositions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DenseDecompositionBenchmark {

    /** Operation and shape. */
    public enum Case {
        QR_3706x60(3706, 60), SVD_60x60(60, 60), SVD_60x3706(60, 3706);

        final int rows;
        final int cols;

        Case(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
        }
    }

    /** Implementations. */
    public enum Impl { RETENTION, EJML }

    @Param({"QR_3706x60", "SVD_60x60", "SVD_60x3706"})
    Case op;

    @Param({"RETENTION", "EJML"})
    Impl impl;

    double[] a;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        a = new double[op.rows * op.cols];
        for (int e = 0; e < a.length; e++) {
            a[e] = Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
        }
    }

    @Benchmark
    public Object decompose() {
        int rows = op.rows;
        int cols = op.cols;
        if (op == Case.QR_3706x60) {
            return impl == Impl.RETENTION ? Decompositions.qrThin(a, rows, cols, null) : ejmlQr(a, rows, cols);
        }
        return impl == Impl.RETENTION ? Decompositions.svd(a, rows, cols) : ejmlSvd(a, rows, cols);
    }

    private static DMatrixRMaj ejmlQr(double[] a, int rows, int cols) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        qr.decompose(DMatrixRMaj.wrap(rows, cols, a.clone()));
        return qr.getQ(null, true);
    }

    private static DMatrixRMaj[] ejmlSvd(double[] a, int rows, int cols) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        if (!svd.decompose(DMatrixRMaj.wrap(rows, cols, a.clone()))) {
            throw new IllegalStateException("EJML's SVD failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        return new DMatrixRMaj[] {u, w, v};
    }
}
