package dev.retention.recsys;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.baseline.NormalPredictor;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.slopeone.SlopeOne;
import dev.retention.recsys.svd.PureSvd;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;
import dev.retention.recsys.sparse.SvdOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: a model saved and loaded again predicts exactly what the saved model predicts (estimate,
 * fallback flag and reason, item scores) on random (user, item) pairs, for random small rating sets
 * ({@link RandomRatings}), and keeps its fit summary. Every model type, every kNN variant, measure,
 * orientation and representation. Also: a file of another model type, a corrupted, truncated or
 * inconsistent file is refused with a message naming the file and the problem.
 */
class ModelFileRoundTripTest {

    /** Loads a model file of one type. */
    interface Loader {
        RatingModel load(Path path) throws IOException;
    }

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void knn_anyVariantMeasureAndRepresentation_roundTrips(long seed, @TempDir Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        KnnVariant variant = KnnVariant.values()[(int) (seed % 4)];
        SimilarityMeasure measure = SimilarityMeasure.values()[(int) (seed / 4 % 6)];
        SimilarityOptions.Representation representation =
                SimilarityOptions.Representation.values()[rnd.nextInt(3)];
        KnnOptions o = KnnOptions.defaults().withVariant(variant).withUserBased(seed / 24 % 2 == 0)
                .withK(1 + rnd.nextInt(5)).withMinK(1 + rnd.nextInt(3))
                .withSimilarity(SimilarityOptions.defaults().withMeasure(measure).withRepresentation(representation)
                        .withNeighbours(1 + rnd.nextInt(4)).withMinSupport(1 + rnd.nextInt(2))
                        .withMaxDenseBytes(rnd.nextBoolean() ? 0 : 1 << 20))
                .withBaseline(rnd.nextBoolean() ? BaselineOptions.als() : BaselineOptions.sgd().withEpochs(5));
        Ratings r = RandomRatings.of(seed);
        assertRoundTrip(seed, Knn.fit(r, o), Knn::load, dir);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void baselineOnly_slopeOne_normal_pureSvd_roundTrip(long seed, @TempDir Path dir) throws IOException {
        Ratings r = RandomRatings.of(seed);
        BaselineOptions b = seed % 2 == 0 ? BaselineOptions.als() : BaselineOptions.sgd();
        assertRoundTrip(seed, BaselineOnly.fit(r, b), BaselineOnly::load, dir);
        assertRoundTrip(seed, SlopeOne.fit(r), SlopeOne::load, dir);
        assertRoundTrip(seed, NormalPredictor.fit(r, seed * 31), NormalPredictor::load, dir);
        int rank = 1 + (int) (seed % Math.min(r.userCount(), r.itemCount()));
        assertRoundTrip(seed, PureSvd.fit(r, SvdOptions.defaults().withRank(rank).withSeed(seed)), PureSvd::load, dir);
    }

    private static void assertRoundTrip(long seed, RatingModel m, Loader loader, Path dir) throws IOException {
        Path file = dir.resolve(m.name() + ".model");
        m.save(file);
        RatingModel back = loader.load(file);
        String what = m.name() + ", seed " + seed;
        assertEquals(m.getClass(), back.getClass(), what);
        assertEquals(m.fitSummary(), back.fitSummary(), what);
        assertEquals(m.toString(), back.toString(), what);
        assertEquals(m.scale(), back.scale(), what);
        assertEquals(m.userCount(), back.userCount(), what);
        assertEquals(m.itemCount(), back.itemCount(), what);
        for (int[] pair : RandomRatings.pairs(seed, RandomRatings.of(seed), 60)) {
            assertEquals(m.predict(pair[0], pair[1]), back.predict(pair[0], pair[1]),
                    what + ", pair (" + pair[0] + ", " + pair[1] + ")");
        }
        double[] a = new double[m.itemCount()];
        double[] b = new double[m.itemCount()];
        for (int u = 0; u < m.userCount(); u++) {
            m.scoreItems(u, a);
            back.scoreItems(u, b);
            assertArrayEquals(a, b, what + ", scores of user " + u);
        }
    }

    @Test
    void load_refusesAnotherModelType(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("knn.model");
        Knn.fit(RecsysFixture.ratings(), KnnOptions.defaults()).save(file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SlopeOne.load(file));
        assertTrue(e.getMessage().contains("holds a 'recsys-knn' model, expected 'recsys-slope-one'"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(ModelFormatException.class, () -> BaselineOnly.load(file));
        assertThrows(ModelFormatException.class, () -> PureSvd.load(file));
        assertThrows(ModelFormatException.class, () -> NormalPredictor.load(file));
    }

    @Test
    void load_refusesCorruptedAndTruncatedFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("slope.model");
        SlopeOne.fit(RecsysFixture.ratings()).save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        ModelFormatException corrupted = assertThrows(ModelFormatException.class, () -> SlopeOne.load(file));
        assertTrue(corrupted.getMessage().contains("corrupted"), corrupted.getMessage());
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        ModelFormatException truncated = assertThrows(ModelFormatException.class, () -> SlopeOne.load(file));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void load_refusesInconsistentSections(@TempDir Path dir) throws IOException {
        BaselineOnly m = BaselineOnly.fit(RecsysFixture.ratings());
        Path file = dir.resolve("baseline.model");
        // a well-formed file (right checksum) whose user biases hold a NaN
        dev.retention.recsys.internal.RatingModelFiles.writer(BaselineOnly.MODEL_TYPE, m)
                .putDoubles("user_biases", new double[] {0, 0, Double.NaN, 0, 0, 0, 0})
                .putDoubles("item_biases", m.itemBiases())
                .putString("baseline_method", "ALS").putInt("baseline_epochs", 10)
                .putDoubles("baseline_params", new double[] {15, 10, 0.005, 0.02})
                .write(file);
        ModelFormatException nan = assertThrows(ModelFormatException.class, () -> BaselineOnly.load(file));
        assertTrue(nan.getMessage().contains("'user_biases' holds NaN at position 2"), nan.getMessage());
        // one bias too few for the id space
        dev.retention.recsys.internal.RatingModelFiles.writer(BaselineOnly.MODEL_TYPE, m)
                .putDoubles("user_biases", new double[6])
                .putDoubles("item_biases", m.itemBiases())
                .putString("baseline_method", "ALS").putInt("baseline_epochs", 10)
                .putDoubles("baseline_params", new double[] {15, 10, 0.005, 0.02})
                .write(file);
        ModelFormatException shortBiases = assertThrows(ModelFormatException.class, () -> BaselineOnly.load(file));
        assertTrue(shortBiases.getMessage().contains("'user_biases' holds 6 values, expected 7"),
                shortBiases.getMessage());
        // options out of range are refused by the options themselves, reported as an invalid model
        dev.retention.recsys.internal.RatingModelFiles.writer(BaselineOnly.MODEL_TYPE, m)
                .putDoubles("user_biases", m.userBiases())
                .putDoubles("item_biases", m.itemBiases())
                .putString("baseline_method", "ALS").putInt("baseline_epochs", 0)
                .putDoubles("baseline_params", new double[] {15, 10, 0.005, 0.02})
                .write(file);
        ModelFormatException epochs = assertThrows(ModelFormatException.class, () -> BaselineOnly.load(file));
        assertTrue(epochs.getMessage().contains("invalid recsys-baseline-only model: epochs must be >= 1, got 0"),
                epochs.getMessage());
        // a missing section is named
        ModelFile.writer(Knn.MODEL_TYPE).putDouble("global_mean", 3).write(file);
        ModelFormatException missing = assertThrows(ModelFormatException.class, () -> Knn.load(file));
        assertTrue(missing.getMessage().contains("has no section 'scale'"), missing.getMessage());
    }
}
