package dev.retention.recsys.sparse.internal;

/**
 * The three arrays of a matrix in compressed sparse row form: row pointers ({@code rows + 1}), column indexes
 * and values ({@code ptr[rows]} each), shared, not copied: what the construction and pair kernels hand to the
 * checked facade, which checks or trusts them once.
 */
public final class CsrArrays {
    private final int[] ptr;
    private final int[] idx;
    private final float[] val;

    /**
     * Holds the arrays as given.
     *
     * @param ptr row pointers
     * @param idx column indexes
     * @param val values
     */
    public CsrArrays(int[] ptr, int[] idx, float[] val) {
        this.ptr = ptr;
        this.idx = idx;
        this.val = val;
    }

    /** {@return the row pointers, {@code rows + 1} of them; shared} */
    public int[] ptr() {
        return ptr;
    }

    /** {@return the column indexes; shared} */
    public int[] idx() {
        return idx;
    }

    /** {@return the values; shared} */
    public float[] val() {
        return val;
    }
}
