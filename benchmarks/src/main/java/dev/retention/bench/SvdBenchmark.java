package dev.retention.bench;

import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.recsys.sparse.TruncatedSvd;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Rank-50 truncated SVD of a MovieLens-shaped rating matrix (oversampling 10, 4 power iterations):
 * {@code RETENTION} ({@link TruncatedSvd}, sparse kernels, one thread), {@code RETENTION_2T} (two
 * threads) and {@code DENSE_EJML} (the same randomized algorithm on the dense matrix with EJML's dense
 * products, QR and SVD: what one would write without sparse kernels).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SvdBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SvdBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, RETENTION_2T, DENSE_EJML }

    @Param({"ML100K", "ML1M"})
    SparseShapes.Shape shape;

    @Param({"50"})
    int rank;

    @Param({"RETENTION", "RETENTION_2T", "DENSE_EJML"})
    Impl impl;

    CsrMatrix a;
    DMatrixRMaj dense;

    @Setup(Level.Trial)
    public void setup() {
        a = SparseShapes.generate(shape, 42).csr();
        dense = DMatrixRMaj.wrap(a.rows(), a.cols(), a.toDense());
    }

    @Benchmark
    public Object svd() {
        SvdOptions o = SvdOptions.defaults().withRank(rank);
        return switch (impl) {
            case RETENTION -> TruncatedSvd.compute(a, o);
            case RETENTION_2T -> TruncatedSvd.compute(a, o.withParallelism(2));
            case DENSE_EJML -> denseRandomized(dense, rank, 10, 4);
        };
    }

    /** Halko et al. algorithm 4.4 on a dense matrix with EJML; returns the singular values. */
    static double[] denseRandomized(DMatrixRMaj a, int k, int p, int q) {
        int l = k + p;
        Random rnd = new Random(0);
        DMatrixRMaj w = new DMatrixRMaj(a.numCols, l);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = rnd.nextGaussian();
        }
        DMatrixRMaj y = new DMatrixRMaj(a.numRows, l);
        CommonOps_DDRM.mult(a, w, y);
        DMatrixRMaj qm = orth(y);
        DMatrixRMaj z = new DMatrixRMaj(a.numCols, l);
        for (int it = 0; it < q; it++) {
            CommonOps_DDRM.multTransA(a, qm, z);
            DMatrixRMaj qz = orth(z);
            CommonOps_DDRM.mult(a, qz, y);
            qm = orth(y);
        }
        CommonOps_DDRM.multTransA(a, qm, z);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(z.numRows, l, true, true, true);
        svd.decompose(z);
        return svd.getSingularValues();
    }

    private static DMatrixRMaj orth(DMatrixRMaj y) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(y.numRows, y.numCols);
        qr.decompose(y.copy());
        return qr.getQ(null, true);
    }
}
