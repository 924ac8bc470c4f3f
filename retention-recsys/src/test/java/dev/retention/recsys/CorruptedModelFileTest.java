package dev.retention.recsys;

import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Model files whose checksum is valid but whose numbers were corrupted (a bug in another writer, a bit flip before
 * the checksum was computed, a hostile file): for every recsys model type (every learner of
 * {@link LearnerBatteryTest}, plus the degenerate states: a diverged SGD baseline, a kNN on a top-k index), every
 * length, count and id-space field of the container (the section count, each section's element count, each
 * string's byte length) and every element of every int and long section is set to -1, 0, 2^30 and 2^31 - 1
 * (longs also to {@code Long.MAX_VALUE}) with the checksum recomputed (layout in docs/architecture.md, "The model
 * file format"). Loading must either refuse the file with a {@link ModelFormatException} naming it, never an
 * {@link OutOfMemoryError} or another exception, or give a model whose predictions are finite and on the scale.
 * The fields that size the model (factors, rank, clusters, matrix shapes, the similarity's size) must be refused. Values 1e308 in the parameters (sigma, biases, factors) must be refused too.
 */
class CorruptedModelFileTest {

    private static final int[] BAD_INTS = {-1, 0, 1 << 30, Integer.MAX_VALUE};
    private static final long[] BAD_LONGS = {-1, 0, 1L << 30, Integer.MAX_VALUE, Long.MAX_VALUE};
    private static final String SOURCE = "corrupted.model";

    /** Sections whose every element sizes the model: each corrupted value must be refused. */
    private static final Set<String> DIMENSIONS = Set.of("factor_ints#0", "nmf_ints#0", "svd_options#0",
            "cocluster_options#0", "cocluster_options#1", "ratings_shape#0", "ratings_shape#1", "similarity_size#0",
            "similarity_index_shape#0", "similarity_index_shape#1");

    /** A model type in a state worth corrupting. */
    record Case(String name, RatingModel model) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Ratings r = RandomRatings.of(4);
        List<Case> cases = new ArrayList<>();
        for (LearnerBatteryTest.Learner l : LearnerBatteryTest.LEARNERS) {
            cases.add(new Case(l.name(), l.fit().fit(r)));
        }
        cases.add(new Case("baseline-sgd-diverged", BaselineOnly.fit(r, BaselineOptions.sgd().withLearningRate(50))));
        cases.add(new Case("knn-top-k", Knn.fit(r, KnnOptions.defaults().withVariant(KnnVariant.WITH_Z_SCORE)
                .withSimilarity(SimilarityOptions.defaults().withRepresentation(SimilarityOptions.Representation.TOP_K)
                        .withNeighbours(3)))));
        return cases.stream();
    }

    /** Where an int or long of the file sits, and what it is. */
    record Field(String what, int offset, boolean isLong, boolean dimension) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void load_refusesCorruptedCountsAndDimensions(Case c) {
        byte[] good = c.model().toBytes();
        List<Field> fields = fields(good);
        assertTrue(fields.size() > 20, c.name() + ": " + fields.size() + " fields");
        for (Field f : fields) {
            long[] values = f.isLong() ? BAD_LONGS : toLongs(BAD_INTS);
            for (long v : values) {
                byte[] bad = good.clone();
                ByteBuffer b = ByteBuffer.wrap(bad);
                if (f.isLong()) {
                    if (b.getLong(f.offset()) == v) {
                        continue;
                    }
                    b.putLong(f.offset(), v);
                } else {
                    if (b.getInt(f.offset()) == (int) v) {
                        continue;
                    }
                    b.putInt(f.offset(), (int) v);
                }
                recomputeChecksum(bad);
                String label = c.name() + ": " + f.what() + " = " + v;
                RatingModel loaded;
                try {
                    loaded = (RatingModel) Models.fromBytes(bad, SOURCE);
                } catch (ModelFormatException e) {
                    assertTrue(e.getMessage().startsWith(SOURCE), label + ": " + e.getMessage());
                    continue;
                } catch (OutOfMemoryError e) {
                    fail(label + ": OutOfMemoryError", e);
                    return;
                } catch (RuntimeException e) {
                    fail(label + ": " + e, e);
                    return;
                }
                if (f.dimension()) {
                    fail(label + ": a corrupted dimension was accepted");
                }
                int[] users = {-1, 0, 1, loaded.userCount() - 1, loaded.userCount()};
                int[] items = {-1, 0, 1, loaded.itemCount() - 1, loaded.itemCount()};
                try {
                    LearnerBatteryTest.checkPredictions(loaded, users, items);
                } catch (AssertionError | RuntimeException e) {
                    fail(label + ": loaded, then " + e, e);
                }
            }
        }
    }

    @Test
    void load_refusesParametersWhoseEstimatesOverflow() throws Exception {
        for (Case c : cases().toList()) {
            byte[] good = c.model().toBytes();
            for (Field f : doubleFields(good)) {
                byte[] bad = good.clone();
                ByteBuffer.wrap(bad).putDouble(f.offset(), 1e308);
                recomputeChecksum(bad);
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
            if (f.what().equals(section + "#0")) {
                byte[] bad = good.clone();
                ByteBuffer.wrap(bad).putDouble(f.offset(), value);
                recomputeChecksum(bad);
                return bad;
            }
        }
        throw new AssertionError("no section " + section);
    }

    private static long[] toLongs(int[] a) {
        long[] l = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            l[i] = a[i];
        }
        return l;
    }

    private static void recomputeChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    }

    /**
     * The container's counts and lengths (section count, element counts, string lengths) and every element of the
     * int and long sections, walking the layout of docs/architecture.md: a 16-byte header, then the body.
     */
    static List<Field> fields(byte[] bytes) {
        List<Field> out = new ArrayList<>();
        walk(bytes, out, false);
        return out;
    }

    /** Every element of the double sections, except the fit summary's. */
    static List<Field> doubleFields(byte[] bytes) {
        List<Field> out = new ArrayList<>();
        walk(bytes, out, true);
        return out;
    }

    private static void walk(byte[] bytes, List<Field> out, boolean doubles) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(16);
        string(b, out, "model type", doubles);
        b.getInt();   // schema version: refused by the type check, not a count
        string(b, out, "library version", doubles);
        if (!doubles) {
            out.add(new Field("section count", b.position(), false, false));
        }
        int count = b.getInt();
        for (int s = 0; s < count; s++) {
            String name = string(b, out, "section name", doubles);
            byte kind = b.get();
            if (!doubles) {
                out.add(new Field("length of " + name, b.position(), false, false));
            }
            int n = b.getInt();
            for (int p = 0; p < n; p++) {
                String what = name + "#" + p;
                switch (kind) {
                    case 1 -> {
                        if (!doubles) {
                            out.add(new Field(what, b.position(), false, DIMENSIONS.contains(what)));
                        }
                        b.getInt();
                    }
                    case 2 -> {
                        if (!doubles) {
                            out.add(new Field(what, b.position(), true, DIMENSIONS.contains(what)));
                        }
                        b.getLong();
                    }
                    case 3 -> b.getFloat();
                    case 4 -> {
                        if (doubles && !name.startsWith("fit.")) {
                            out.add(new Field(what, b.position(), false, false));
                        }
                        b.getDouble();
                    }
                    case 5 -> string(b, out, "string " + what, doubles);
                    case 6 -> b.get();
                    default -> throw new AssertionError("kind " + kind);
                }
            }
        }
        assertEquals(bytes.length - 4, b.position());
    }

    private static String string(ByteBuffer b, List<Field> out, String what, boolean doubles) {
        if (!doubles) {
            out.add(new Field("length of " + what, b.position(), false, false));
        }
        int n = b.getInt();
        byte[] text = new byte[n];
        b.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
