package dev.retention.recsys;

import dev.retention.data.IdIndex;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.recsys.als.AlsModel;
import dev.retention.recsys.als.AlsOptions;
import dev.retention.recsys.als.ImplicitAls;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOnlyModel;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.baseline.NormalPredictor;
import dev.retention.recsys.baseline.NormalPredictorModel;
import dev.retention.recsys.baseline.NormalPredictorOptions;
import dev.retention.recsys.factorization.CoClustering;
import dev.retention.recsys.factorization.CoClusteringModel;
import dev.retention.recsys.factorization.CoClusteringOptions;
import dev.retention.recsys.factorization.FactorOptions;
import dev.retention.recsys.factorization.Nmf;
import dev.retention.recsys.factorization.NmfModel;
import dev.retention.recsys.factorization.NmfOptions;
import dev.retention.recsys.factorization.Svd;
import dev.retention.recsys.factorization.SvdModel;
import dev.retention.recsys.factorization.SvdPlusPlus;
import dev.retention.recsys.factorization.SvdPlusPlusModel;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnModel;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnModel;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityModel;
import dev.retention.recsys.popularity.PopularityOptions;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;
import dev.retention.recsys.slopeone.SlopeOne;
import dev.retention.recsys.slopeone.SlopeOneModel;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.recsys.svd.PureSvd;
import dev.retention.recsys.svd.PureSvdModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: a model saved and loaded again with {@code Models.load(path, XModel.class)} equals the saved model
 * and predicts exactly what it predicts (estimate, fallback flag and reason, item scores) on random (user,
 * item) pairs, for random small rating sets ({@link RandomRatings}) with text ids, and keeps its fit summary.
 * Every model type, every kNN variant, measure, orientation and representation. Also: a file of another
 * model type, a corrupted, truncated, inconsistent or newer-schema file is refused with a message naming the
 * file and the problem.
 */
class ModelFileRoundTripTest {

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    /** Random ratings with text user ids and numeric item ids, so that both kinds of id index are saved. */
    static Ratings withIds(long seed) {
        Ratings r = RandomRatings.of(seed);
        String[] users = new String[r.userCount()];
        for (int u = 0; u < users.length; u++) {
            users[u] = "user-" + (char) ('a' + u);
        }
        long[] items = new long[r.itemCount()];
        for (int i = 0; i < items.length; i++) {
            items[i] = 1000 + 7L * i;
        }
        return Ratings.of(r.byUser(), r.scale(), IdIndex.ofStrings(users), IdIndex.ofLongs(items));
    }

