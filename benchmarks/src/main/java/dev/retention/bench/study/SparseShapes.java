package dev.retention.bench.study;

import dev.retention.recsys.sparse.CsrMatrix;
import org.ejml.data.DMatrixSparseCSC;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded synthetic rating matrices with the shapes of the sparse, similarity, kNN and SVD benchmarks, and a
 * program (not a JMH benchmark) that writes a MovieLens-1M-shaped {@code ratings.dat} for command-line checks
 * and timings of {@code retention recsys eval}. Values are floats, as in the library's {@code CsrMatrix};
 * {@link #toEjml} widens them to EJML's doubles (exactly: every rating 1..5 is a float and a double).
 *
 * <ul>
 *   <li>{@link Shape#ML100K}: 943 x 1,682, 100,000 ratings (MovieLens 100K);</li>
 *   <li>{@link Shape#ML1M}: 6,040 x 3,706, 1,000,209 ratings (MovieLens 1M): every user has at least
 *       20 ratings, user activity is log-normal, item popularity Zipf with exponent 0.9;</li>
 *   <li>{@link Shape#POWER10M}: 1,000,000 x 4,000, about 10,000,000 entries: Pareto row lengths
 *       (alpha 2, at most 2,000) and Zipf column popularity with exponent 0.8.</li>
 * </ul>
 * Values are ratings 1..5, with a user and an item effect. No (row, column) pair repeats.
 *
 * <p>Write a ratings file: {@code java -cp benchmarks/target/benchmarks.jar dev.retention.bench.study.SparseShapes
 * ML1M /tmp/ml1m/ratings.dat}.
 */
public final class SparseShapes {

    /** The shapes. */
    public enum Shape {
        /** MovieLens 100K. */
        ML100K(943, 1_682, 100_000, 0.9, false),
        /** MovieLens 1M. */
        ML1M(6_040, 3_706, 1_000_209, 0.9, false),
        /** A 10M-entry power-law matrix. */
        POWER10M(1_000_000, 4_000, 10_000_000, 0.8, true);

        private final int rows;
        private final int cols;
        private final int nnz;
        private final double zipf;
        private final boolean pareto;

        Shape(int rows, int cols, int nnz, double zipf, boolean pareto) {
            this.rows = rows;
            this.cols = cols;
            this.nnz = nnz;
            this.zipf = zipf;
            this.pareto = pareto;
        }
    }

    /** Coordinate triples, sorted by row (columns in draw order within a row). */
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

        /** As a CSR matrix. */
        public CsrMatrix csr() {
            return CsrMatrix.fromTriples(rows, cols, r, c, v);
        }

        /** As EJML's compressed sparse column matrix. */
        public DMatrixSparseCSC ejml() {
            return toEjml(csr());
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

    private SparseShapes() {
    }

    /** The triples of a shape, from a seed. */
    public static Triples generate(Shape shape, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] degree = degrees(shape, rnd);
        double[] cdf = new double[shape.cols];
        double acc = 0;
        int[] perm = new int[shape.cols];
        for (int j = 0; j < shape.cols; j++) {
            perm[j] = j;
        }
        for (int j = shape.cols - 1; j > 0; j--) {   // popular items spread over the index range
            int k = rnd.nextInt(j + 1);
            int t = perm[j];
            perm[j] = perm[k];
            perm[k] = t;
        }
        for (int j = 0; j < shape.cols; j++) {
            acc += 1.0 / Math.pow(j + 1, shape.zipf);
            cdf[j] = acc;
        }
        double[] itemEffect = new double[shape.cols];
        for (int j = 0; j < shape.cols; j++) {
            itemEffect[j] = 0.8 * rnd.nextGaussian();
        }
        long total = 0;
        for (int d : degree) {
            total += d;
        }
        int[] r = new int[(int) total];
        int[] c = new int[(int) total];
        float[] v = new float[(int) total];
        boolean[] taken = new boolean[shape.cols];
        int p = 0;
        for (int i = 0; i < shape.rows; i++) {
            double userEffect = 0.6 * rnd.nextGaussian();
            int start = p;
            while (p - start < degree[i]) {
                int rank = Arrays.binarySearch(cdf, rnd.nextDouble() * acc);
                int j = perm[rank >= 0 ? rank : Math.min(-rank - 1, shape.cols - 1)];
                if (taken[j]) {
                    continue;
                }
                taken[j] = true;
                r[p] = i;
                c[p] = j;
                long rating = Math.round(3.6 + userEffect + itemEffect[j] + 0.9 * rnd.nextGaussian());
                v[p] = Math.max(1, Math.min(5, rating));
                p++;
            }
            for (int q = start; q < p; q++) {
                taken[c[q]] = false;
            }
        }
        return new Triples(shape.rows, shape.cols, r, c, v);
    }

    private static int[] degrees(Shape shape, SplittableRandom rnd) {
        int[] degree = new int[shape.rows];
        double[] raw = new double[shape.rows];
        double sum = 0;
        int min = shape.pareto ? 1 : 20;
        int max = shape.pareto ? 2_000 : shape.cols / 2;
        for (int i = 0; i < shape.rows; i++) {
            raw[i] = shape.pareto ? 1.0 / Math.sqrt(1 - rnd.nextDouble()) : Math.exp(1.2 * rnd.nextGaussian());
            sum += raw[i];
        }
        long total = 0;
        double scale = (shape.nnz - (double) min * shape.rows) / sum;
        for (int i = 0; i < shape.rows; i++) {
            degree[i] = (int) Math.min(max, min + Math.round(raw[i] * scale));
            total += degree[i];
        }
        // adjust to the exact count, one entry at a time over rows in a seeded order
        int i = 0;
        while (total != shape.nnz) {
            int row = (int) ((i++ * 2_654_435_761L) % shape.rows);
            if (total < shape.nnz && degree[row] < max) {
                degree[row]++;
                total++;
            } else if (total > shape.nnz && degree[row] > min) {
                degree[row]--;
                total--;
            }
        }
        return degree;
    }

    /** A CSR matrix as EJML's CSC, with the same values in double. */
    public static DMatrixSparseCSC toEjml(CsrMatrix a) {
        CsrMatrix t = a.transpose();   // CSR of the transpose = CSC of a
        DMatrixSparseCSC m = new DMatrixSparseCSC(a.rows(), a.cols(), a.nnz());
        m.col_idx = t.rowPointers();
        m.nz_rows = t.columnIndices();
        float[] v = t.values();
        m.nz_values = new double[v.length];
        for (int p = 0; p < v.length; p++) {
            m.nz_values[p] = v[p];
        }
        m.nz_length = a.nnz();
        m.indicesSorted = true;
        return m;
    }

    /**
     * Writes a shape as a MovieLens 1M {@code ratings.dat} ({@code user::item::rating::timestamp}, ids from 1).
     * Arguments: shape name, output path, optional seed (default 42).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: SparseShapes ML100K|ML1M|POWER10M OUT.dat [SEED]");
        }
        Shape shape = Shape.valueOf(args[0]);
        Path out = Path.of(args[1]);
        Triples t = generate(shape, args.length > 2 ? Long.parseLong(args[2]) : 42);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int p = 0; p < t.r.length; p++) {
                w.write((t.r[p] + 1) + "::" + (t.c[p] + 1) + "::" + (int) t.v[p] + "::" + (956_703_932L + p));
                w.newLine();
            }
        }
    }
}
