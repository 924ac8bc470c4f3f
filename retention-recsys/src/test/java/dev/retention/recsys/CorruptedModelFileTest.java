package dev.retention.recsys;

import dev.retention.model.Model;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.model.testing.ModelFileBattery;
import dev.retention.model.testing.ModelFileBattery.Case;
import dev.retention.model.testing.ModelFileBattery.Field;
import dev.retention.model.testing.ModelFileBattery.FieldKind;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.similarity.SimilarityOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model files whose checksum is valid but whose numbers were corrupted (a bug in another writer, a bit flip before
 * the checksum was computed, a hostile file): every recsys model type (every learner of {@link LearnerBatteryTest},
 * plus the degenerate states: a diverged SGD baseline, a kNN on a top-k index) through the shared corruption
 * battery ({@link ModelFileBattery}: truncations, bit flips, every count and length of the container and the
 * elements of every section set to hostile values with the checksum recomputed). Loading must either refuse the
 * file with a {@link ModelFormatException} naming it, never an {@link OutOfMemoryError} or another exception, or
 * give a model whose predictions are finite and on the scale. The sections that size the model (factors, rank,
 * clusters, matrix shapes, the similarity's size) must be refused whatever is written into them. Values 1e308 in
 * any parameter (sigma, biases, factors) must be refused or harmless, and a sigma that is not positive refused.
 */
class CorruptedModelFileTest {

    private static final String SOURCE = ModelFileBattery.SOURCE;

    /** Sections whose every element sizes the model: each corrupted value must be refused. */
    private static final String[] DIMENSIONS = {"factor_ints[0]", "nmf_ints[0]", "svd_options[0]",
        "cocluster_options[0]", "cocluster_options[1]", "ratings_shape", "similarity_size", "similarity_index_shape"};

    static Stream<Case> cases() {
        Ratings r = RandomRatings.of(4);
        List<Case> cases = new ArrayList<>();
        for (LearnerBatteryTest.Learner l : LearnerBatteryTest.LEARNERS) {
            cases.add(Case.of(l.name(), () -> l.fit().fit(r), CorruptedModelFileTest::predict)
                    .withDimensions(DIMENSIONS));
        }
        cases.add(Case.of("baseline-sgd-diverged", () -> BaselineOnly.fit(r, BaselineOptions.sgd()
                .withLearningRate(50)), CorruptedModelFileTest::predict).withDimensions(DIMENSIONS));
        cases.add(Case.of("knn-top-k", () -> Knn.fit(r, KnnOptions.defaults().withVariant(KnnVariant.WITH_Z_SCORE)
                .withSimilarity(SimilarityOptions.defaults().withRepresentation(SimilarityOptions.Representation.TOP_K)
                        .withNeighbours(3))), CorruptedModelFileTest::predict).withDimensions(DIMENSIONS));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void load_refusesCorruptedCountsAndDimensions(Case c) {
        ModelFileBattery.Result r = ModelFileBattery.run(c);
        assertTrue(r.refused() > 100 && r.fields() > 20, r.toString());
    }

    private static void predict(Model m) {
        RatingModel loaded = (RatingModel) m;
        int[] users = {-1, 0, 1, loaded.userCount() - 1, loaded.userCount()};
        int[] items = {-1, 0, 1, loaded.itemCount() - 1, loaded.itemCount()};
        LearnerBatteryTest.checkPredictions(loaded, users, items);
    }

    /** Every element of every double section but the fit summary's, set to 1e308 in turn. */
    @Test
    void load_refusesParametersWhoseEstimatesOverflow() throws Exception {
        for (Case c : cases().toList()) {
            byte[] good = c.model().get().toBytes();
            for (Field f : doubleFields(good)) {
                byte[] bad = good.clone();
                ByteBuffer.wrap(bad).putDouble(f.offset(), 1e308);
                ModelFileBattery.recomputeChecksums(bad, f);
                RatingModel loaded;
                try {
                    loaded = (RatingModel) Models.fromBytes(bad, SOURCE);
                } catch (ModelFormatException e) {
                    continue;
                }
                int[] users = {0, 1, loaded.userCount() - 1};
                int[] items = {0, 1, loaded.itemCount() - 1};
                LearnerBatteryTest.checkPredictions(loaded, users, items);
            }
        }
    }

    @Test
    void load_refusesANonPositiveOrHugeSigma() throws Exception {
        Ratings r = RandomRatings.of(4);
        RatingModel zscore = LearnerBatteryTest.LEARNERS.stream().filter(l -> l.name().equals("knn-zscore"))
                .findFirst().orElseThrow().fit().fit(r);
        RatingModel normal = LearnerBatteryTest.LEARNERS.get(0).fit().fit(r);
        for (double sigma : new double[] {-1, 0, 1e-320, 1e308}) {
            byte[] z = withFirstDouble(zscore.toBytes(), "sigmas", sigma);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(z, SOURCE),
                    "knn-zscore sigma " + sigma);
            assertTrue(e.getMessage().contains("sigmas") || e.getMessage().contains("standard deviations"),
                    e.getMessage());
            if (sigma != 0 && sigma != 1e-320) {
                byte[] n = withFirstDouble(normal.toBytes(), "sigma", sigma);
                assertThrows(ModelFormatException.class, () -> Models.fromBytes(n, SOURCE), "normal sigma " + sigma);
            }
        }
    }

    private static byte[] withFirstDouble(byte[] good, String section, double value) {
        for (Field f : doubleFields(good)) {
            if (f.section().equals(section)) {
                byte[] bad = good.clone();
                ByteBuffer.wrap(bad).putDouble(f.offset(), value);
                ModelFileBattery.recomputeChecksums(bad, f);
                return bad;
            }
        }
        throw new AssertionError("no section " + section);
    }

    /** Every element (up to 512 a section) of every double section, except the fit summary's. */
    static List<Field> doubleFields(byte[] bytes) {
        Set<String> sections = ModelFileBattery.fields(bytes, Set.of()).stream().map(Field::section)
                .collect(Collectors.toSet());
        return ModelFileBattery.fields(bytes, sections).stream()
                .filter(f -> f.kind() == FieldKind.DOUBLE && !f.section().startsWith("fit.")).toList();
    }
}
