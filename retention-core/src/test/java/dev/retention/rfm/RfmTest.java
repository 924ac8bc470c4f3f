package dev.retention.rfm;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RfmTest {

    private static final long DAY = 86_400;

    /** The training table of a fit. */
    static RfmTable table(TransactionLog log) {
        return Rfm.fit(log).table().orElseThrow();
    }

    /** The training table of a fit with options. */
    static RfmTable table(TransactionLog log, RfmOptions options) {
        return Rfm.fit(log, options).table().orElseThrow();
    }

    // ---- golden values (pandas, see RfmFixture) ----

    @Test
    void fit_refusesAnAsOfWhoseRecencyWouldWrap() {
        // --as-of +999999999-12-31 gave a recency of 169,545,366 days: the day count wrapped modulo 2^32
        Instant farFuture = Instant.parse("+999999999-12-31T00:00:00Z");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rfm.fit(RfmFixture.log(), RfmOptions.defaults().withAsOf(farFuture)));
        assertTrue(e.getMessage().contains("recency counts at most 2147483647 days"), e.getMessage());
        Instant later = Instant.ofEpochSecond(RfmFixture.log().maxPurchaseTime()).plusSeconds(86_400L * 1_000_000);
        RfmTable t = table(RfmFixture.log(), RfmOptions.defaults().withAsOf(later));
        for (int row = 0; row < t.size(); row++) {
            assertTrue(t.recency(row) >= 1_000_000 && t.recency(row) < 1_100_000, "recency " + t.recency(row));
        }
    }

    @Test
    void compute_matchesPandasOnHandMadeShop() {
        RfmTable t = table(RfmFixture.log());
        String[] expected = RfmFixture.EXPECTED.strip().lines().toArray(String[]::new);
        assertEquals(expected.length, t.size());
        assertEquals(RfmFixture.SNAPSHOT.toInstant(ZoneOffset.UTC), t.asOf());
        for (String line : expected) {
            String[] e = line.strip().split(",", -1);
            int row = t.rowOf(e[0]);
            assertTrue(row >= 0, "customer " + e[0]);
            assertEquals(Integer.parseInt(e[1]), t.recency(row), "recency of " + e[0]);
            assertEquals(Integer.parseInt(e[2]), t.frequency(row), "frequency of " + e[0]);
            assertEquals(Double.parseDouble(e[3]), t.monetary(row), 1e-9, "monetary of " + e[0]);
            assertEquals(Integer.parseInt(e[4]), t.r(row), "R of " + e[0]);
            assertEquals(Integer.parseInt(e[5]), t.f(row), "F of " + e[0]);
            assertEquals(Integer.parseInt(e[6]), t.m(row), "M of " + e[0]);
            assertEquals(RfmSegments.defaults().segmentOf(t.r(row), t.f(row)), t.segment(row));
            assertEquals(t.r(row) + t.f(row) + t.m(row), t.weightedScore(row), 0.0);
        }
    }

    @Test
    void compute_tiesEqual_matchesPandasMinRank() {
        RfmTable t = table(RfmFixture.log(), RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL));
        for (String line : RfmFixture.EXPECTED.strip().lines().toArray(String[]::new)) {
            String[] e = line.strip().split(",", -1);
            assertEquals(Integer.parseInt(e[7]), t.f(t.rowOf(e[0])), "tie-respecting F of " + e[0]);
        }
    }

    @Test
    void compute_rowsAreInNumericIdOrder() {
        RfmTable t = table(RfmFixture.log());
        for (int i = 1; i < t.size(); i++) {
            assertTrue(Long.parseLong(t.customerId(i - 1)) < Long.parseLong(t.customerId(i)));
        }
    }

    @Test
    void segments_defaultMapIsTheDocumentedGrid() {
        RfmSegments s = RfmSegments.defaults();
        assertEquals("Hibernating", s.segmentOf(1, 1));
        assertEquals("Hibernating", s.segmentOf(2, 2));
        assertEquals("At Risk", s.segmentOf(1, 3));
        assertEquals("At Risk", s.segmentOf(2, 4));
        assertEquals("Can't Lose Them", s.segmentOf(2, 5));
        assertEquals("About To Sleep", s.segmentOf(3, 2));
        assertEquals("Need Attention", s.segmentOf(3, 3));
        assertEquals("Loyal Customers", s.segmentOf(3, 4));
        assertEquals("Loyal Customers", s.segmentOf(4, 5));
        assertEquals("Promising", s.segmentOf(4, 1));
        assertEquals("New Customers", s.segmentOf(5, 1));
        assertEquals("Potential Loyalists", s.segmentOf(4, 2));
        assertEquals("Potential Loyalists", s.segmentOf(5, 3));
        assertEquals("Champions", s.segmentOf(5, 4));
        assertEquals("Champions", s.segmentOf(5, 5));
        assertEquals(10, s.size());
    }

    // ---- options and custom maps ----

    @Test
    void segments_builderRejectsGapsAndOverlaps() {
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> RfmSegments.builder().add("Low", 1, 2, 1, 5).add("High", 3, 5, 1, 4).build());
        assertTrue(gap.getMessage().contains("R=3/F=5"), gap.getMessage());
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
                () -> RfmSegments.builder().add("A", 1, 3, 1, 5).add("B", 3, 5, 1, 5));
        assertTrue(overlap.getMessage().contains("R=3, F=1"), overlap.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> RfmSegments.builder().add("A", 0, 3, 1, 5));
        assertTrue(range.getMessage().contains("0..3"), range.getMessage());
    }

    @Test
    void compute_customSegmentsAndWeights() {
        RfmSegments two = RfmSegments.builder().add("Cold", 1, 2, 1, 5).add("Warm", 3, 5, 1, 5).build();
        RfmWeights w = new RfmWeights(0.5, 0.3, 0.2);
        RfmTable t = table(RfmFixture.log(), RfmOptions.defaults().withSegments(two).withWeights(w));
        Map<String, Integer> counts = t.segmentCounts();
        assertEquals(2, counts.size());
        assertEquals(t.size(), counts.get("Cold") + counts.get("Warm"));
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.r(i) <= 2 ? "Cold" : "Warm", t.segment(i));
            assertEquals(0.5 * t.r(i) + 0.3 * t.f(i) + 0.2 * t.m(i), t.weightedScore(i), 1e-12);
        }
    }

    @Test
    void weights_rejectNegativeNonFiniteAndAllZero() {
        assertThrows(IllegalArgumentException.class, () -> new RfmWeights(-1, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RfmWeights(1, Double.NaN, 1));
        assertTrue(e.getMessage().contains("frequency") && e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RfmWeights(0, 0, 0));
        e = assertThrows(IllegalArgumentException.class, () -> new RfmWeights(1e308, 0, 1));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
        assertEquals(5e307 * 3, new RfmWeights(1e307, 1e307, 1e307).apply(5, 5, 5), 1e293);
    }

    @Test
    void compute_asOfIgnoresLaterPurchases() {
        TransactionLog log = RfmFixture.log();
        Instant asOf = Instant.parse("2023-03-01T00:00:00Z");
        RfmTable t = table(log, RfmOptions.defaults().withAsOf(asOf));
        assertEquals(asOf, t.asOf());
        // naive reference over the raw lines
        int expectedCustomers = 0;
        for (int c = 0; c < log.customerCount(); c++) {
            long last = Long.MIN_VALUE;
            double spend = 0;
            java.util.Set<Integer> orders = new java.util.HashSet<>();
            for (int i = log.lineStart(c); i < log.lineEnd(c); i++) {
                if (log.time(i) < asOf.getEpochSecond()) {
                    last = Math.max(last, log.time(i));
                    spend += log.amount(i);
                    orders.add(log.order(i));
                }
            }
            int row = t.rowOf(log.customers().id(c));
            if (orders.isEmpty()) {
                assertEquals(-1, row);
                continue;
            }
            expectedCustomers++;
            assertEquals((asOf.getEpochSecond() - last) / DAY, t.recency(row));
            assertEquals(orders.size(), t.frequency(row));
            assertEquals(spend, t.monetary(row), 1e-9);
        }
        assertEquals(expectedCustomers, t.size());
    }

    @Test
    void compute_rejectsEmptyLogAndAsOfBeforeAllPurchases() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> table(TransactionLog.builder().build()));
        assertTrue(empty.getMessage().contains("no purchases"), empty.getMessage());
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> table(RfmFixture.log(), RfmOptions.defaults().withAsOf(Instant.parse("2020-01-01T00:00:00Z"))));
        assertTrue(early.getMessage().contains("2020-01-01T00:00:00Z"), early.getMessage());
    }

    @Test
    void compute_netsCancellationsWhenAsked() {
        TransactionLog.Builder b = TransactionLog.builder(PurchaseRules.defaults()
                .withCancellations(PurchaseRules.Cancellations.NET));
        long t0 = Instant.parse("2023-01-01T10:00:00Z").getEpochSecond();
        b.add("1", "A1", "x", t0, 2, 10.0, false);
        b.add("1", "C1", "x", t0 + DAY, -1, 10.0, true);       // returns one unit
        b.add("1", "A2", "y", t0 + 2 * DAY, 1, 5.0, false);
        b.add("2", "A3", "x", t0 + 3 * DAY, 1, 10.0, false);
        RfmTable t = table(b.build());
        int row = t.rowOf("1");
        assertEquals(2, t.frequency(row), "a cancellation is not an order");
        assertEquals(15.0, t.monetary(row), 1e-12, "20 - 10 + 5");
        assertEquals(2, t.recency(row), "recency from the last purchase, not the cancellation");
    }

    @Test
    void features_areTheRawValuesWithNamedColumns() {
        RfmTable t = table(RfmFixture.log());
        DenseMatrix x = t.features();
        assertEquals(t.size(), x.rows());
        assertEquals(List.of("recency", "frequency", "monetary"), x.names());
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.recency(i), x.get(i, 0));
            assertEquals(t.frequency(i), x.get(i, 1));
            assertEquals(t.monetary(i), x.get(i, 2));
        }
        assertEquals(x, t.features(), "a new, equal matrix each time");
    }

    /**
     * The transform the table used to apply itself ({@code features(LOG1P_ZSCORE)} before the model contract), kept
     * here as the reference: {@code log1p} of each value, then z-scores with the population standard deviation, a
     * constant column becoming 0.
     */
    private static double[][] formerLog1pZscore(RfmTable t) {
        int n = t.size();
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            x[i][0] = Math.log1p(t.recency(i));
            x[i][1] = Math.log1p(t.frequency(i));
            x[i][2] = Math.log1p(t.monetary(i));
        }
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= n;
            double ss = 0;
            for (double[] row : x) {
                double d = row[j] - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / n);
            for (double[] row : x) {
                row[j] = sd > 0 ? (row[j] - mean) / sd : 0;
            }
        }
        return x;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void featureScaling_log1pZscoreEqualsTheFormerTransformBitForBit(long seed) {
        RfmTable t = table(randomLog(seed));
        DenseMatrix raw = t.features();
        double[][] scaled = FeatureScaling.fit(raw, FeatureScaling.Kind.LOG1P_ZSCORE).apply(raw).toArray();
        double[][] former = formerLog1pZscore(t);
        for (int i = 0; i < former.length; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(Double.doubleToRawLongBits(former[i][j]), Double.doubleToRawLongBits(scaled[i][j]),
                        "seed " + seed + ", row " + i + ", column " + j);
            }
        }
    }

    @Test
    void featureScaling_ofTheGoldenShopEqualsTheFormerTransformAndHasUnitPopulationSd() {
        RfmTable t = table(RfmFixture.log());
        DenseMatrix raw = t.features();
        double[][] x = FeatureScaling.fit(raw, FeatureScaling.Kind.LOG1P_ZSCORE).apply(raw).toArray();
        assertArrayEquals(formerLog1pZscore(t), x);
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= x.length;
            double ss = 0;
            for (double[] row : x) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            assertEquals(0, mean, 1e-12);
            assertEquals(1, Math.sqrt(ss / x.length), 1e-12);
        }
    }

    /** One order of 10.0 per customer on consecutive days: frequency and monetary are the same for all. */
    private static TransactionLog constantLog(int customers) {
        TransactionLog.Builder b = TransactionLog.builder();
        long t0 = Instant.parse("2023-01-01T10:00:00Z").getEpochSecond();
        for (int c = 0; c < customers; c++) {
            b.add(Integer.toString(c), "O" + c, "x", t0 + c * DAY, 1, 10.0);
        }
        return b.build();
    }

    @Test
    void featureScaling_constantColumnBecomesZero() {
        DenseMatrix raw = table(constantLog(6)).features();
        for (double[] row : FeatureScaling.fit(raw, FeatureScaling.Kind.ZSCORE).apply(raw).toArray()) {
            assertEquals(0.0, row[1]);
            assertEquals(0.0, row[2]);
            assertFalse(Double.isNaN(row[0]));
        }
    }

    @Test
    void writeCsv_writesHeaderAndEveryRow() throws IOException {
        RfmTable t = table(RfmFixture.log());
        StringWriter w = new StringWriter();
        t.writeCsv(w);
        String[] lines = w.toString().lines().toArray(String[]::new);
        assertEquals("customer,recency_days,frequency,monetary,r,f,m,rfm_score,segment", lines[0]);
        assertEquals(t.size() + 1, lines.length);
        int row = t.rowOf("7");
        assertEquals("7,17,8,157.50,4,5,5,14,Loyal Customers", lines[row + 1]);
    }

    @Test
    void toString_listsEverySegment() {
        String s = table(RfmFixture.log()).toString();
        for (String name : RfmSegments.defaults().names()) {
            assertTrue(s.contains(name), name);
        }
        assertTrue(s.contains("31 customers"), s);
    }

    // ---- the model ----

    @Test
    void model_reproducesFittedScoresWithEqualTies() {
        RfmModel model = Rfm.fit(RfmFixture.log(), RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL));
        RfmTable t = model.table().orElseThrow();
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.score(i), model.score(t.recency(i), t.frequency(i), t.monetary(i)));
        }
        assertEquals(RfmOptions.Ties.EQUAL, model.options().ties());
        assertEquals(t.options(), model.options());
    }

    @Test
    void model_fitSummaryIsClosedFormWithChoicesAndTheLogsFingerprint() {
        TransactionLog log = RfmFixture.log();
        FitSummary s = Rfm.fit(log).fitSummary();
        assertEquals("RFM quintiles", s.algorithm());
        assertEquals(0, s.iterations());
        assertTrue(s.converged());
        assertEquals(Verdict.FINE, s.verdict(), s.toString());
        assertEquals(log.fingerprint(), s.data());
        assertEquals(List.of("as of " + RfmFixture.SNAPSHOT.toInstant(ZoneOffset.UTC)
                        + ", the latest purchase plus 24 hours",
                "31 of the log's 31 customers have a purchase before it",
                "ties by customer id: equal values ranked in id order, bins of equal size"), s.choices());
        assertTrue(s.options().startsWith("asOf=latest purchase + 24 h, ties=BY_ID, weights=1*R + 1*F + 1*M, "
                + "segments=[Champions, "), s.options());
        assertTrue(s.seconds() >= 0);
    }

    @Test
    void model_warnsWhenTheDataCannotSpreadTheScores() {
        FitSummary s = Rfm.fit(constantLog(3), RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL)).fitSummary();
        assertEquals(Verdict.WARNING, s.verdict());
        assertEquals(List.of("only 3 customers, fewer than the 5 score bins: some scores are never given",
                "every customer has frequency 1: its score says nothing about them (they all get the same score)",
                "every customer has monetary 10: its score says nothing about them (they all get the same score)"),
                s.warnings());
    }

    @Test
    void model_fitControlHearsEachMeasureAndCanCancel() {
        List<String> heard = new ArrayList<>();
        Rfm.fit(RfmFixture.log(), RfmOptions.defaults(), FitControl.defaults()
                .withListener((stage, done, total, objective) -> heard.add(stage + " " + done + "/" + total)));
        assertEquals(List.of("quantile bins 1/3", "quantile bins 2/3", "quantile bins 3/3"), heard);
        AtomicInteger asked = new AtomicInteger();
        CancellationException e = assertThrows(CancellationException.class, () -> Rfm.fit(RfmFixture.log(),
                RfmOptions.defaults(), FitControl.defaults().withCancellation(() -> asked.incrementAndGet() == 2)));
        assertTrue(e.getMessage().contains("quantile bins after 2 steps"), e.getMessage());
    }

    @Test
    void model_loadsAsAnEqualModelThroughModels(@TempDir Path dir) throws IOException {
        for (RfmOptions options : List.of(RfmOptions.defaults(),
                RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL).withWeights(new RfmWeights(0.5, 0.3, 0.2))
                        .withAsOf(Instant.parse("2023-05-01T12:30:00.25Z")))) {
            RfmModel model = Rfm.fit(RfmFixture.log(), options);
            Path file = dir.resolve("rfm.model");
            model.save(file);
            RfmModel loaded = Models.load(file, RfmModel.class);
            assertEquals(model, loaded);
            assertEquals(model.hashCode(), loaded.hashCode());
            assertEquals(model.fitSummary(), loaded.fitSummary());
            assertEquals(model.toString(), loaded.toString());
            assertTrue(loaded.table().isEmpty(), "the file holds no training table");
            assertEquals(model.score(12, 3, 99.5), loaded.score(12, 3, 99.5));
            assertEquals(options, loaded.options());
            assertEquals(RfmModel.MODEL_TYPE, Models.load(file).modelType());
        }
    }

    @Test
    void model_equalityIsByOptionsAndEdges() {
        RfmModel a = Rfm.fit(RfmFixture.log());
        RfmModel b = Rfm.fit(RfmFixture.log());
        assertEquals(a, b, "the fit summaries differ in their seconds, which equality ignores");
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Rfm.fit(RfmFixture.log(), RfmOptions.defaults().withWeights(new RfmWeights(2, 1, 1))));
        assertNotEquals(a, Rfm.fit(RfmFixture.log(), RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL)));
        RfmModel given = RfmModel.of(a.recencyEdges(), a.frequencyEdges(), a.monetaryEdges(), a.weights(),
                a.segments());
        assertEquals(a, given, "the same edges and options");
        assertEquals("parameters given, not fitted", given.fitSummary().stopReason());
        assertTrue(given.table().isEmpty());
        double[] edges = a.recencyEdges();
        edges[0] = -1;
        assertNotEquals(edges[0], a.recencyEdges()[0], "edges are copied out");
    }

    @Test
    void model_toStringShowsTheEdgesAndTheFit() {
        String s = Rfm.fit(RfmFixture.log()).toString();
        assertTrue(s.startsWith("RfmModel: score = 1*R + 1*F + 1*M, 10 segments, ties BY_ID"), s);
        assertTrue(s.contains("recency (days)") && s.contains("R 5 .. 1") && s.contains("monetary"), s);
        assertTrue(s.contains("fit: RFM quintiles, closed form"), s);
    }

    @Test
    void read_refusesCorruptedForeignAndNewerFilesNamingTheFile(@TempDir Path dir) throws IOException {
        RfmModel model = Rfm.fit(RfmFixture.log());
        byte[] bytes = model.toBytes();
        bytes[bytes.length / 2] ^= 0x10;
        Path file = dir.resolve("bad.model");
        Files.write(file, bytes);
        ModelFormatException corrupted = assertThrows(ModelFormatException.class,
                () -> Models.load(file, RfmModel.class));
        assertTrue(corrupted.getMessage().contains("corrupted") && corrupted.getMessage().contains("bad.model"),
                corrupted.getMessage());

        byte[] other = ModelFile.writer("kmeans", 1).putInt("k", 4).toBytes();
        ModelFormatException foreign = assertThrows(ModelFormatException.class,
                () -> RfmModel.read(ModelFile.parse(other, "km.model")));
        assertEquals("km.model: holds a 'kmeans' model, expected 'rfm'", foreign.getMessage());

        ModelFile.Writer newer = ModelFile.writer(RfmModel.MODEL_TYPE, RfmModel.SCHEMA_VERSION + 1);
        model.fitSummary().writeTo(newer);
        Path future = dir.resolve("future.model");
        newer.write(future);
        ModelFormatException schema = assertThrows(ModelFormatException.class,
                () -> Models.load(future, RfmModel.class));
        assertTrue(schema.getMessage().startsWith(future + ": the 'rfm' model has schema version 2"),
                schema.getMessage());
    }

    @Test
    void read_refusesValuesTheModelWouldRefuseNamingTheFile() throws IOException {
        RfmModel model = Rfm.fit(RfmFixture.log());
        assertRefused(model, "recency_edges", w -> w.putDoubles("recency_edges", new double[] {4, 3, 2, 1}),
                "recency_edges must be non-decreasing");
        assertRefused(model, "weights", w -> w.putDoubles("weights", new double[] {1, -1, 1}),
                "frequency weight must be finite and >= 0, got -1.0");
        assertRefused(model, "ties", w -> w.putString("ties", "SOMETIMES"), "SOMETIMES");
        assertRefused(model, "as_of", w -> w.putLongs("as_of", new long[] {1}), "section 'as_of' holds [1]");
        int[] grid = new int[25];
        grid[7] = 10;
        assertRefused(model, "segment_grid", w -> w.putInts("segment_grid", grid), "names segment 10");
        assertRefused(model, "segment_names", w -> w.putStrings("segment_names", new String[] {"A", "A"}),
                "segment names must be distinct, got 'A' twice");
        ModelFormatException missing = assertThrows(ModelFormatException.class, () -> RfmModel.read(
                ModelFile.parse(rewrite(model, "monetary_edges", w -> { }), "x.model")));
        assertTrue(missing.getMessage().startsWith("x.model: the 'rfm' model has no section 'monetary_edges'"),
                missing.getMessage());
    }

    /** The model's file with one section replaced by what {@code put} writes (or left out if it writes nothing). */
    private static byte[] rewrite(RfmModel model, String section, Consumer<ModelFile.Writer> put)
            throws ModelFormatException {
        ModelFile file = ModelFile.parse(model.toBytes(), "original");
        ModelFile.Writer w = ModelFile.writer(file.modelType(), file.schemaVersion());
        for (String name : file.sectionNames()) {
            if (name.equals(section)) {
                put.accept(w);
            } else {
                copy(file, w, name);
            }
        }
        return w.toBytes();
    }

    private static void copy(ModelFile file, ModelFile.Writer w, String name) throws ModelFormatException {
        // each section of an rfm file is of one known kind
        switch (name) {
            case "fit.algorithm", "fit.options", "fit.objective_name", "fit.stop_reason", "fit.verdict", "ties" ->
                    w.putString(name, file.string(name));
            case "fit.choices", "fit.warnings", "segment_names" -> w.putStrings(name, file.strings(name));
            case "fit.iterations", "fit.converged" -> w.putInt(name, file.intValue(name));
            case "segment_grid" -> w.putInts(name, file.ints(name));
            case "fit.data", "as_of" -> w.putLongs(name, file.longs(name));
            default -> w.putDoubles(name, file.doubles(name));
        }
    }

    private static void assertRefused(RfmModel model, String section, Consumer<ModelFile.Writer> put, String why)
            throws ModelFormatException {
        byte[] bytes = rewrite(model, section, put);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Models.fromBytes(bytes, "tampered.model", RfmModel.class), section);
        assertTrue(e.getMessage().startsWith("tampered.model: invalid 'rfm' model: "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void of_validates() {
        double[] ok = {1, 2, 3, 4};
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> RfmModel.of(new double[] {4, 3, 2, 1}, ok, ok, RfmWeights.equal(), RfmSegments.defaults()));
        assertTrue(order.getMessage().contains("recencyEdges") && order.getMessage().contains("non-decreasing"));
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> RfmModel.of(ok, new double[] {1, 2}, ok, RfmWeights.equal(), RfmSegments.defaults()));
        assertTrue(count.getMessage().contains("frequencyEdges") && count.getMessage().contains("got 2"));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RfmModel.of(ok, ok, new double[] {1, 2, Double.NaN, 4}, RfmWeights.equal(),
                        RfmSegments.defaults()));
        assertEquals("monetaryEdges[2] must be finite, got NaN", nan.getMessage());
        RfmModel s = RfmModel.of(new double[] {7, 30, 90, 180}, ok, new double[] {10, 50, 100, 500},
                RfmWeights.equal(), RfmSegments.defaults());
        assertEquals(new RfmScore(5, 1, 1, 7, "New Customers"), s.score(3, 1, 5));
        assertEquals(new RfmScore(1, 5, 5, 11, "Can't Lose Them"), s.score(365, 9, 1000));
        assertEquals(4, s.score(30, 1, 5).r(), "a value equal to an edge stays in the lower bin");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.score(Double.NaN, 1, 1));
        assertEquals("recencyDays must be finite, got NaN", e.getMessage());
    }

    // ---- properties over seeded random shops ----

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** A random shop: 1..60 customers, 1..6 orders each, times and amounts drawn so that ties are common. */
    static TransactionLog randomLog(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TransactionLog.Builder b = TransactionLog.builder();
        int customers = 1 + rnd.nextInt(60);
        long t0 = Instant.parse("2022-01-01T00:00:00Z").getEpochSecond();
        int order = 0;
        for (int c = 0; c < customers; c++) {
            int orders = 1 + rnd.nextInt(rnd.nextBoolean() ? 2 : 6);
            for (int o = 0; o < orders; o++) {
                long t = t0 + rnd.nextInt(60) * DAY + rnd.nextInt(86_400);
                order++;
                for (int l = 0, n = 1 + rnd.nextInt(3); l < n; l++) {
                    b.add(Integer.toString(1000 + rnd.nextInt(customers) * 3 + c % 3), "O" + order,
                            "I" + rnd.nextInt(10), t, 1 + rnd.nextInt(4), 0.5 * (1 + rnd.nextInt(8)));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void scores_inRangeMonotoneAndBalanced(long seed) {
        RfmTable t = table(randomLog(seed));
        int n = t.size();
        int[][] binSizes = new int[3][6];
        for (int i = 0; i < n; i++) {
            int[] s = {t.r(i), t.f(i), t.m(i)};
            for (int k = 0; k < 3; k++) {
                assertTrue(s[k] >= 1 && s[k] <= 5, "seed " + seed + ": score " + s[k]);
                binSizes[k][s[k]]++;
            }
            for (int j = 0; j < n; j++) {
                if (t.recency(i) < t.recency(j)) {
                    assertTrue(t.r(i) >= t.r(j), "seed " + seed + ": R not monotone");
                }
                if (t.frequency(i) < t.frequency(j)) {
                    assertTrue(t.f(i) <= t.f(j), "seed " + seed + ": F not monotone");
                }
                if (t.monetary(i) < t.monetary(j)) {
                    assertTrue(t.m(i) <= t.m(j), "seed " + seed + ": M not monotone");
                }
            }
        }
        // ties by id: every bin holds exactly the ranks pandas qcut puts there
        int[] expected = new int[6];
        for (int rank = 1; rank <= n; rank++) {
            int b = 1;
            while (b < 5 && rank > Math.floor(b * 0.2 * (n - 1)) + 1) {
                b++;
            }
            expected[b]++;
        }
        int[] reversed = {0, expected[5], expected[4], expected[3], expected[2], expected[1]};
        assertArrayEquals(reversed, binSizes[0], "seed " + seed + ": R bin sizes");
        assertArrayEquals(expected, binSizes[1], "seed " + seed + ": F bin sizes");
        assertArrayEquals(expected, binSizes[2], "seed " + seed + ": M bin sizes");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tiesEqual_equalValuesEqualScoresAndModelAgrees(long seed) {
        RfmModel model = Rfm.fit(randomLog(seed), RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL));
        RfmTable t = model.table().orElseThrow();
        for (int i = 0; i < t.size(); i++) {
            for (int j = 0; j < t.size(); j++) {
                if (t.frequency(i) == t.frequency(j)) {
                    assertEquals(t.f(i), t.f(j), "seed " + seed);
                }
                if (t.recency(i) == t.recency(j)) {
                    assertEquals(t.r(i), t.r(j), "seed " + seed);
                }
            }
            assertEquals(t.score(i), model.score(t.recency(i), t.frequency(i), t.monetary(i)), "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tiesById_modelDiffersOnlyAtEdgeValues(long seed) {
        RfmModel s = Rfm.fit(randomLog(seed));
        RfmTable t = s.table().orElseThrow();
        for (int i = 0; i < t.size(); i++) {
            RfmScore fresh = s.score(t.recency(i), t.frequency(i), t.monetary(i));
            if (!contains(s.frequencyEdges(), t.frequency(i))) {
                assertEquals(t.f(i), fresh.f(), "seed " + seed);
            }
            if (!contains(s.monetaryEdges(), t.monetary(i))) {
                assertEquals(t.m(i), fresh.m(), "seed " + seed);
            }
            if (!contains(s.recencyEdges(), t.recency(i))) {
                assertEquals(t.r(i), fresh.r(), "seed " + seed);
            }
        }
    }

    private static boolean contains(double[] a, double v) {
        for (double x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void model_roundTripOfRandomModels(long seed) throws ModelFormatException {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] edges = new double[3][4];
        for (double[] e : edges) {
            double v = rnd.nextDouble(-100, 100);
            for (int i = 0; i < 4; i++) {
                v += rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble(50);
                e[i] = v;
            }
        }
        RfmSegments.Builder b = RfmSegments.builder();
        for (int r = 1; r <= 5; r++) {
            b.add("segment " + rnd.nextInt(4) + " \u00e9", r, r, 1, 5);
        }
        RfmModel model = RfmModel.of(edges[0], edges[1], edges[2],
                new RfmWeights(rnd.nextDouble(), rnd.nextDouble(), 0.1 + rnd.nextDouble()), b.build());
        RfmModel loaded = Models.fromBytes(model.toBytes(), "seed " + seed, RfmModel.class);
        assertEquals(model, loaded, "seed " + seed);
        assertEquals(model.toString(), loaded.toString(), "seed " + seed);
    }
}
