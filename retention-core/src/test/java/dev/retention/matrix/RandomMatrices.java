package dev.retention.matrix;

import java.util.SplittableRandom;

/**
 * Seeded random dense matrices for the property tests of {@link Decompositions}: the seed picks a kind and a
 * shape, so a failing case is replayed from its seed alone. Kinds: 1 x 1, tall, square, wide, rank-deficient
 * (a product of thinner factors, or repeated and zero columns), exactly zero, huge and tiny scales (entries
 * near 1e150 or 1e-150, and extreme cases near 1e300 and 1e-300), and graded columns (condition up to 1e12).
 */
final class RandomMatrices {

    /** What a case exercises. */
    enum Kind { ONE_BY_ONE, TALL, SQUARE, WIDE, LOW_RANK, ZERO_AND_REPEATED_COLUMNS, ZERO, HUGE, TINY, GRADED }

    /** A row-major {@code rows x cols} matrix and where it came from. */
    static final class Case {
        private final long seed;
        private final Kind kind;
        private final int rows;
        private final int cols;
        private final double[] a;

        Case(long seed, Kind kind, int rows, int cols, double[] a) {
            this.seed = seed;
            this.kind = kind;
            this.rows = rows;
            this.cols = cols;
            this.a = a;
        }

        @Override
        public String toString() {
            return "seed=" + seed + " (" + kind + ", " + rows + " x " + cols + ")";
        }

        public long seed() {
            return seed;
        }

        public Kind kind() {
            return kind;
        }

        public int rows() {
            return rows;
        }

        public int cols() {
            return cols;
        }

        public double[] a() {
            return a;
        }
    }

    private RandomMatrices() {
    }

    /**
     * The case of {@code seed}; with {@code tallOnly} the shape has {@code rows >= cols} (a wide kind is
     * generated tall).
     */
    static Case generate(long seed, boolean tallOnly) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        Kind kind = Kind.values()[(int) Math.floorMod(seed, (long) Kind.values().length)];
        int rows;
        int cols;
        switch (kind) {
            case ONE_BY_ONE -> {
                rows = 1;
                cols = 1;
            }
            case SQUARE -> {
                rows = 1 + rnd.nextInt(40);
                cols = rows;
            }
            case WIDE -> {
                rows = 1 + rnd.nextInt(30);
                cols = rows + 1 + rnd.nextInt(50);
            }
            default -> {
                cols = 1 + rnd.nextInt(40);
                rows = cols + rnd.nextInt(60);
            }
        }
        if (tallOnly && rows < cols) {
            int t = rows;
            rows = cols;
            cols = t;
        }
        double[] a = gaussian(rnd, rows * cols);
        switch (kind) {
            case ONE_BY_ONE -> a[0] = rnd.nextInt(4) == 0 ? 0.0 : a[0];
            case LOW_RANK -> a = lowRank(rnd, rows, cols, rnd.nextInt(Math.min(rows, cols)));
            case ZERO_AND_REPEATED_COLUMNS -> zeroAndRepeatColumns(rnd, a, rows, cols);
            case ZERO -> a = new double[rows * cols];
            case HUGE -> scale(a, rnd.nextInt(4) == 0 ? 1e300 / (rows + cols) : 1e150);
            case TINY -> scale(a, rnd.nextInt(4) == 0 ? 1e-300 : 1e-150);
            case GRADED -> grade(rnd, a, rows, cols);
            default -> {
            }
        }
        return new Case(seed, kind, rows, cols, a);
    }

    /** Standard normal entries. */
    static double[] gaussian(SplittableRandom rnd, int length) {
        double[] a = new double[length];
        for (int e = 0; e < length; e++) {
            // Box-Muller; SplittableRandom has no nextGaussian on Java 17
            double u = 1 - rnd.nextDouble();
            a[e] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
        }
        return a;
    }

    /** {@code X Y} with {@code X} rows x rank and {@code Y} rank x cols, Gaussian; all zero for rank 0. */
    private static double[] lowRank(SplittableRandom rnd, int rows, int cols, int rank) {
        double[] x = gaussian(rnd, rows * rank);
        double[] y = gaussian(rnd, rank * cols);
        double[] a = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int t = 0; t < rank; t++) {
                    s += x[i * rank + t] * y[t * cols + j];
                }
                a[i * cols + j] = s;
            }
        }
        return a;
    }

    /** Zeroes about a third of the columns and copies another third from earlier columns. */
    private static void zeroAndRepeatColumns(SplittableRandom rnd, double[] a, int rows, int cols) {
        for (int j = 0; j < cols; j++) {
            int what = rnd.nextInt(3);
            int from = rnd.nextInt(j + 1);
            for (int i = 0; i < rows; i++) {
                if (what == 0) {
                    a[i * cols + j] = 0;
                } else if (what == 1) {
                    a[i * cols + j] = a[i * cols + from];
                }
            }
        }
    }

    /** Multiplies column {@code j} by {@code 10^-e_j}, {@code e_j} uniform in [0, 12]. */
    private static void grade(SplittableRandom rnd, double[] a, int rows, int cols) {
        for (int j = 0; j < cols; j++) {
            double f = Math.pow(10, -12 * rnd.nextDouble());
            for (int i = 0; i < rows; i++) {
                a[i * cols + j] *= f;
            }
        }
    }

    private static void scale(double[] a, double f) {
        for (int e = 0; e < a.length; e++) {
            a[e] *= f;
        }
    }
}
