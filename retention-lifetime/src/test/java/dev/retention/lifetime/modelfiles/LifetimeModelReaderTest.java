package dev.retention.lifetime.modelfiles;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbd;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;
import dev.retention.lifetime.simulation.LifetimeSimulation;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lifetime models through the one loader, {@link Models#load}: every type comes back equal (model, estimates,
 * fit summary, predictions) from a file, and truncated, corrupted, foreign, older- and newer-schema files and values
 * the models refuse are {@link ModelFormatException}s naming the file.
 */
class LifetimeModelReaderTest {

    private static final BgNbdModel TRUTH = BgNbdModel.of(0.5, 10, 1.5, 3, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK);

    private static CustomerSummary customers(int n, long seed) {
        CustomerSummary s = LifetimeSimulation.purchases(TRUTH, LifetimeSimulation.ages(n, 5, 52), seed);
        return LifetimeSimulation.spend(GammaGammaModel.of(6.25, 3.74, 15.44), s, seed + 1);
    }

    @Test
    void reader_listsTheThreeTypesAndIsFoundByTheLoader() {
        Set<String> types = Set.of("bgnbd", "pareto-nbd", "gamma-gamma");
        assertEquals(types, new LifetimeModelReader().modelTypes());
        assertTrue(Models.readableTypes().containsAll(types), Models.readableTypes().toString());
    }

