package dev.retention.recsys.sparse;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseOpsTest {

    /**
     * A = [[1, 0, 2], [0, 0, 0], [3, 4, 0]] given as unsorted triples with a duplicate (2,0) = 1 + 2.
     * By hand: A^T A = [[10, 12, 2], [12, 16, 0], [2, 0, 4]].
     */
    private static CsrMatrix small() {
        return CsrMatrix.fromTriples(3, 3, new int[] {2, 0, 2, 0, 2}, new int[] {1, 2, 0, 0, 0},
                new float[] {4, 2, 1, 1, 2});
    }

    @Test
    void fromTriples_sortsAndSumsDuplicates() {
        CsrMatrix a = small();
        assertArrayEquals(new int[] {0, 2, 2, 4}, a.rowPointers());
        assertArrayEquals(new int[] {0, 2, 0, 1}, a.columnIndices());
        assertArrayEquals(new float[] {1, 2, 3, 4}, a.values());
        assertEquals(3f, a.get(2, 0));
        assertEquals(0f, a.get(1, 1));
    }

    @Test
    void writeTo_readFrom_roundTrip_andRefusesAnInvalidStructure() throws Exception {
        CsrMatrix a = small();
        ModelFile.Writer w = ModelFile.writer("test");
        a.writeTo(w, "a");
        assertEquals(a, CsrMatrix.readFrom(ModelFile.parse(w.toBytes(), "mem"), "a"));
        ModelFile unsorted = ModelFile.parse(ModelFile.writer("test").putInts("a_shape", new int[] {1, 3})
                .putInts("a_pointers", new int[] {0, 2}).putInts("a_indices", new int[] {2, 1})
                .putFloats("a_values", new float[] {1, 2}).toBytes(), "mem");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> CsrMatrix.readFrom(unsorted, "a"));
        assertTrue(e.getMessage().contains("mem: the 'a' matrix is invalid: column indices of row 0 must be strictly "
                + "increasing, got 2 then 1"), e.getMessage());
    }

    @Test
    void gram_byHand() {
        CsrMatrix g = SparseOps.gram(small(), GramOptions.defaults());
        assertArrayEquals(new double[] {10, 12, 2, 12, 16, 0, 2, 0, 4}, g.toDense(), 0);
        // (1,2) never co-occurs, so it is not stored at all
        assertEquals(2, g.rowLength(1));
        CsrMatrix top1 = SparseOps.gram(small(), GramOptions.defaults().withTopK(1).withDiagonal(false));
        assertArrayEquals(new int[] {1, 0, 0}, top1.columnIndices());
        CsrMatrix support2 = SparseOps.gram(small(), GramOptions.defaults().withMinSupport(2));
        assertArrayEquals(new double[] {10, 0, 0, 0, 0, 0, 0, 0, 0}, support2.toDense(), 0);
    }

    /** The products agree with EJML's DMatrixSparseCSC operations (an independent implementation), to 1e-12. */
    @Test
    void products_agreeWithEjml() {
        CsrMatrix a = RandomSparse.ratings(7, 60, 45, 0.2);
        DMatrixSparseCSC e = toEjml(a);
        double[] b = RandomSparse.dense(8, 45, 5);
        DMatrixRMaj c = new DMatrixRMaj(60, 5);
        CommonOps_DSCC.mult(e, DMatrixRMaj.wrap(45, 5, b), c);
        assertArrayEquals(c.data, SparseOps.mult(a, b, 5, null, 2), 1e-12);
        double[] bt = RandomSparse.dense(9, 60, 3);
        DMatrixRMaj ct = new DMatrixRMaj(45, 3);
        CommonOps_DSCC.multTransA(e, DMatrixRMaj.wrap(60, 3, bt), ct, null);
        assertArrayEquals(ct.data, SparseOps.multTransA(a, bt, 3, null, 2), 1e-12);
        DMatrixSparseCSC gram = new DMatrixSparseCSC(45, 45, 0);
        CommonOps_DSCC.mult(CommonOps_DSCC.transpose(e, null, null), e, gram, null, null);
        DMatrixRMaj dense = new DMatrixRMaj(45, 45);
        DConvertMatrixStruct.convert(gram, dense);
        assertArrayEquals(dense.data, SparseOps.gram(a, GramOptions.defaults()).toDense(), 1e-12);
    }

    static DMatrixSparseCSC toEjml(CsrMatrix a) {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(a.rows(), a.cols(), a.nnz());
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                t.addItem(i, a.columnIndex(p), a.value(p));
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    @Test
    void fromTriples_rejectsBadInput() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.fromTriples(2, 2, new int[] {0, 2}, new int[] {0, 0}, new float[] {1, 1}));
        assertTrue(range.getMessage().contains("rowIndex[1]") && range.getMessage().contains("got 2"),
                range.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.fromTriples(2, 2, new int[] {1}, new int[] {0}, new float[] {Float.NaN}));
        assertTrue(nan.getMessage().contains("row 1, column 0"), nan.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.fromTriples(2, 2, new int[] {1}, new int[] {0, 1}, new float[] {1}));
        assertTrue(length.getMessage().contains("same length"), length.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.fromTriples(-1, 2, new int[0], new int[0], new float[0]));
        assertTrue(shape.getMessage().contains("-1 x 2"), shape.getMessage());
    }

    @Test
    void of_rejectsUnsortedOrDuplicateColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.of(1, 3, new int[] {0, 2}, new int[] {2, 2}, new float[] {1, 1}));
        assertTrue(e.getMessage().contains("strictly increasing") && e.getMessage().contains("row 0"), e.getMessage());
    }

    @Test
    void products_rejectMismatchedShapes() {
        CsrMatrix a = small();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> SparseOps.mult(a, new double[2], null, 1));
        assertTrue(x.getMessage().contains("x must have length") && x.getMessage().contains("got 2"), x.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> SparseOps.mult(a, new double[6], 3, null, 1));
        assertTrue(b.getMessage().contains("a.cols() * k = 3 * 3"), b.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> SparseOps.multTransA(a, new double[0], 0, null, 1));
        assertTrue(k.getMessage().contains("k must be >= 1, got 0"), k.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> SparseOps.mult(a, new double[3], null, 0));
        assertTrue(p.getMessage().contains("threads must be >= 1, got 0"), p.getMessage());
        double[] nan = new double[6];
        nan[5] = Double.NaN;
        IllegalArgumentException finite = assertThrows(IllegalArgumentException.class,
                () -> SparseOps.multTransA(a, nan, 2, null, 1));
        assertTrue(finite.getMessage().contains("NaN at row 2, column 1"), finite.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GramOptions(-1, 1, true, 1));
        assertThrows(IllegalArgumentException.class, () -> new GramOptions(0, 0, true, 1));
    }

    /** A larger matrix than the block size, so that several blocks and partial results are in play. */
    @Test
    void largeProducts_identicalForOneAndThreeThreads() {
        CsrMatrix a = RandomSparse.ratings(11, 700, 500, 0.6);
        assertTrue(a.nnz() > 150_000, "enough non-zeros for several partial blocks");
        double[] b = RandomSparse.dense(12, 700, 4);
        assertArrayEquals(SparseOps.multTransA(a, b, 4, null, 1), SparseOps.multTransA(a, b, 4, null, 3));
        double[] b2 = RandomSparse.dense(13, 500, 4);
        assertArrayEquals(SparseOps.mult(a, b2, 4, null, 1), SparseOps.mult(a, b2, 4, null, 3));
        assertEquals(SparseOps.gram(a, GramOptions.defaults().withTopK(20)),
                SparseOps.gram(a, GramOptions.defaults().withTopK(20).withThreads(3)));
    }
}