    @Test
    void reader_readsEveryTypeOfTheModule() {
        assertTrue(Models.readableTypes().containsAll(Set.of(BaselineOnlyModel.MODEL_TYPE,
                NormalPredictorModel.MODEL_TYPE, KnnModel.MODEL_TYPE, SlopeOneModel.MODEL_TYPE, PureSvdModel.MODEL_TYPE,
                PopularityModel.MODEL_TYPE, SvdModel.MODEL_TYPE, SvdPlusPlusModel.MODEL_TYPE, NmfModel.MODEL_TYPE,
                CoClusteringModel.MODEL_TYPE, ItemKnnModel.MODEL_TYPE, AlsModel.MODEL_TYPE)), Models.readableTypes().toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void knn_anyVariantMeasureAndRepresentation_roundTrips(long seed, @TempDir Path dir) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        KnnVariant variant = EnumDraws.at(KnnVariant.class, seed);
        SimilarityMeasure measure = EnumDraws.at(SimilarityMeasure.class, seed / EnumDraws.count(KnnVariant.class));
        SimilarityOptions.Representation representation =
                EnumDraws.any(SimilarityOptions.Representation.class, rnd);
        KnnOptions o = KnnOptions.defaults().withVariant(variant).withUserBased(seed / 24 % 2 == 0)
                .withK(1 + rnd.nextInt(5)).withMinK(1 + rnd.nextInt(3))
                .withSimilarity(SimilarityOptions.defaults().withMeasure(measure).withRepresentation(representation)
                        .withNeighbours(1 + rnd.nextInt(4)).withMinSupport(1 + rnd.nextInt(2))
                        .withMaxDenseBytes(rnd.nextBoolean() ? 0 : 1 << 20))
                .withBaseline(rnd.nextBoolean() ? BaselineOptions.als() : BaselineOptions.sgd().withEpochs(5));
        Ratings r = withIds(seed);
        assertRoundTrip(seed, Knn.fit(r, o), KnnModel.class, dir);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void baselineOnly_slopeOne_normal_pureSvd_popularity_roundTrip(long seed, @TempDir Path dir) throws IOException {
        Ratings r = withIds(seed);
        BaselineOptions b = seed % 2 == 0 ? BaselineOptions.als() : BaselineOptions.sgd();
        assertRoundTrip(seed, BaselineOnly.fit(r, b), BaselineOnlyModel.class, dir);
        assertRoundTrip(seed, SlopeOne.fit(r), SlopeOneModel.class, dir);
        assertRoundTrip(seed, NormalPredictor.fit(r, new NormalPredictorOptions(seed * 31)), NormalPredictorModel.class,
                dir);
        int rank = 1 + (int) (seed % Math.min(r.userCount(), r.itemCount()));
        assertRoundTrip(seed, PureSvd.fit(r, SvdOptions.defaults().withRank(rank).withSeed(seed)), PureSvdModel.class,
                dir);
        PopularityOptions.Measure measure = EnumDraws.at(PopularityOptions.Measure.class, seed);
        assertRoundTrip(seed, Popularity.fit(r, new PopularityOptions(measure)), PopularityModel.class, dir);
        ItemKnnOptions.Weighting weighting = EnumDraws.at(ItemKnnOptions.Weighting.class, seed);
        assertRoundTrip(seed, ItemKnn.fit(r, ItemKnnOptions.defaults().withWeighting(weighting)
                .withNeighbours(1 + (int) (seed % 4))), ItemKnnModel.class, dir);
        assertRoundTrip(seed, ImplicitAls.fit(r, AlsOptions.defaults().withFactors(1 + (int) (seed % 3))
                .withIterations(2).withCgSteps((int) (seed % 4)).withSeed(seed)), AlsModel.class, dir);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void factorisationModels_roundTrip(long seed, @TempDir Path dir) throws IOException {
        Ratings r = withIds(seed);
        int f = 1 + (int) (seed % 4);
        FactorOptions o = FactorOptions.svd().withFactors(f).withEpochs(3).withSeed(seed).withBiased(seed % 3 != 0)
                .withShuffle(seed % 2 == 0);
        assertRoundTrip(seed, Svd.fit(r, o), SvdModel.class, dir);
        assertRoundTrip(seed, SvdPlusPlus.fit(r, FactorOptions.svdPlusPlus().withFactors(f).withEpochs(3)
                .withSeed(seed)), SvdPlusPlusModel.class, dir);
        assertRoundTrip(seed, Nmf.fit(r, NmfOptions.defaults().withFactors(f).withEpochs(4).withBiased(seed % 2 == 0)
                .withSeed(seed)), NmfModel.class, dir);
        assertRoundTrip(seed, CoClustering.fit(r, CoClusteringOptions.defaults().withClusters(1 + f % 3, 1 + f % 2)
                .withEpochs(3).withSeed(seed)), CoClusteringModel.class, dir);
    }

    private static <T extends RatingModel> void assertRoundTrip(long seed, T m, Class<T> type, Path dir)
            throws IOException {
        Path file = dir.resolve(m.name() + ".model");
        m.save(file);
        T back = Models.load(file, type);
        String what = m.name() + ", seed " + seed;
        assertEquals(m, back, what);
        assertEquals(m.hashCode(), back.hashCode(), what);
        assertEquals(m.fitSummary(), back.fitSummary(), what);
        assertEquals(m.toString(), back.toString(), what);
        assertEquals(m.users(), back.users(), what);
        assertEquals(m.items(), back.items(), what);
        assertEquals(m.scale(), back.scale(), what);
        assertArrayEquals(m.toBytes(), back.toBytes(), what);
        Model any = Models.fromBytes(m.toBytes(), "memory");
        assertEquals(m, any, what);
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
    void equals_dependsOnParametersNotOnTheSummary() {
        Ratings r = RecsysFixture.ratings();
        BaselineOnlyModel a = BaselineOnly.fit(r, BaselineOptions.als());
        BaselineOnlyModel b = BaselineOnly.fit(r, BaselineOptions.als());
        assertEquals(a, b, "fitted twice: different times, same model");
        assertNotEquals(a, BaselineOnly.fit(r, BaselineOptions.als().withEpochs(3)));
        assertNotEquals(a, BaselineOnly.fit(r.subset(new int[] {0, 1, 2, 3, 4}), BaselineOptions.als()));
        Ratings renamed = Ratings.of(r.byUser(), r.scale(), IdIndex.ofLongs(10, 11, 12, 13, 14, 15, 16), r.items());
        assertNotEquals(a, BaselineOnly.fit(renamed, BaselineOptions.als()), "other user ids");
        assertNotEquals(a, (Object) SlopeOne.fit(r));
    }

    @Test
    void load_refusesAnotherModelType(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("knn.model");
        Knn.fit(RecsysFixture.ratings(), KnnOptions.defaults()).save(file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(file, SlopeOneModel.class));
        assertTrue(e.getMessage().contains("holds a 'recsys-knn' model (KnnModel), expected a SlopeOneModel"),
                e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        ModelFile parsed = ModelFile.read(file);
        ModelFormatException direct = assertThrows(ModelFormatException.class, () -> SlopeOneModel.read(parsed));
        assertTrue(direct.getMessage().contains("holds a 'recsys-knn' model, expected 'recsys-slope-one'"),
                direct.getMessage());
        for (Class<? extends RatingModel> other : List.of(BaselineOnlyModel.class, PureSvdModel.class,
                NormalPredictorModel.class, PopularityModel.class)) {
            assertThrows(ModelFormatException.class, () -> Models.load(file, other));
        }
        assertEquals(KnnModel.class, Models.load(file).getClass());
    }

    @Test
    void load_refusesCorruptedAndTruncatedFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("slope.model");
        SlopeOne.fit(RecsysFixture.ratings()).save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        ModelFormatException corrupted = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(corrupted.getMessage().contains("corrupted") && corrupted.getMessage().contains(file.toString()),
                corrupted.getMessage());
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
        ModelFormatException truncated = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void load_refusesANewerSchema(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("svd.model");
        ModelFile.writer(PureSvdModel.MODEL_TYPE, PureSvdModel.SCHEMA_VERSION + 1).putInt("anything", 1).write(file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(file, PureSvdModel.class));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("schema version 2")
                && e.getMessage().contains("reads schema versions up to 1"), e.getMessage());
    }

    /** A writer holding the sections of a baseline model but its own, for files with one section changed. */
    private static ModelFile.Writer baselineFile(BaselineOnlyModel m) {
        ModelFile.Writer w = ModelFile.writer(BaselineOnlyModel.MODEL_TYPE, BaselineOnlyModel.SCHEMA_VERSION);
        m.fitSummary().writeTo(w);
        return w.putDoubles("scale", new double[] {1, 5}).putDouble("global_mean", m.mu())
                .putString("users_kind", "numeric").putLongs("users_ids", new long[] {0, 1, 2, 3, 4, 5, 6})
                .putString("items_kind", "numeric").putLongs("items_ids", new long[] {0, 1, 2, 3, 4, 5});
    }

    @Test
    void load_refusesInconsistentSections(@TempDir Path dir) throws IOException {
        BaselineOnlyModel m = BaselineOnly.fit(RecsysFixture.ratings(), BaselineOptions.als());
        Path file = dir.resolve("baseline.model");
        // the writer above gives back the model itself
        baselineFile(m).putDoubles("user_biases", m.userBiases()).putDoubles("item_biases", m.itemBiases())
                .putString("baseline_method", "ALS").putInt("baseline_epochs", 10)
                .putDoubles("baseline_params", new double[] {15, 10, 0.005, 0.02}).write(file);
        assertEquals(m, Models.load(file, BaselineOnlyModel.class));
        // a well-formed file (right checksum) whose user biases hold a NaN
        baselineFile(m).putDoubles("user_biases", new double[] {0, 0, Double.NaN, 0, 0, 0, 0})
                .putDoubles("item_biases", m.itemBiases())
                .putString("baseline_method", "ALS").putInt("baseline_epochs", 10)
                .putDoubles("baseline_params", new double[] {15, 10, 0.005, 0.02}).write(file);
        ModelFormatException nan = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(nan.getMessage().contains("'user_biases' holds NaN at position 2")
                && nan.getMessage().startsWith(file.toString()), nan.getMessage());
        // one bias too few for the id space
        baselineFile(m).putDoubles("user_biases", new double[6]).putDoubles("item_biases", m.itemBiases())
                .putString("baseline_method", "ALS").putInt("baseline_epochs", 10)
                .putDoubles("baseline_params", new double[] {15, 10, 0.005, 0.02}).write(file);
        ModelFormatException shortBiases = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(shortBiases.getMessage().contains("'user_biases' holds 6 values, expected 7"),
                shortBiases.getMessage());
        // options out of range are refused by the options themselves, reported as an invalid file
        baselineFile(m).putDoubles("user_biases", m.userBiases()).putDoubles("item_biases", m.itemBiases())
                .putString("baseline_method", "ALS").putInt("baseline_epochs", 0)
                .putDoubles("baseline_params", new double[] {15, 10, 0.005, 0.02}).write(file);
        ModelFormatException epochs = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(epochs.getMessage().contains("invalid baseline options: epochs must be in [1, 1,000,000], got 0")
                && epochs.getMessage().startsWith(file.toString()), epochs.getMessage());
        // ids that repeat
        ModelFile.Writer w = ModelFile.writer(BaselineOnlyModel.MODEL_TYPE, BaselineOnlyModel.SCHEMA_VERSION);
        m.fitSummary().writeTo(w);
        w.putDoubles("scale", new double[] {1, 5}).putDouble("global_mean", m.mu())
                .putString("users_kind", "text").putStrings("users_ids", new String[] {"a", "a"}).write(file);
        ModelFormatException ids = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(ids.getMessage().contains("the users ids are invalid") && ids.getMessage().contains("'a' twice"),
                ids.getMessage());
        // a missing section is named
        ModelFile.Writer k = ModelFile.writer(KnnModel.MODEL_TYPE, KnnModel.SCHEMA_VERSION);
        FitSummary.given("x", "").writeTo(k);
        k.putDouble("global_mean", 3).write(file);
        ModelFormatException missing = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(missing.getMessage().contains("has no section 'scale'"), missing.getMessage());
    }
}
