package dev.retention.cli;

import dev.retention.io.TransactionCsvWriter;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders the report of a small synthetic shop (with an experiment) in headless Chromium (Debian's {@code chromium})
 * and checks what a reader would see: the page loads without a console error or an exception, every section draws
 * at least one chart whose shapes have a size, every chart carries its accessible title and description, nothing is
 * loaded from outside and no script runs, the page does not overflow a phone's width, and each section's screenshot
 * is not blank (the variance of its pixels). Chromium is driven over the DevTools protocol with the JDK's WebSocket
 * client; the screenshots are kept in {@code target/report-screenshots/}. Without Chromium the test fails and says
 * how to install it: CI ({@code .ci/run}) installs it.
 */
class ReportChromiumTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> SECTIONS = List.of("summary", "segments", "cohorts", "repurchase", "clusters",
            "churn", "clv", "recommendations", "playbook", "experiments");
    private static final String TITLE = "Shop <script>alert(1)</script> & \"co\"";

    @TempDir
    Path dir;

    @Test
    void report_rendersInChromium_withEveryChartDrawnAndNoConsoleError() throws Exception {
        Path chromium = chromium();
        Path orders = dir.resolve("orders.csv");
        TransactionCsvWriter.write(SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(800)
                .withSeed(5)).log(), orders);
        Path experiment = dir.resolve("experiment.csv");
        writeExperiment(experiment);
        Path html = dir.resolve("report.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCli.run(new String[] {"report", "--orders", orders.toString(), "--format", "generic",
                        "--experiment", experiment.toString(), "--title", TITLE, "--threads", "2", "--out",
                        html.toString(), "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        Map<String, Object> summary = JsonParser.parseObject(out.toString(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<Object> sections = (List<Object>) summary.get("sections");
        assertEquals(SECTIONS.size(), sections.size());
        for (Object o : sections) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) o;
            assertTrue((Boolean) s.get("has_data"), "section " + s.get("id") + ": " + s.get("note"));
        }

        Path shots = Path.of("target", "report-screenshots");
        Files.createDirectories(shots);
        try (Browser browser = Browser.launch(chromium, dir.resolve("profile"))) {
            browser.call("Runtime.enable", "{}");
            browser.call("Log.enable", "{}");
            browser.call("Page.enable", "{}");
            browser.call("Emulation.setDeviceMetricsOverride",
                    "{\"width\":1000,\"height\":900,\"deviceScaleFactor\":1,\"mobile\":false}");
            browser.call("Page.navigate", "{\"url\":\"" + html.toUri() + "\"}");
            browser.awaitEvent("Page.loadEventFired");
            Map<String, Object> page = browser.evaluate(CHECK);
            assertEquals(TITLE, page.get("title"), "the title, escaped in the file, reads as text");
            assertEquals(0.0, page.get("scripts"), "no script element");
            assertEquals(0.0, page.get("external"), "nothing loaded from a URL");
            @SuppressWarnings("unchecked")
            List<Object> found = (List<Object>) page.get("sections");
            List<String> ids = new ArrayList<>();
            for (Object o : found) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) o;
                String id = (String) s.get("id");
                ids.add(id);
                @SuppressWarnings("unchecked")
                List<Object> svgs = (List<Object>) s.get("svgs");
                assertFalse(svgs.isEmpty(), "section " + id + " has no chart");
                for (Object g : svgs) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> svg = (Map<String, Object>) g;
                    String what = "chart " + svg.get("id") + " of section " + id;
                    assertTrue((Double) svg.get("width") > 100 && (Double) svg.get("height") > 50, what
                            + " is not laid out: " + svg);
                    assertTrue((Double) svg.get("filled") >= 1, what + " has no drawn shape with an area: " + svg);
                    assertTrue((Double) svg.get("texts") >= 3, what + " has no title and axis labels: " + svg);
                    assertTrue((Boolean) svg.get("titled"), what + " has no <title> and <desc>");
                    assertFalse(((String) svg.get("label")).isBlank(), what + " has no aria-label");
                }
                int index = ids.size();
                byte[] png = browser.screenshot((Double) s.get("x"), (Double) s.get("y"), (Double) s.get("width"),
                        Math.min((Double) s.get("height"), 6000.0));
                Files.write(shots.resolve(String.format(Locale.ROOT, "%02d-%s.png", index, id)), png);
                assertNotBlank(png, "section " + id);
            }
            assertEquals(SECTIONS, ids);

            browser.call("Emulation.setDeviceMetricsOverride",
                    "{\"width\":390,\"height\":844,\"deviceScaleFactor\":1,\"mobile\":true}");
            Map<String, Object> phone = browser.evaluate(CHECK);
            assertTrue((Double) phone.get("scrollWidth") <= 391, "the page is wider than a phone's 390 px: "
                    + phone.get("scrollWidth"));
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) ((List<Object>) phone.get("sections")).get(0);
            byte[] png = browser.screenshot(0, 0, 390, Math.min((Double) phone.get("height"), 2400.0));
            Files.write(shots.resolve("phone-top.png"), png);
            assertNotBlank(png, "the phone view");
            assertTrue((Double) first.get("width") <= 390, "a section is wider than the phone: " + first);

            List<String> errors = browser.errors();
            assertTrue(errors.isEmpty(), "console errors: " + errors);
        }
    }

    /** The DOM facts the test checks, as one JSON string. */
    private static final String CHECK = """
            (() => {
              const out = {sections: [], title: document.title, scripts: document.scripts.length,
                external: document.querySelectorAll('[src], link[href], [href^="http"], image').length,
                scrollWidth: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight};
              for (const s of document.querySelectorAll('section.report-section')) {
                const r = s.getBoundingClientRect();
                const svgs = [...s.querySelectorAll('svg')].map(svg => {
                  const b = svg.getBoundingClientRect();
                  const filled = [...svg.querySelectorAll('rect, polyline, circle')].filter(e => {
                    const bb = e.getBBox(); return bb.width > 0 && bb.height > 0; }).length;
                  return {id: svg.id, width: b.width, height: b.height, filled: filled,
                    texts: svg.querySelectorAll('text').length,
                    titled: !!svg.querySelector(':scope > title') && !!svg.querySelector(':scope > desc'),
                    label: svg.getAttribute('aria-label') || ''};
                });
                out.sections.push({id: s.id, x: r.left + window.scrollX, y: r.top + window.scrollY,
                  width: r.width, height: r.height, svgs: svgs});
              }
              return JSON.stringify(out);
            })()
            """;

    /** A two-arm experiment of 2,000 units: a binary outcome with a true lift and a continuous one without. */
    private static void writeExperiment(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("unit,group,bought,revenue\n");
            for (int i = 0; i < 2000; i++) {
                boolean treated = i % 2 == 1;
                int bought = random.nextDouble() < (treated ? 0.14 : 0.10) ? 1 : 0;
                double revenue = bought * (20 + 40 * random.nextDouble());
                w.write(String.format(Locale.ROOT, "u%d,%s,%d,%.2f%n", i, treated ? "coupon" : "control", bought,
                        revenue));
            }
        }
    }

    /** The PNG decodes and its grey levels vary: not one flat colour. */
    private static void assertNotBlank(byte[] png, String what) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null && image.getWidth() > 0 && image.getHeight() > 0, what + ": not a PNG");
        double sum = 0;
        double sumSq = 0;
        long dark = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double grey = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                sum += grey;
                sumSq += grey * grey;
                dark += grey < 200 ? 1 : 0;
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        assertTrue(sd > 8, what + ": the screenshot is blank (grey level sd " + sd + ")");
        assertTrue(dark > n / 200, what + ": almost nothing drawn (" + dark + " dark pixels of " + n + ")");
    }

    /**
     * Debian's {@code chromium} on the PATH (or the file named by the {@code CHROMIUM} environment variable); fails
     * the test, saying how to install it, when there is none.
     */
    private static Path chromium() {
        String named = System.getenv("CHROMIUM");
        if (named != null && Files.isExecutable(Path.of(named))) {
            return Path.of(named);
        }
        for (String d : java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(File.pathSeparator))
                .splitAsStream(System.getenv().getOrDefault("PATH", "")).toList()) {
            Path p = Path.of(d, "chromium");
            if (!d.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("chromium is not installed: this test renders the HTML report in headless Chromium. Install "
                + "Debian's package (apt-get install -y chromium) or set CHROMIUM to its path; CI's .ci/run installs it.");
    }

    /** A headless Chromium and one page, driven over the DevTools protocol. */
    private static final class Browser implements AutoCloseable {
        private final Process process;
        private final WebSocket socket;
        private final String session;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
        private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

        private Browser(Process process, WebSocket socket, String session) {
            this.process = process;
            this.socket = socket;
            this.session = session;
        }

        static Browser launch(Path chromium, Path profile) throws Exception {
            Files.createDirectories(profile);
            Path log = profile.resolveSibling("chromium.log");
            Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Path port = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<String> lines = List.of();
            while (System.nanoTime() < deadline && process.isAlive()) {   // bounded by the deadline
                if (Files.exists(port)) {
                    lines = Files.readAllLines(port);
                    if (lines.size() >= 2) {
                        break;
                    }
                }
                Thread.sleep(50);
            }
            if (lines.size() < 2) {
                process.destroyForcibly();
                fail("chromium did not open its DevTools port within " + TIMEOUT.toSeconds() + " s; its output: "
                        + (Files.exists(log) ? Files.readString(log) : "none"));
            }
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(
                    "ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip()), listener).get(
                    TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Browser b = new Browser(process, socket, null);
            listener.browser = b;
            Map<String, Object> target = b.call("Target.createTarget", "{\"url\":\"about:blank\"}");
            Map<String, Object> attached = b.call("Target.attachToTarget", "{\"targetId\":\""
                    + target.get("targetId") + "\",\"flatten\":true}");
            Browser page = new Browser(process, socket, (String) attached.get("sessionId"));
            listener.browser = page;
            return page;
        }

        /** Sends a command and waits for its result; a protocol error fails the test. */
        @SuppressWarnings("unchecked")
        Map<String, Object> call(String method, String params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
            pending.put(id, f);
            socket.sendText("{\"id\":" + id + (session == null ? "" : ",\"sessionId\":\"" + session + "\"")
                    + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS);
            Map<String, Object> reply = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.containsKey("error")) {
                fail(method + " failed: " + reply.get("error"));
            }
            return (Map<String, Object>) reply.get("result");
        }

        /** Evaluates an expression that returns a JSON string, and parses it. */
        @SuppressWarnings("unchecked")
        Map<String, Object> evaluate(String expression) throws Exception {
            Map<String, Object> r = call("Runtime.evaluate", "{\"expression\":" + quote(expression)
                    + ",\"returnByValue\":true}");
            if (r.containsKey("exceptionDetails")) {
                fail("the check threw: " + r.get("exceptionDetails"));
            }
            return JsonParser.parseObject((String) ((Map<String, Object>) r.get("result")).get("value"));
        }

        byte[] screenshot(double x, double y, double width, double height) throws Exception {
            Map<String, Object> r = call("Page.captureScreenshot", String.format(Locale.ROOT,
                    "{\"format\":\"png\",\"captureBeyondViewport\":true,\"clip\":{\"x\":%.1f,\"y\":%.1f,"
                            + "\"width\":%.1f,\"height\":%.1f,\"scale\":1}}", x, y, width, height));
            return Base64.getDecoder().decode((String) r.get("data"));
        }

        void awaitEvent(String method) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {   // bounded by the deadline
                for (Map<String, Object> e : events) {
                    if (method.equals(e.get("method"))) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            fail("no " + method + " within " + TIMEOUT.toSeconds() + " s");
        }

        /** Exceptions, console errors and log errors the page reported. */
        @SuppressWarnings("unchecked")
        List<String> errors() {
            List<String> out = new ArrayList<>();
            for (Map<String, Object> e : events) {
                Object method = e.get("method");
                Map<String, Object> p = (Map<String, Object>) e.get("params");
                if ("Runtime.exceptionThrown".equals(method)) {
                    out.add("exception: " + p);
                } else if ("Runtime.consoleAPICalled".equals(method) && ("error".equals(p.get("type"))
                        || "assert".equals(p.get("type")))) {
                    out.add("console " + p.get("type") + ": " + p.get("args"));
                } else if ("Log.entryAdded".equals(method)
                        && "error".equals(((Map<String, Object>) p.get("entry")).get("level"))) {
                    out.add("log: " + p.get("entry"));
                }
            }
            return out;
        }

        void dispatch(Map<String, Object> message) {
            Object id = message.get("id");
            if (id instanceof Double d) {
                CompletableFuture<Map<String, Object>> f = pending.remove(d.intValue());
                if (f != null) {
                    f.complete(message);
                }
            } else if (session == null || session.equals(message.get("sessionId"))) {
                events.add(message);
            }
        }

        @Override
        public void close() {
            socket.abort();
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private static String quote(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    default -> sb.append(c);
                }
            }
            return sb.append('"').toString();
        }
    }

    /** Collects the WebSocket's text frames into messages and hands each to the browser. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile Browser browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Map<String, Object> message = JsonParser.parseObject(partial.toString());
                partial.setLength(0);
                Browser b = browser;
                if (b != null) {
                    b.dispatch(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