    @Test
    void load_returnsAnEqualModelOfEachType(@TempDir Path dir) throws IOException {
        CustomerSummary s = customers(1_000, 3);
        List<Model> models = List.of(
                BgNbd.fit(s),
                BgNbd.fit(s, BgNbdOptions.defaults().withVariant(BgNbdModel.Variant.MBG_NBD).withPenalizer(0.001)),
                ParetoNbd.fit(LifetimeSimulation.purchases(ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669,
                        PeriodUnit.WEEK), LifetimeSimulation.ages(400, 5, 52), 4),
                        ParetoNbdOptions.defaults().withTolerance(1e-5)),
                GammaGamma.fit(s),
                BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD, PeriodUnit.WEEK),
                ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, PeriodUnit.DAY),
                GammaGammaModel.of(6.25, 3.74, 15.44));
        int k = 0;
        for (Model m : models) {
            Path file = dir.resolve("m" + k++ + ".model");
            m.save(file);
            Model back = Models.load(file, m.getClass());
            assertEquals(m, back, m.modelType());
            assertEquals(m.fitSummary(), back.fitSummary(), m.modelType());
            assertEquals(m.toString(), back.toString(), m.modelType());
            assertEquals(m.getClass(), Models.load(file).getClass());
            if (m instanceof PurchaseModel p) {
                PurchaseModel q = Models.load(file, PurchaseModel.class);
                assertEquals(p.estimates(), q.estimates());
                assertArrayEquals(p.probabilityAlive(s.unit() == p.unit() ? s : convert(s, p.unit())),
                        q.probabilityAlive(s.unit() == p.unit() ? s : convert(s, p.unit())), 0.0);
            } else {
                GammaGammaModel g = (GammaGammaModel) m;
                GammaGammaModel h = (GammaGammaModel) back;
                assertEquals(g.estimates(), h.estimates());
                assertEquals(g.frequencySpendCorrelation(), h.frequencySpendCorrelation(), 0.0);
                assertArrayEquals(g.expectedSpend(s), h.expectedSpend(s), 0.0);
            }
            assertArrayEquals(m.toBytes(), back.toBytes(), "written again byte for byte: " + m.modelType());
        }
    }

    private static CustomerSummary convert(CustomerSummary weeks, PeriodUnit unit) {
        double[] tx = weeks.recencies();
        double[] t = weeks.ages();
        for (int i = 0; i < t.length; i++) {
            tx[i] *= 7;
            t[i] *= 7;
        }
        return CustomerSummary.of(weeks.frequencies(), tx, t, unit);
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundTrip_ofRandomFits_predictsExactlyWhatTheSavedModelDid(long seed) throws ModelFormatException {
        SplittableRandom rnd = new SplittableRandom(seed);
        BgNbdModel truth = BgNbdModel.of(0.1 + rnd.nextDouble(2), 1 + rnd.nextDouble(30), 0.2 + rnd.nextDouble(3),
                0.5 + rnd.nextDouble(6), rnd.nextBoolean() ? BgNbdModel.Variant.BG_NBD : BgNbdModel.Variant.MBG_NBD,
                rnd.nextBoolean() ? PeriodUnit.DAY : PeriodUnit.WEEK);
        CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(200 + rnd.nextInt(400), 1,
                60), seed);
        BgNbdModel fit = BgNbd.fit(s, BgNbdOptions.defaults().withVariant(truth.variant()));
        BgNbdModel back = Models.fromBytes(fit.toBytes(), "seed " + seed, BgNbdModel.class);
        assertEquals(fit, back, "seed " + seed);
        assertEquals(fit.estimates(), back.estimates(), "seed " + seed);
        assertEquals(fit.fitSummary(), back.fitSummary(), "seed " + seed);
        for (int i = 0; i < s.size(); i += 17) {
            assertEquals(fit.expectedPurchases(10, s.frequency(i), s.recency(i), s.age(i)),
                    back.expectedPurchases(10, s.frequency(i), s.recency(i), s.age(i)), 0.0, "seed " + seed);
        }
    }

    @Test
    void load_refusesCorruptedAndTruncatedFilesNamingThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bgnbd.model");
        TRUTH.save(file);
        byte[] bytes = Files.readAllBytes(file);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Files.write(file, flipped);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(e.getMessage().startsWith(file + ": model file is corrupted"), e.getMessage());
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        e = assertThrows(ModelFormatException.class, () -> Models.load(file, BgNbdModel.class));
        assertTrue(e.getMessage().startsWith(file + ": model file is truncated"), e.getMessage());
    }

    @Test
    void load_refusesAnotherTypeAndUnknownTypesNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gg.model");
        GammaGammaModel.of(6.25, 3.74, 15.44).save(file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(file, BgNbdModel.class));
        assertTrue(e.getMessage().startsWith(file + ": holds a 'gamma-gamma' model (GammaGammaModel), expected a "
                + "BgNbdModel"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> Models.load(file, PurchaseModel.class));
        assertTrue(e.getMessage().contains("expected a PurchaseModel"), e.getMessage());
        ModelFile foreign = ModelFile.parse(ModelFile.writer("kmeans", 1).putInt("k", 3).toBytes(), "km.model");
        e = assertThrows(ModelFormatException.class, () -> BgNbdModel.read(foreign));
        assertTrue(e.getMessage().startsWith("km.model: ") && e.getMessage().contains("kmeans"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> new LifetimeModelReader().read(foreign));
        assertTrue(e.getMessage().startsWith("km.model: the lifetime module reads"), e.getMessage());
    }

    @Test
    void load_refusesANewerSchemaAndTheSchemaBeforeTheContract() {
        ModelFile.Writer newer = ModelFile.writer(BgNbdModel.MODEL_TYPE, BgNbdModel.SCHEMA_VERSION + 1);
        TRUTH.fitSummary().writeTo(newer);
        TRUTH.estimates().writeTo(newer);
        byte[] bytes = newer.putString("variant", "BG_NBD").putString("unit", "WEEK").toBytes();
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(bytes, "new.model"));
        assertTrue(e.getMessage().startsWith("new.model: the 'bgnbd' model has schema version 3"), e.getMessage());
        // schema 1: the sections written before the lifetime models carried core's fit summary
        byte[] old = ModelFile.writer(ParetoNbdModel.MODEL_TYPE, 1).putDoubles("parameters", new double[] {1, 2, 3, 4})
                .putString("fit_model", "Pareto/NBD").putString("unit", "WEEK").toBytes();
        e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(old, "old.model"));
        assertTrue(e.getMessage().startsWith("old.model: the 'pareto-nbd' model has schema version 1")
                && e.getMessage().endsWith("fit the model again"), e.getMessage());
    }

    @Test
    void load_refusesValuesTheModelsRefuseNamingTheFile() {
        ModelFile.Writer w = ModelFile.writer(BgNbdModel.MODEL_TYPE, BgNbdModel.SCHEMA_VERSION);
        FitSummary.given("BG/NBD", "").writeTo(w);
        new Estimates("BG/NBD", List.of("r", "alpha", "a", "b"), new double[] {-0.5, 10, 1.5, 3},
                new double[] {1, 1, 1, 1}, -100, 10, 0, 5).writeTo(w);
        byte[] negative = w.putString("variant", "BG_NBD").putString("unit", "WEEK").toBytes();
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Models.fromBytes(negative, "neg.model"));
        assertEquals("neg.model: invalid bgnbd model: r must be finite and > 0, got -0.5", e.getMessage());

        ModelFile.Writer v = ModelFile.writer(BgNbdModel.MODEL_TYPE, BgNbdModel.SCHEMA_VERSION);
        TRUTH.fitSummary().writeTo(v);
        TRUTH.estimates().writeTo(v);
        byte[] variant = v.putString("variant", "NBD").putString("unit", "WEEK").toBytes();
        e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(variant, "variant.model"));
        assertTrue(e.getMessage().startsWith("variant.model: invalid bgnbd model: ") && e.getMessage().contains("NBD"),
                e.getMessage());

        ModelFile.Writer n = ModelFile.writer(GammaGammaModel.MODEL_TYPE, GammaGammaModel.SCHEMA_VERSION);
        TRUTH.fitSummary().writeTo(n);
        TRUTH.estimates().writeTo(n);   // r, alpha, a, b where p, q, v belong
        byte[] names = n.putDouble("frequency_spend_correlation", 0).toBytes();
        e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(names, "names.model"));
        assertEquals("names.model: the estimates name the parameters [r, alpha, a, b], expected [p, q, v]",
                e.getMessage());

        ModelFile.Writer c = ModelFile.writer(GammaGammaModel.MODEL_TYPE, GammaGammaModel.SCHEMA_VERSION);
        GammaGammaModel g = GammaGammaModel.of(1, 2, 3);
        g.fitSummary().writeTo(c);
        g.estimates().writeTo(c);
        byte[] correlation = c.putDouble("frequency_spend_correlation", 1.5).toBytes();
        e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(correlation, "c.model"));
        assertEquals("c.model: invalid gamma-gamma model: frequency_spend_correlation must be in [-1, 1], got 1.5",
                e.getMessage());

        ModelFile.Writer missing = ModelFile.writer(ParetoNbdModel.MODEL_TYPE, ParetoNbdModel.SCHEMA_VERSION);
        ParetoNbdModel p = ParetoNbdModel.of(1, 2, 3, 4, PeriodUnit.DAY);
        p.fitSummary().writeTo(missing);
        p.estimates().writeTo(missing);
        byte[] noUnit = missing.toBytes();
        e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(noUnit, "unit.model"));
        assertTrue(e.getMessage().startsWith("unit.model: ") && e.getMessage().contains("unit"), e.getMessage());
        assertInstanceOf(ParetoNbdModel.class, assertDoesNotThrowRead(p.toBytes()));
    }

    private static Model assertDoesNotThrowRead(byte[] bytes) {
        try {
            return Models.fromBytes(bytes, "ok.model");
        } catch (ModelFormatException e) {
            throw new AssertionError(e);
        }
    }
}
