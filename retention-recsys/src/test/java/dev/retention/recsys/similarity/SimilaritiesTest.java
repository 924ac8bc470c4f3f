package dev.retention.recsys.similarity;

import dev.retention.data.IdIndex;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden similarities of a 5 x 6 rating matrix from {@code retention-core/src/test/python/similarity_reference.py}
 * (NumPy, the formulas of Surprise 1.1's {@code similarities.pyx} and of Sarwar et al. 2001). Tolerance
 * 1e-6: values are stored as floats.
 */
class SimilaritiesTest {

    private static final double[][] R = {
            {5, 3, 0, 1, 4, 0},
            {4, 0, 0, 1, 5, 2},
            {1, 1, 0, 5, 0, 4},
            {1, 0, 5, 4, 2, 0},
            {0, 1, 5, 4, 0, 3},
    };
    private static final Baselines BASELINES = new Baselines(3.0, new double[] {0.3, 0.1, -0.4, 0.2, -0.1},
            new double[] {0.5, -0.6, 0.7, 0.0, 0.4, -0.2});

    static CsrMatrix fixture() {
        int n = 0;
        int[] r = new int[30];
        int[] c = new int[30];
        float[] v = new float[30];
        for (int i = 0; i < R.length; i++) {
            for (int j = 0; j < R[i].length; j++) {
                if (R[i][j] != 0) {
                    r[n] = i;
                    c[n] = j;
                    v[n++] = (float) R[i][j];
                }
            }
        }
        return CsrMatrix.fromTriples(5, 6, java.util.Arrays.copyOf(r, n), java.util.Arrays.copyOf(c, n),
                java.util.Arrays.copyOf(v, n));
    }

    private static void check(SimilarityMeasure measure, double[][] expected, double shrinkage) {
        SimilarityMatrix s = Similarities.compute(fixture(),
                SimilarityOptions.defaults().withMeasure(measure).withShrinkage(shrinkage), BASELINES);
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 5; y++) {
                assertEquals(expected[x][y], s.get(x, y), 1e-6, measure + " (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void cosine_golden() {
        check(SimilarityMeasure.COSINE, new double[][] {
                {1.0, 0.9761904761904762, 0.42289003161103106, 0.5724197752462528, 0.5368754921931592},
                {0.9761904761904762, 1.0, 0.5724197752462528, 0.6060915267313265, 0.8944271909999159},
                {0.42289003161103106, 0.5724197752462528, 1.0, 0.9988681377244375, 0.9986254289035241},
                {0.5724197752462528, 0.6060915267313265, 0.9988681377244375, 1.0, 1.0},
                {0.5368754921931592, 0.8944271909999159, 0.9986254289035241, 1.0, 1.0}}, 100);
    }

    @Test
    void msd_golden() {
        check(SimilarityMeasure.MSD, new double[][] {
                {1.0, 0.6000000000000001, 0.07692307692307693, 0.09375, 0.13333333333333333},
                {0.6000000000000001, 1.0, 0.09375, 0.1, 0.16666666666666666},
                {0.07692307692307693, 0.09375, 1.0, 0.6666666666666666, 0.6000000000000001},
                {0.09375, 0.1, 0.6666666666666666, 1.0, 1.0},
                {0.13333333333333333, 0.16666666666666666, 0.6000000000000001, 1.0, 1.0}}, 100);
    }

    @Test
    void pearson_golden() {
        check(SimilarityMeasure.PEARSON, new double[][] {
                {1.0, 0.8846153846153846, -0.8660254037844387, -0.9958705948858224, -1.0},
                {0.8846153846153846, 1.0, -0.9958705948858224, -0.8386278693775346, -1.0},
                {-0.8660254037844387, -0.9958705948858224, 1.0, 1.0, 0.9958705948858224},
                {-0.9958705948858224, -0.8386278693775346, 1.0, 1.0, 1.0},
                {-1.0, -1.0, 0.9958705948858224, 1.0, 1.0}}, 100);
    }

    @Test
    void pearsonBaseline_golden_shrinkage2() {
        check(SimilarityMeasure.PEARSON_BASELINE, new double[][] {
                {1.0, 0.4222873900293255, -0.4777682452407017, -0.3286736323763846, -0.24641745050619113},
                {0.4222873900293255, 1.0, -0.44225804901617566, -0.30502804731333527, -0.3301349651218299},
                {-0.4777682452407017, -0.44225804901617566, 1.0, 0.2817237437993479, 0.41864771326095035},
                {-0.3286736323763846, -0.30502804731333527, 0.2817237437993479, 1.0, 0.33310305513835115},
                {-0.24641745050619113, -0.3301349651218299, 0.41864771326095035, 0.33310305513835115, 1.0}}, 2);
    }

    @Test
    void jaccard_golden() {
        check(SimilarityMeasure.JACCARD, new double[][] {
                {1.0, 0.6, 0.6, 0.6, 0.3333333333333333},
                {0.6, 1.0, 0.6, 0.6, 0.3333333333333333},
                {0.6, 0.6, 1.0, 0.3333333333333333, 0.6},
                {0.6, 0.6, 0.3333333333333333, 1.0, 0.3333333333333333},
                {0.3333333333333333, 0.3333333333333333, 0.6, 0.3333333333333333, 1.0}}, 100);
    }

    @Test
    void adjustedCosine_golden() {
        check(SimilarityMeasure.ADJUSTED_COSINE, new double[][] {
                {1.0, 0.8843565321020349, -0.9784333608008718, -0.8196757501609772, -0.9999999999999999},
                {0.8843565321020349, 1.0, -0.9881169192673952, -0.9045781477694514, -0.8944271909999159},
                {-0.9784333608008718, -0.9881169192673952, 1.0, 0.9451247121831624, 0.87167173692536},
                {-0.8196757501609772, -0.9045781477694514, 0.9451247121831624, 1.0, 1.0},
                {-0.9999999999999999, -0.8944271909999159, 0.87167173692536, 1.0, 1.0}}, 100);
    }

    @Test
    void minSupport_zeroesPairsWithFewCoRatings() {
        // users 0 and 1 co-rate items 0, 3, 4 (3 items); users 0 and 4 co-rate items 1, 3 (2 items)
        SimilarityMatrix s = Similarities.compute(fixture(), SimilarityOptions.defaults().withMinSupport(3));
        assertEquals(0.6, s.get(0, 1), 1e-6);
        assertEquals(0f, s.get(0, 4));
    }

    @Test
    void topK_keepsTheMostSimilarAndSaysWhy() {
        SimilarityMatrix full = Similarities.compute(fixture(), SimilarityOptions.defaults());
        assertEquals(SimilarityMatrix.Representation.FULL, full.representation());
        assertTrue(full.reason().contains("fits the budget"), full.reason());
        SimilarityMatrix auto = Similarities.compute(fixture(), SimilarityOptions.defaults().withMaxDenseBytes(50)
                .withNeighbours(2));
        assertEquals(SimilarityMatrix.Representation.TOP_K, auto.representation());
        assertTrue(auto.reason().contains("would need") && auto.reason().contains("top-2"), auto.reason());
        // user 3: msd 0.09375 (0), 0.1 (1), 0.667 (2), 1.0 (4) -> keeps 4 and 2
        SimilarityMatrix.Neighbours nb = auto.neighbours(3, 5);
        assertArrayEquals(new int[] {4, 2}, nb.index());
        assertEquals(0f, auto.get(3, 0));
        assertEquals(full.get(3, 2), auto.get(3, 2));
        assertArrayEquals(new int[] {4, 2, 1, 0}, full.neighbours(3, 10).index());
    }

    @Test
    void neighbours_copyTheirArrays_areEqualByContent_andPrintExternalIds() {
        SimilarityMatrix s = Similarities.compute(fixture(), SimilarityOptions.defaults())
                .withIds(IdIndex.ofStrings("ann", "bob", "cy", "dee", "eve"));
        SimilarityMatrix.Neighbours nb = s.neighbours(3, 2);
        int[] index = nb.index();
        index[0] = 99;
        float[] sim = nb.similarity();
        sim[0] = -1;
        assertArrayEquals(new int[] {4, 2}, nb.index(), "the caller's copy does not write through");
        assertEquals(1f, nb.similarity(0));
        assertEquals("eve", nb.id(0));
        assertEquals(nb, s.neighbours(3, 2));
        assertEquals(nb.hashCode(), s.neighbours(3, 2).hashCode());
        assertNotEquals(nb, s.neighbours(3, 3));
        String text = nb.toString();
        assertTrue(text.contains("2 neighbours of dee") && text.contains("eve") && text.contains("cy"), text);
        assertTrue(s.toString().contains("ann") && s.toString().contains("dee"), s.toString());
        // ids do not change the similarities, so they do not change equality
        assertEquals(Similarities.compute(fixture(), SimilarityOptions.defaults()), s);
        assertNotEquals(Similarities.compute(fixture(), SimilarityOptions.defaults().withMeasure(SimilarityMeasure.COSINE)), s);
        assertThrows(IllegalArgumentException.class, () -> s.withIds(IdIndex.identity(4)));
    }

    @Test
    void writeTo_readFrom_roundTripsBothRepresentations_andRefusesValuesOutOfRange() throws Exception {
        for (SimilarityOptions o : new SimilarityOptions[] {SimilarityOptions.defaults(),
                SimilarityOptions.defaults().withMeasure(SimilarityMeasure.PEARSON).withMaxDenseBytes(50).withNeighbours(2)}) {
            SimilarityMatrix s = Similarities.compute(fixture(), o);
            ModelFile.Writer w = ModelFile.writer("test");
            s.writeTo(w, "sim");
            SimilarityMatrix back = SimilarityMatrix.readFrom(ModelFile.parse(w.toBytes(), "mem"), "sim");
            assertEquals(s.representation(), back.representation());
            assertEquals(s.measure(), back.measure());
            assertEquals(s.reason(), back.reason());
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    assertEquals(s.get(x, y), back.get(x, y));
                }
            }
        }
        ModelFile bad = ModelFile.parse(ModelFile.writer("test").putString("sim_measure", "msd").putInt("sim_size", 1)
                .putString("sim_representation", "FULL").putString("sim_reason", "r")
                .putFloats("sim_values", new float[] {1.5f}).toBytes(), "mem");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SimilarityMatrix.readFrom(bad, "sim"));
        assertTrue(e.getMessage().contains("value 1.5 at position 0 is not a similarity in [-1, 1]"), e.getMessage());
        ModelFile shape = ModelFile.parse(ModelFile.writer("test").putString("sim_measure", "msd").putInt("sim_size", 2)
                .putString("sim_representation", "FULL").putString("sim_reason", "r")
                .putFloats("sim_values", new float[] {1f}).toBytes(), "mem");
        ModelFormatException n = assertThrows(ModelFormatException.class, () -> SimilarityMatrix.readFrom(shape, "sim"));
        assertTrue(n.getMessage().contains("a full matrix of 2 rows needs 4 values, got 1"), n.getMessage());
    }

    @Test
    void compute_rejectsMissingOrMisshapenBaselines() {
        SimilarityOptions pb = SimilarityOptions.defaults().withMeasure(SimilarityMeasure.PEARSON_BASELINE);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Similarities.compute(fixture(), pb));
        assertTrue(missing.getMessage().contains("needs baselines"), missing.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Similarities.compute(fixture(), pb, new Baselines(3, new double[5], new double[5])));
        assertTrue(shape.getMessage().contains("6 column biases") && shape.getMessage().contains("got 5 and 5"),
                shape.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new Baselines(3, new double[] {Double.NaN}, new double[0]));
        assertTrue(nan.getMessage().contains("rowBias[0]"), nan.getMessage());
    }

    @Test
    void options_rejectBadValues() {
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> SimilarityMeasure.parse("euclid"));
        assertTrue(label.getMessage().contains("'euclid'") && label.getMessage().contains("pearson_baseline"));
        assertThrows(IllegalArgumentException.class, () -> SimilarityOptions.defaults().withMinSupport(0));
        assertThrows(IllegalArgumentException.class, () -> SimilarityOptions.defaults().withShrinkage(-1));
        assertThrows(IllegalArgumentException.class, () -> SimilarityOptions.defaults().withShrinkage(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SimilarityOptions.defaults().withNeighbours(0));
        assertEquals(SimilarityMeasure.PEARSON_BASELINE, SimilarityMeasure.parse("pearson_baseline"));
    }
}
