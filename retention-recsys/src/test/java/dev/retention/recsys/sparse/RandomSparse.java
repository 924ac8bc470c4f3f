package dev.retention.recsys.sparse;

import java.util.SplittableRandom;

/**
 * Seeded random sparse matrices for the property tests: awkward shapes (empty rows and columns, a
 * single row or column, duplicates among the triples) and integer-like or general float values.
 */
public final class RandomSparse {

    private RandomSparse() {
    }

    /** Coordinate triples of a random matrix. */
    public static final class Triples {
        private final int rows;
        private final int cols;
        private final int[] r;
        private final int[] c;
        private final float[] v;

        public Triples(int rows, int cols, int[] r, int[] c, float[] v) {
            this.rows = rows;
            this.cols = cols;
            this.r = r;
            this.c = c;
            this.v = v;
        }

        /** The triples as a CSR matrix (duplicates summed). */
        public CsrMatrix csr() {
            return CsrMatrix.fromTriples(rows, cols, r, c, v);
        }

        /** The triples summed into a dense row-major array, in double. */
        public double[] dense() {
            double[] d = new double[rows * cols];
            for (int p = 0; p < r.length; p++) {
                d[r[p] * cols + c[p]] += v[p];
            }
            return d;
        }

        public int rows() {
            return rows;
        }

        public int cols() {
            return cols;
        }

        public int[] r() {
            return r;
        }

        public int[] c() {
            return c;
        }

        public float[] v() {
            return v;
        }
    }

    /** A random matrix of up to {@code maxDim x maxDim} with density in (0, 0.6]. */
    public static Triples triples(long seed, int maxDim) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rows = 1 + rnd.nextInt(maxDim);
        int cols = 1 + rnd.nextInt(maxDim);
        double density = 0.6 * rnd.nextDouble() + 0.01;
        int n = (int) (rows * cols * density);
        boolean ratings = rnd.nextBoolean();
        int[] r = new int[n];
        int[] c = new int[n];
        float[] v = new float[n];
        for (int p = 0; p < n; p++) {
            r[p] = rnd.nextInt(rows);
            c[p] = rnd.nextInt(cols);
            v[p] = ratings ? 1 + rnd.nextInt(5) : (float) (rnd.nextDouble() * 4 - 2);
        }
        return new Triples(rows, cols, r, c, v);
    }

    /** A random matrix of ratings 1..5 without duplicates, {@code rows x cols}, density about {@code density}. */
    public static CsrMatrix ratings(long seed, int rows, int cols, double density) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] r = new int[rows * cols];
        int[] c = new int[rows * cols];
        float[] v = new float[rows * cols];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (rnd.nextDouble() < density) {
                    r[n] = i;
                    c[n] = j;
                    v[n] = 1 + rnd.nextInt(5);
                    n++;
                }
            }
        }
        return CsrMatrix.fromTriples(rows, cols, java.util.Arrays.copyOf(r, n), java.util.Arrays.copyOf(c, n),
                java.util.Arrays.copyOf(v, n));
    }

    /** A random dense row-major {@code rows x k} matrix with entries in [-1, 1). */
    public static double[] dense(long seed, int rows, int k) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] d = new double[rows * k];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextDouble() * 2 - 1;
        }
        return d;
    }
}
