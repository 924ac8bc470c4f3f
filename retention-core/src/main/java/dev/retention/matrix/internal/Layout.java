package dev.retention.matrix.internal;

/**
 * Conversions between the row-major layout of the API and the column-major layout of the decomposition
 * kernels, optionally multiplying by a power of two (exact, barring overflow and underflow).
 *
 * <p>Layout: row-major {@code rows x cols} holds {@code (i, j)} at {@code i cols + j}; column-major at
 * {@code j rows + i}. O(rows cols) time, no allocation. The row-major matrix is read row by row in blocks of
 * {@value #TILE} rows, so that the column-major writes of one block stay in a few cache lines per column.
 * Arguments are trusted.
 */
public final class Layout {

    private static final int TILE = 8;

    private Layout() {
    }

    /**
     * {@code dst (column-major) = factor src (row-major)}, both {@code rows x cols}; {@code factor} is a
     * power of two, so the products are exact unless they leave the normal range.
     */
    public static void toColumnMajor(double[] src, int rows, int cols, double factor, double[] dst) {
        for (int ib = 0; ib < rows; ib += TILE) {
            int ie = Math.min(ib + TILE, rows);
            for (int j = 0; j < cols; j++) {
                int o = j * rows;
                for (int i = ib; i < ie; i++) {
                    dst[o + i] = factor * src[i * cols + j];
                }
            }
        }
    }

    /**
     * {@code dst (row-major rows x cols) = } the first {@code cols} columns of the column-major matrix
     * {@code src} with {@code rows} rows.
     */
    public static void toRowMajor(double[] src, int rows, int cols, double[] dst) {
        for (int ib = 0; ib < rows; ib += TILE) {
            int ie = Math.min(ib + TILE, rows);
            for (int j = 0; j < cols; j++) {
                int o = j * rows;
                for (int i = ib; i < ie; i++) {
                    dst[i * cols + j] = src[o + i];
                }
            }
        }
    }
}
