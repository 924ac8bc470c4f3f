package dev.retention.model;

import java.util.Locale;

/**
 * What a model was fitted on, in three numbers: the rows and columns of its training data and a 64-bit
 * checksum of the values. Two fits with equal fingerprints saw the same data with overwhelming probability;
 * a service can compare the fingerprint of a loaded model with the data it expects. The checksum is not
 * cryptographic: it detects accidents (another file, another cut of the data), not an adversary.
 *
 * <p>The checksum runs over the data's values in a fixed order, each value's raw bits mixed by a
 * multiply-rotate step (the mixing of Appleby's MurmurHash3 finalizer), and it is finalised with the
 * row and column counts, so that the same values in another shape differ. Data types compute it once
 * and cache it (for example {@code DenseMatrix#fingerprint()}). Build one with {@link #hasher(long, long)}.
 *
 * @param rows     rows of the training data (customers, points, ratings, order lines), {@code >= 0}
 * @param columns  columns (features, dimensions, fields), {@code >= 0}
 * @param checksum the checksum of the values
 */
public record DataFingerprint(long rows, long columns, long checksum) {

    /** The fingerprint of a model that was not fitted on data (parameters given, or read from elsewhere). */
    public static final DataFingerprint NONE = new DataFingerprint(0, 0, 0);

    /**
     * Checks the counts.
     *
     * @param rows     rows of the training data (customers, points, ratings, order lines), {@code >= 0}
     * @param columns  columns (features, dimensions, fields), {@code >= 0}
     * @param checksum the checksum of the values
     * @throws IllegalArgumentException if a count is negative
     */
    public DataFingerprint {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("rows and columns must be >= 0, got " + rows + " and " + columns);
        }
    }

    /**
     * {@return a hasher for data of the given shape; feed it the values in a fixed order, then call
     * {@link Hasher#finish()}}
     *
     * @param rows    rows, {@code >= 0}
     * @param columns columns, {@code >= 0}
     */
    public static Hasher hasher(long rows, long columns) {
        return new Hasher(rows, columns);
    }

    /** {@code "4,338 x 3, checksum 1f0c2a9d44b1e803"}. */
    @Override
    public String toString() {
        if (this.equals(NONE)) {
            return "no training data";
        }
        return String.format(Locale.ROOT, "%,d x %,d, checksum %016x", rows, columns, checksum);
    }

    /**
     * Accumulates a checksum over values, in the order they are added. Not thread-safe; O(1) per value.
     */
    public static final class Hasher {
        private static final long M1 = 0xff51afd7ed558ccdL;
        private static final long M2 = 0xc4ceb9fe1a85ec53L;
        private static final long SEED = 0x9e3779b97f4a7c15L;

        private final long rows;
        private final long columns;
        private long h = SEED;
        private long count;

        private Hasher(long rows, long columns) {
            if (rows < 0 || columns < 0) {
                throw new IllegalArgumentException("rows and columns must be >= 0, got " + rows + " and " + columns);
            }
            this.rows = rows;
            this.columns = columns;
        }

        /**
         * Adds one 64-bit value.
         *
         * @param v the value
         * @return this hasher
         */
        public Hasher add(long v) {
            long k = v * M1;
            k = Long.rotateLeft(k, 31) * M2;
            h = Long.rotateLeft(h ^ k, 27) * 5 + 0x52dce729L;
            count++;
            return this;
        }

        /**
         * Adds a double by its raw bits (so {@code -0.0} and {@code 0.0} differ, as do NaN payloads).
         *
         * @param v the value
         * @return this hasher
         */
        public Hasher add(double v) {
            return add(Double.doubleToRawLongBits(v));
        }

        /**
         * Adds every value of an array, in order.
         *
         * @param values read: the values
         * @return this hasher
         */
        public Hasher add(double[] values) {
            for (double v : values) {
                add(Double.doubleToRawLongBits(v));
            }
            return this;
        }

        /**
         * Adds values {@code [from, to)} of an array, in order.
         *
         * @param values read: the values
         * @param from   first index added
         * @param to     one past the last index added
         * @return this hasher
         */
        public Hasher add(double[] values, int from, int to) {
            for (int i = from; i < to; i++) {
                add(Double.doubleToRawLongBits(values[i]));
            }
            return this;
        }

        /**
         * Adds every value of an array, in order.
         *
         * @param values read: the values
         * @return this hasher
         */
        public Hasher add(float[] values) {
            for (float v : values) {
                add(Float.floatToRawIntBits(v));
            }
            return this;
        }

        /**
         * Adds every value of an array, in order.
         *
         * @param values read: the values
         * @return this hasher
         */
        public Hasher add(int[] values) {
            for (int v : values) {
                add(v);
            }
            return this;
        }

        /**
         * Adds every value of an array, in order.
         *
         * @param values read: the values
         * @return this hasher
         */
        public Hasher add(long[] values) {
            for (long v : values) {
                add(v);
            }
            return this;
        }

        /**
         * Adds a string by its UTF-16 chars, with its length first so that adjacent strings cannot run together.
         *
         * @param s the string, not null
         * @return this hasher
         */
        public Hasher add(String s) {
            add(s.length());
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i));
            }
            return this;
        }

        /** {@return the fingerprint of the values added so far, with the shape} */
        public DataFingerprint finish() {
            long x = h ^ count ^ Long.rotateLeft(rows * M1, 17) ^ Long.rotateLeft(columns * M2, 43);
            x ^= x >>> 33;
            x *= M1;
            x ^= x >>> 33;
            x *= M2;
            x ^= x >>> 33;
            return new DataFingerprint(rows, columns, x);
        }
    }
}
