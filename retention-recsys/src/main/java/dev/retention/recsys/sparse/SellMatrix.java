package dev.retention.recsys.sparse;

import dev.retention.recsys.sparse.internal.ImplSell;

/**
 * An immutable sparse matrix in sliced ELLPACK form (SELL-C-sigma, Kreutzer et al. 2014), made for repeated
 * products {@code A x} with matrices of many short rows of varying length (customers by items, users by
 * ratings). Thread-safe. Made by {@link CsrMatrix#toSell()}; multiplied by
 * {@link SparseOps#mult(SellMatrix, double[], double[], int)}.
 *
 * <p>Rows are sorted by length within windows of 512 rows and stored eight at a time, entry by entry, with
 * zeros padding each group of eight to its longest row, so that a product runs one loop per eight rows
 * instead of one per row. The cost is the conversion (O(nnz + rows log 512)) and the memory of the padded
 * arrays ({@link #storedEntries()} times 8 bytes, plus 4 bytes per row), next to the CSR form it came from;
 * for a single product, or for rows long enough that their loops are predictable, keep the CSR form.
 */
public final class SellMatrix {

    private final int rows;
    private final int cols;
    private final int nnz;
    final ImplSell.Sell arrays;

    SellMatrix(CsrMatrix a) {
        this.rows = a.rows;
        this.cols = a.cols;
        this.nnz = a.nnz();
        this.arrays = ImplSell.build(a.rows, a.ptr, a.idx, a.val);
    }

    /** {@return the number of rows} */
    public int rows() {
        return rows;
    }

    /** {@return the number of columns} */
    public int cols() {
        return cols;
    }

    /** {@return the number of entries of the matrix (without padding)} */
    public int nnz() {
        return nnz;
    }

    /** {@return the number of stored entries, padding included ({@code >= nnz()})} */
    public int storedEntries() {
        return arrays.idx().length;
    }

    @Override
    public String toString() {
        return "SellMatrix " + rows + " x " + cols + ", " + nnz + " entries, " + storedEntries()
                + " stored with padding";
    }
}
