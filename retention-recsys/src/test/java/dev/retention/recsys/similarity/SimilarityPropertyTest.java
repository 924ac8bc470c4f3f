package dev.retention.recsys.similarity;

import dev.retention.recsys.EnumDraws;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.RandomSparse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every measure over 200 seeded random matrices (with empty rows, constant rows and zero-valued rows):
 * symmetric bit for bit, finite, within its bounds, 1 on the diagonal, 0 for rows without a co-rated
 * entry; a top-k index agrees with the full matrix on what it keeps and keeps the best; results do not
 * depend on the number of threads.
 */
class SimilarityPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    private static CsrMatrix withAwkwardRows(long seed) {
        RandomSparse.Triples t = RandomSparse.triples(seed, 25);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = t.r().length;
        int[] r = java.util.Arrays.copyOf(t.r(), n + t.cols());
        int[] c = java.util.Arrays.copyOf(t.c(), n + t.cols());
        float[] v = java.util.Arrays.copyOf(t.v(), n + t.cols());
        // give the last row a constant (possibly zero) value in every column
        float constant = rnd.nextBoolean() ? 0f : 3f;
        int rows = t.rows() + 1;
        for (int j = 0; j < t.cols(); j++) {
            r[n + j] = rows - 1;
            c[n + j] = j;
            v[n + j] = constant;
        }
        return CsrMatrix.fromTriples(rows + 1, t.cols(), r, c, v);   // and an empty last row
    }

    private static Baselines baselines(CsrMatrix a, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] rb = new double[a.rows()];
        double[] cb = new double[a.cols()];
        for (int i = 0; i < rb.length; i++) {
            rb[i] = rnd.nextDouble() - 0.5;
        }
        for (int j = 0; j < cb.length; j++) {
            cb[j] = rnd.nextDouble() - 0.5;
        }
        return new Baselines(rnd.nextDouble() * 4, rb, cb);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyMeasure_symmetricBoundedFiniteAndThreadIndependent(long seed) {
        CsrMatrix a = withAwkwardRows(seed);
        Baselines b = baselines(a, seed);
        int empty = a.rows() - 1;
        for (SimilarityMeasure m : SimilarityMeasure.values()) {
            SimilarityOptions o = SimilarityOptions.defaults().withMeasure(m).withMinSupport(1 + (int) (seed % 2));
            SimilarityMatrix s = Similarities.compute(a, o, b);
            SimilarityMatrix s3 = Similarities.compute(a, o.withThreads(3), b);
            boolean nonNegative = m == SimilarityMeasure.MSD || m == SimilarityMeasure.JACCARD;
            for (int x = 0; x < a.rows(); x++) {
                for (int y = 0; y < a.rows(); y++) {
                    float v = s.get(x, y);
                    String where = "seed " + seed + " " + m + " (" + x + ", " + y + ")";
                    assertTrue(Float.isFinite(v), where);
                    assertEquals(v, s.get(y, x), 0.0, where);
                    assertTrue(v <= 1f && v >= (nonNegative ? 0f : -1f), where + " = " + v);
                    assertEquals(v, s3.get(x, y), 0.0, where + " threads");
                    if (x == y) {
                        assertEquals(1f, v, where);
                    } else if (x == empty || y == empty) {
                        assertEquals(0f, v, where);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void topKIndex_keepsTheBestOfTheFullMatrix(long seed) {
        CsrMatrix a = withAwkwardRows(seed);
        SimilarityMeasure m = EnumDraws.at(SimilarityMeasure.class, seed);
        int k = 1 + (int) (seed % 4);
        SimilarityOptions o = SimilarityOptions.defaults().withMeasure(m);
        Baselines b = baselines(a, seed);
        SimilarityMatrix full = Similarities.compute(a, o, b);
        SimilarityMatrix top = Similarities.compute(a, o.withRepresentation(SimilarityOptions.Representation.TOP_K)
                .withNeighbours(k).withThreads(2), b);
        for (int x = 0; x < a.rows(); x++) {
            SimilarityMatrix.Neighbours fromFull = full.neighbours(x, k);
            SimilarityMatrix.Neighbours fromTop = top.neighbours(x, k);
            // the index may keep fewer positive pairs (ties broken by index, zeros kept as candidates)
            for (int t = 0; t < fromTop.size(); t++) {
                assertEquals(full.get(x, fromTop.index()[t]), fromTop.similarity()[t], 0.0, "seed " + seed);
            }
            for (int t = 0; t < Math.min(fromTop.size(), fromFull.size()); t++) {
                assertEquals(fromFull.similarity()[t], fromTop.similarity()[t], 0.0, "seed " + seed + " rank " + t);
            }
        }
    }
}
