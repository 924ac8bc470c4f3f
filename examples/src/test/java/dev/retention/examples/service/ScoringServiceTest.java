package dev.retention.examples.service;

import dev.retention.examples.ExampleShop;
import dev.retention.examples.batch.NightlyScoring;
import dev.retention.examples.batch.ScoringModels;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.rfm.RfmScore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scoring service on the models the nightly job wrote for a small synthetic shop, started on port 0 and called
 * over HTTP: its answers must be the library's own, bad input named, and the socket reachable on loopback only.
 */
class ScoringServiceTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    static Path dir;

    private static Path models;
    private static ScoringModels fitted;
    private static ScoringService service;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        models = dir.resolve("scores");
        fitted = NightlyScoring.run(ExampleShop.ordersCsv(dir), NightlyScoring.Format.GENERIC, models, null).models();
        service = ScoringService.start(models, 0);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() {
        service.stop(Duration.ZERO);
    }

    @Test
    void score_answersWhatTheModelsAnswer() throws Exception {
        double[][] queries = {{12, 3, 250.0}, {0, 1, 9.99}, {400, 1, 40}, {30, 12, 1800.5}, {1e6, 0, 0}};
        for (double[] q : queries) {
            HttpResponse<String> r = get(String.format(Locale.ROOT, "/score?recency=%s&frequency=%s&monetary=%s",
                    q[0], q[1], q[2]));
            assertEquals(200, r.statusCode(), r.body());
            RfmScore s = fitted.rfm().score(q[0], q[1], q[2]);
            assertEquals(s.r(), number(r, "r"));
            assertEquals(s.f(), number(r, "f"));
            assertEquals(s.m(), number(r, "m"));
            assertEquals(s.weighted(), number(r, "weighted"));
            assertEquals(s.segment(), text(r, "segment"));
            assertEquals(fitted.clusters().predict(q), number(r, "cluster"));
            assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void lifetime_answersWhatClvComputeAnswers() throws Exception {
        double[][] histories = {{0, 0, 10, 0}, {3, 20.5, 40, 55.2}, {12, 51.7, 52, 76.6}, {1, 0, 0, 30}};
        for (double[] h : histories) {
            for (int months : new int[] {1, NightlyScoring.CLV_MONTHS, 36}) {
                HttpResponse<String> r = get(String.format(Locale.ROOT,
                        "/lifetime?frequency=%d&recency=%s&age=%s&monetary=%s&months=%d", (int) h[0], h[1], h[2], h[3],
                        months));
                assertEquals(200, r.statusCode(), r.body());
                CustomerSummary one = CustomerSummary.of(null, new int[] {(int) h[0]}, new double[] {h[1]},
                        new double[] {h[2]}, new double[] {h[3]}, fitted.purchases().unit());
                ClvTable expected = Clv.compute(fitted.purchases(), fitted.spend(), one,
                        ClvOptions.defaults().withHorizonMonths(months));
                assertEquals(expected.probabilityAlive(0), number(r, "p_alive"), r.body());
                assertEquals(expected.expectedPurchases(0), number(r, "expected_purchases"), r.body());
                assertEquals(expected.expectedSpend(0), number(r, "expected_spend"), r.body());
                assertEquals(expected.clv(0), number(r, "clv"), r.body());
                assertEquals("week", text(r, "unit"));
            }
        }
        assertEquals(NightlyScoring.CLV_MONTHS,
                number(get("/lifetime?frequency=2&recency=3&age=9&monetary=20"), "months"));
    }

    @Test
    void badInput_isA400NamingTheParameterAndTheValue() throws Exception {
        assertBadRequest("/score?frequency=3&monetary=250", "recency", null, "missing parameter recency");
        assertBadRequest("/score?recency=abc&frequency=3&monetary=250", "recency", "abc", "must be a number");
        assertBadRequest("/score?recency=12&frequency=-1&monetary=250", "frequency", "-1", "must be finite and >= 0");
        assertBadRequest("/score?recency=12&frequency=3&monetary=NaN", "monetary", "NaN", "must be finite");
        assertBadRequest("/score?recency=12&frequency=3&monetary=250&recency=13", "recency", "13", "given twice");
        assertBadRequest("/score?recency=12&frequency=3&monetary=250&segment=x", "segment", "x", "unknown parameter");
        assertBadRequest("/lifetime?frequency=1.5&recency=0&age=3&monetary=0", "frequency", "1.5",
                "must be a whole number");
        assertBadRequest("/lifetime?frequency=2&recency=10&age=3&monetary=20", "recency", "10",
                "recency must be in [0, age=3], got 10");
        assertBadRequest("/lifetime?frequency=0&recency=2&age=3&monetary=0", "recency", "2",
                "recency must be 0 when frequency is 0");
        assertBadRequest("/lifetime?frequency=2&recency=1&age=3&monetary=0", "monetary", "0", "must be > 0");
        assertBadRequest("/lifetime?frequency=2&recency=1&age=3&monetary=5&months=0", "months", "0",
                "months must be in [1, 1200], got 0");
        assertBadRequest("/lifetime?frequency=2&recency=1&age=Infinity&monetary=5", "age", "Infinity",
                "must be finite");
    }

    @Test
    void unknownPath_isA404_andOtherMethods_areA405() throws Exception {
        HttpResponse<String> missing = get("/predict?recency=1");
        assertEquals(404, missing.statusCode());
        assertTrue(text(missing, "error").contains("/predict"), missing.body());

        HttpResponse<String> post = client.send(HttpRequest.newBuilder(service.uri().resolve("/score"))
                .POST(HttpRequest.BodyPublishers.ofString("recency=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals(Optional.of("GET"), post.headers().firstValue("Allow"));
        assertTrue(text(post, "error").contains("POST"), post.body());
    }

    @Test
    void health_listsTheModelsWithTheirTypesAndVerdicts() throws Exception {
        HttpResponse<String> r = get("/health");
        assertEquals(200, r.statusCode());
        assertEquals("ok", text(r, "status"));
        assertEquals("week", text(r, "lifetime_unit"));
        List<String> files = all(r.body(), "file");
        assertEquals(List.of("rfm.model", "kmeans.model", "bgnbd.model", "gamma-gamma.model"), files);
        assertEquals(List.of("rfm", "kmeans", "bgnbd", "gamma-gamma"), all(r.body(), "type"));
        List<String> verdicts = new ArrayList<>();
        fitted.byFile().values().forEach(m -> verdicts.add(m.fitSummary().verdict().name()));
        assertEquals(verdicts, all(r.body(), "verdict"));
        assertEquals(Collections.nCopies(4, "true"), all(r.body(), "served"));
    }

    @Test
    void manyConcurrentRequests_getTheSameAnswers() {
        String path = "/lifetime?frequency=3&recency=20.5&age=40&monetary=55.2";
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(service.uri().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        String first = calls.get(0).join().body();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            assertEquals(200, c.join().statusCode());
            assertEquals(first, c.join().body());
        }
    }

    @Test
    void start_bindsToLoopbackOnly() throws IOException {
        assertEquals(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), service.address().getAddress());
        int port = service.address().getPort();
        try (Socket s = new Socket(LOOPBACK, port)) {
            assertTrue(s.isConnected());
        }
        InetAddress external = externalAddress();
        assumeTrue(external != null, "this host has no network address besides loopback");
        try (Socket s = new Socket()) {
            // refused at once where nothing listens; a firewall that drops the packet ends in the timeout
            assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(external, port), 2_000),
                    "reachable on " + external);
        }
    }

    @Test
    void start_refusesAnAddressThatIsNotLoopback() throws IOException {
        for (InetSocketAddress a : List.of(new InetSocketAddress(0),
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 0))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ScoringService.start(models, a));
            assertTrue(e.getMessage().contains("loopback") && e.getMessage().contains(a.toString()), e.getMessage());
        }
    }

    @Test
    void start_refusesToServeAnUnusableModel(@TempDir Path other) throws Exception {
        fitted.save(other);
        GammaGammaModel spend = fitted.spend();
        ModelFile.Writer w = ModelFile.writer(GammaGammaModel.MODEL_TYPE, GammaGammaModel.SCHEMA_VERSION);
        FitSummary.builder("Gamma-Gamma").unusable("the likelihood diverged (written so by the test)").build()
                .writeTo(w);
        spend.estimates().writeTo(w);
        w.putDouble("frequency_spend_correlation", spend.frequencySpendCorrelation());
        w.write(other.resolve(ScoringModels.GAMMA_GAMMA_FILE));

        ScoringService degraded = ScoringService.start(other, 0);
        try {
            HttpResponse<String> lifetime = get(degraded, "/lifetime?frequency=2&recency=3&age=9&monetary=20");
            assertEquals(503, lifetime.statusCode());
            assertTrue(text(lifetime, "error").contains("gamma-gamma.model"), lifetime.body());
            assertEquals(200, get(degraded, "/score?recency=12&frequency=3&monetary=250").statusCode());
            HttpResponse<String> health = get(degraded, "/health");
            assertEquals("degraded", text(health, "status"));
            assertEquals(List.of("true", "true", "true", "false"), all(health.body(), "served"));
            assertEquals("UNUSABLE", all(health.body(), "verdict").get(3));
        } finally {
            degraded.stop(Duration.ZERO);
        }
    }

    @Test
    void start_refusesAMissingModelFile(@TempDir Path empty) {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> ScoringService.start(empty, 0));
    }

    // ---- helpers ----

    private static void assertBadRequest(String path, String parameter, String value, String message)
            throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), path + " -> " + r.body());
        assertEquals(parameter, text(r, "parameter"), r.body());
        assertEquals(value, text(r, "value"), r.body());
        assertTrue(text(r, "error").contains(message), r.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(service, path);
    }

    private static HttpResponse<String> get(ScoringService s, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(s.uri() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON value: a string (quotes, backslashes undone), a literal or a number, as the service writes them. */
    private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|[-0-9.Ee+]+|true|false|null)");

    private static List<String> all(String json, String name) {
        List<String> values = new ArrayList<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                String v = m.group(2);
                values.add(v.equals("null") ? null : v.startsWith("\"")
                        ? v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\") : v);
            }
        }
        return values;
    }

    private static String text(HttpResponse<String> r, String name) {
        List<String> values = all(r.body(), name);
        assertEquals(1, values.size(), name + " in " + r.body());
        return values.get(0);
    }

    private static double number(HttpResponse<String> r, String name) {
        return Double.parseDouble(text(r, name));
    }

    /** An address of this host that is not loopback, or {@code null}. */
    private static InetAddress externalAddress() throws SocketException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (ni.isUp() && !ni.isLoopback()) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a;
                    }
                }
            }
        }
        return null;
    }
}
