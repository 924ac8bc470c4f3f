package dev.retention.report;

import dev.retention.data.TransactionLog;
import dev.retention.experiment.ExperimentTable;
import dev.retention.experiment.analysis.AnalysisOptions;
import dev.retention.experiment.analysis.Metric;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole report on a synthetic shop, on a shop too small for most sections, and bad as-of dates. */
class ReportTest {

    private static final String TITLE = "Shop <script>alert('x')</script> & co";
    private static final long DAY = 86_400;
    private static TransactionLog log;
    private static Report report;

    @BeforeAll
    static void build() {
        log = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(600).withSeed(2)).log();
        String[] groups = new String[400];
        double[] bought = new double[400];
        double[] spend = new double[400];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i % 2 == 0 ? "control" : "e-mail";
            bought[i] = i % 7 < (i % 2 == 0 ? 1 : 2) ? 1 : 0;
            spend[i] = bought[i] * (10 + i % 13);
        }
        ExperimentTable table = ExperimentTable.of(groups, Map.of("bought", bought, "spend", spend));
        report = Report.builder(log).title(TITLE).currency("GBP").threads(2)
                .experiment("Spring <test>", table, AnalysisOptions.of("control", List.of(
                        new Metric("bought", Metric.Kind.BINARY), new Metric("spend", Metric.Kind.CONTINUOUS))))
                .build();
    }

    @Test
    void everySection_hasData_andItsCharts() {
        List<String> ids = report.sections().stream().map(ReportSection::id).toList();
        assertEquals(List.of("summary", "segments", "cohorts", "repurchase", "clusters", "churn", "clv",
                "recommendations", "playbook", "experiments"), ids);
        for (ReportSection s : report.sections()) {
            assertTrue(s.hasData(), s.id() + ": " + s.note());
            assertTrue(s.charts() >= 1, s.id() + " drew no chart");
        }
        String html = report.html();
        int svgs = count(html, "<svg ");
        assertEquals(report.sections().stream().mapToInt(ReportSection::charts).sum(), svgs);
        assertEquals(svgs, count(html, "</svg>"));
        assertEquals(count(html, "<section "), count(html, "</section>"));
    }

    @Test
    void dataIsEscaped_andNothingIsLoadedOrRun() {
        String html = report.html();
        assertFalse(html.contains("<script"), "no script element, even from the title");
        assertTrue(html.contains("<title>Shop &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</title>"));
        assertTrue(html.contains("Spring &lt;test&gt;"));
        assertFalse(html.contains("src=") || html.contains("<link") || html.contains("@import")
                || html.contains("url("), "nothing to fetch");
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
        }
    }

    @Test
    void assumptions_areLabelled() {
        assertTrue(report.html().contains("class=\"assumption\""), "the default actions' effects are assumptions");
    }

    @Test
    void write_writesTheDocument(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.html");
        report.write(file);
        assertEquals(report.html(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void tinyShop_saysNoDataInsteadOfDrawingNothing() {
        TransactionLog.Builder b = TransactionLog.builder();
        long t0 = 1_609_459_200L;
        b.add("a", "1", "x", t0, 1, 5);
        b.add("b", "2", "y", t0 + 3600, 1, 7);
        b.add("a", "3", "y", t0 + 7200, 2, 5);
        Report tiny = Report.builder(b.build()).build();
        assertEquals(10, tiny.sections().size());
        for (ReportSection s : tiny.sections()) {
            int charts = s.charts();
            assertTrue(s.hasData() || !s.note().isEmpty(), s.id());
            if (!s.hasData()) {
                assertTrue(tiny.html().contains(escapeForCheck(s.note())), s.id() + ": its note is on the page");
            }
            assertTrue(charts == 0 || s.hasData() || s.id().equals("playbook"), s.id());
        }
        assertFalse(tiny.sections().get(4).hasData(), "two customers are not clustered");
        assertFalse(tiny.sections().get(5).hasData(), "no churn holdout in two hours of orders");
        assertEquals(count(tiny.html(), "<svg "), count(tiny.html(), "</svg>"));
    }

    @Test
    void asOf_outsideTheData_isRefusedNamingBothDates() {
        long last = log.maxPurchaseTime();
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class, () -> Report.builder(log)
                .asOf(Instant.ofEpochSecond(last + 30 * DAY)).build());
        assertTrue(after.getMessage().contains("after the data"), after.getMessage());
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class, () -> Report.builder(log)
                .asOf(Instant.ofEpochSecond(log.minTime() - DAY)).build());
        assertTrue(before.getMessage().contains("not after the first purchase"), before.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Report.builder(log).budget(0));
        assertThrows(IllegalArgumentException.class, () -> Report.builder(log).threads(0));
    }

    private static String escapeForCheck(String note) {
        return dev.retention.report.internal.Html.escape(note);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
