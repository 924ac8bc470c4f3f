package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.recsys.sparse.TruncatedSvd;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Rank-50 truncated SVD of a MovieLens-shaped rating matrix (oversampling 10, 4 power iterations), the same
 * randomized algorithm (Halko et al. 2011, algorithm 4.4 then 5.1) in every implementation:
 * <ul>
 *   <li>{@code RETENTION}: {@link TruncatedSvd}, our sparse kernels and our dense QR and SVD, one thread;</li>
 *   <li>{@code RETENTION_2T}: the same with two threads held for the whole decomposition (the dense steps stay
 *       on one thread);</li>
 *   <li>{@code SPARSE_EJML}, {@code SPARSE_EJML_2T}: EJML's best: its sparse products in their gather form
 *       ({@code CommonOps_DSCC.multTransA} on the stored transpose for {@code A W} and on {@code A} for
 *       {@code A^T Q}), {@code CommonOps_MT_DSCC} on two threads for the second, and its dense QR and SVD (which
 *       it runs on one thread) for the sketches: what one would write with EJML;</li>
 *   <li>{@code DENSE_EJML}: the algorithm on the dense matrix with EJML's dense products, QR and SVD, one
 *       thread: what one would write without sparse kernels.</li>
 * </ul>
 *
 * <p>Precision: our sparse values are float, EJML's double; the Gaussian test matrix, the sketches, every
 * product and both decompositions are double in all. The ratings 1..5 are exact in both types. The test
 * matrices differ (ours from {@code java.util.Random} seeded by the options, EJML's from {@code Random(0)}), so
 * the singular values agree to the accuracy of the method, not bit for bit.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SvdBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SvdBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, RETENTION_2T, SPARSE_EJML, SPARSE_EJML_2T, DENSE_EJML }

    @Param({"ML100K", "ML1M"})
    SparseShapes.Shape shape;

    @Param({"50"})
    int rank;

    @Param({"RETENTION", "RETENTION_2T", "SPARSE_EJML", "SPARSE_EJML_2T", "DENSE_EJML"})
    Impl impl;

    CsrMatrix a;
    DMatrixRMaj dense;
    DMatrixSparseCSC ejml;
    DMatrixSparseCSC ejmlTransposed;

    @Setup(Level.Trial)
    public void setup() {
        a = SparseShapes.generate(shape, 42).csr();
        dense = impl == Impl.DENSE_EJML ? DMatrixRMaj.wrap(a.rows(), a.cols(), a.toDense()) : null;
        ejml = SparseShapes.toEjml(a);
        ejmlTransposed = SparseShapes.toEjml(a.transpose());
        EjmlConcurrency.setMaxThreads(2);
    }

    @Benchmark
    public Object svd() {
        SvdOptions o = SvdOptions.defaults().withRank(rank);
        return switch (impl) {
            case RETENTION -> TruncatedSvd.compute(a, o);
            case RETENTION_2T -> TruncatedSvd.compute(a, o.withThreads(2));
            case SPARSE_EJML -> sparseRandomized(ejml, ejmlTransposed, rank, 10, 4, false);
            case SPARSE_EJML_2T -> sparseRandomized(ejml, ejmlTransposed, rank, 10, 4, true);
            case DENSE_EJML -> denseRandomized(dense, rank, 10, 4);
        };
    }

    /**
     * Halko et al. algorithm 4.4 with EJML's sparse products in gather form (on {@code A} and a stored
     * {@code A^T}, both CSC) and its dense QR and SVD; returns the singular values.
     */
    static double[] sparseRandomized(DMatrixSparseCSC a, DMatrixSparseCSC at, int k, int p, int q,
                                     boolean twoThreads) {
        int l = k + p;
        Random rnd = new Random(0);
        DMatrixRMaj w = new DMatrixRMaj(a.numCols, l);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = rnd.nextGaussian();
        }
        DGrowArray work = new DGrowArray();
        GrowArray<DGrowArray> workMt = new GrowArray<>(DGrowArray::new);
        DMatrixRMaj y = new DMatrixRMaj(a.numRows, l);
        multA(at, w, y, twoThreads, work, workMt);
        DMatrixRMaj qm = orth(y);
        DMatrixRMaj z = new DMatrixRMaj(a.numCols, l);
        for (int it = 0; it < q; it++) {
            multA(a, qm, z, twoThreads, work, workMt);
            DMatrixRMaj qz = orth(z);
            multA(at, qz, y, twoThreads, work, workMt);
            qm = orth(y);
        }
        multA(a, qm, z, twoThreads, work, workMt);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(z.numRows, l, true, true, true);
        svd.decompose(z);
        return svd.getSingularValues();
    }

    /** {@code C = M^T B} by EJML's gather over the columns of {@code M}. */
    private static void multA(DMatrixSparseCSC m, DMatrixRMaj b, DMatrixRMaj c, boolean twoThreads, DGrowArray work,
                              GrowArray<DGrowArray> workMt) {
        if (twoThreads) {
            CommonOps_MT_DSCC.multTransA(m, b, c, workMt);
        } else {
            CommonOps_DSCC.multTransA(m, b, c, work);
        }
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
