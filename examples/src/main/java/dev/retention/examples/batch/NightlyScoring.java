package dev.retention.examples.batch;

import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.data.TransactionLog;
import dev.retention.io.DataFormatException;
import dev.retention.io.GenericCsvFormat;
import dev.retention.io.GenericCsvReader;
import dev.retention.io.OnlineRetailReader;
import dev.retention.io.ReadOptions;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.SummaryOptions;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.clv.Clv;
import dev.retention.lifetime.clv.ClvOptions;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.Model;
import dev.retention.model.Verdict;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A nightly batch job: scores every customer of an order file and saves the models that
 * {@code dev.retention.examples.service.ScoringService} loads. Each step is one library call:
 * <ol>
 *   <li>read the orders: the generic CSV layout that {@code retention demo} writes
 *       ({@code customer,order,item,time,quantity,unit_price}, {@link GenericCsvFormat#canonical()}) or UCI Online
 *       Retail ({@link OnlineRetailReader}); lines that are not purchases are counted, not lost;</li>
 *   <li>RFM as of the as-of day ({@link Rfm#fit}), equal values scored equally, so that the saved model gives every
 *       customer the score of the CSV;</li>
 *   <li>k-means with k = {@value #CLUSTERS} on the raw recency, frequency and monetary value with log1p and z-score
 *       scaling ({@link KMeans#fit}); the model keeps the scaling, so that it labels raw values;</li>
 *   <li>BG/NBD ({@link BgNbd#fit}) and Gamma-Gamma ({@link GammaGamma#fit}) on each customer's whole history, in
 *       weeks ({@link CustomerSummary#from}), and CLV over {@value #CLV_MONTHS} months at 1% a month
 *       ({@link Clv#compute});</li>
 *   <li>write {@value #SCORES_FILE}, one row per customer ({@code customer, recency_days, frequency, monetary,
 *       segment, cluster, p_alive, expected_purchases, clv}), and the four model files ({@link ScoringModels})
 *       into the output directory, and print a summary with the verdict of each fit.</li>
 * </ol>
 * The as-of day is a date in the log's zone: the job sees the purchases before its first instant. By default it is
 * the day after the latest purchase, so that the whole file counts.
 *
 * <p>Run it from the repository root, on the orders that {@code retention demo} writes:
 * <pre>
 * ./mvnw -B -ntp -q -DskipTests -pl retention-cli,examples -am package
 * java -jar retention-cli/target/retention.jar demo
 * java -cp retention-cli/target/retention.jar:examples/target/retention-examples.jar \
 *     dev.retention.examples.batch.NightlyScoring retention-demo/orders.csv generic retention-demo/scores
 * </pre>
 * Arguments: the order file, its format ({@code generic} or {@code online-retail}), the output directory (created
 * if needed) and optionally the as-of day ({@code YYYY-MM-DD}). Exit status 0 on success; 2 on bad arguments; 1 on
 * bad data or when a model came out unusable (its files are written all the same, and the service refuses it),
 * with one line on stderr.
 */
public final class NightlyScoring {

    /** Clusters of the k-means model. */
    public static final int CLUSTERS = 4;
    /** Horizon of the customer lifetime value, in months. */
    public static final int CLV_MONTHS = 12;
    /** The time unit of the lifetime models: recency, age and the scale parameter are in weeks. */
    public static final PeriodUnit LIFETIME_UNIT = PeriodUnit.WEEK;
    /** The per-customer scores written into the output directory. */
    public static final String SCORES_FILE = "customers.csv";

    /** The order file formats the job reads. */
    public enum Format {
        /** The generic CSV layout {@code customer,order,item,time,quantity,unit_price} with times in UTC. */
        GENERIC("generic"),
        /** The UCI Online Retail CSV (unpack the {@code .xz} first). */
        ONLINE_RETAIL("online-retail");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        /**
         * The format named on the command line.
         *
         * @throws IllegalArgumentException if the label is neither {@code generic} nor {@code online-retail}
         */
        public static Format parse(String label) {
            for (Format f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be generic or online-retail, got '" + label + "'");
        }
    }

    /**
     * What one run computed.
     *
     * @param log    the purchases scored (those before the as-of day), with the counts of the lines read
     * @param asOf   the as-of day
     * @param rfm    every customer's recency (days), frequency (orders), monetary value, scores and segment; the
     *               k-means labels ({@code models.clusters().labels()}) follow its rows
     * @param clv    every customer's P(alive), expected purchases and CLV, by row of the lifetime summary
     * @param models the four fitted models, as saved
     */
    public record Result(TransactionLog log, LocalDate asOf, RfmTable rfm, ClvTable clv, ScoringModels models) {

        /** The least trustworthy verdict of the four fits. */
        public Verdict worstVerdict() {
            Verdict worst = Verdict.FINE;
            for (Model m : models.byFile().values()) {
                Verdict v = m.fitSummary().verdict();
                worst = v.compareTo(worst) > 0 ? v : worst;
            }
            return worst;
        }
    }

    private NightlyScoring() {
    }

    /**
     * Reads the orders, scores every customer, and writes {@value #SCORES_FILE} and the model files.
     *
     * @param orders    read: the order file
     * @param format    its format
     * @param directory written: created if needed; files of the same names are replaced
     * @param asOf      the as-of day, or {@code null} for the day after the latest purchase
     * @throws DataFormatException      if a line of the order file cannot be read (file and line named)
     * @throws IllegalArgumentException if there is nothing to score before the as-of day, or too few repeat
     *                                  customers for the lifetime models (the message says which)
     * @throws IOException              if a file cannot be read or written
     */
    public static Result run(Path orders, Format format, Path directory, LocalDate asOf) throws IOException {
        Result result = score(read(orders, format), asOf, Runtime.getRuntime().availableProcessors());
        Files.createDirectories(directory);
        writeScores(result, directory.resolve(SCORES_FILE));
        result.models().save(directory);
        return result;
    }

    /**
     * Reads an order file with the library's default purchase rules (cancellations, missing customers, zero
     * prices and quantities are skipped and counted).
     *
     * @throws DataFormatException if a line cannot be read (file and line named)
     * @throws IOException         if the file cannot be read
     */
    public static TransactionLog read(Path orders, Format format) throws IOException {
        return switch (format) {
            case GENERIC -> GenericCsvReader.read(orders, GenericCsvFormat.canonical(), ReadOptions.defaults());
            case ONLINE_RETAIL -> OnlineRetailReader.read(orders);
        };
    }

    /**
     * Fits the four models on the purchases before the as-of day and scores every customer. Nothing is written.
     *
     * @param log     read
     * @param asOf    the as-of day in the log's zone, or {@code null} for the day after the latest purchase
     * @param threads threads of the fits; the results do not depend on it
     * @throws IllegalArgumentException if the log is empty, no purchase is before the as-of day, or a lifetime model
     *                                  cannot be fitted
     */
    public static Result score(TransactionLog log, LocalDate asOf, int threads) {
        if (log.isEmpty()) {
            throw new IllegalArgumentException("no purchases to score: " + log.lineCounts());
        }
        LocalDate day = asOf != null ? asOf
                : LocalDate.ofInstant(Instant.ofEpochSecond(log.maxPurchaseTime()), log.zone()).plusDays(1);
        Instant start = day.atStartOfDay(log.zone()).toInstant();
        TransactionLog history = asOf == null ? log : log.before(start.getEpochSecond());

        // RFM: equal values get equal scores, so that the saved model reproduces each customer's score
        RfmModel rfm = Rfm.fit(history, RfmOptions.defaults().withAsOf(start).withTies(RfmOptions.Ties.EQUAL));
        RfmTable table = rfm.table().orElseThrow();

        // k-means on raw recency, frequency, monetary; the model keeps the log1p and z-score scaling
        KMeansModel clusters = KMeans.fit(table.features(), KMeansOptions.defaults().withK(CLUSTERS)
                .withScaling(FeatureScaling.Kind.LOG1P_ZSCORE).withThreads(threads));

        // BG/NBD and Gamma-Gamma on every customer's whole history up to the day before the as-of day
        LocalDate lastDay = day.minusDays(1);
        CustomerSummary summary = CustomerSummary.from(history, new SummaryOptions(LIFETIME_UNIT, lastDay, lastDay));
        BgNbdModel purchases = BgNbd.fit(summary, BgNbdOptions.defaults().withThreads(threads));
        GammaGammaModel spend = GammaGamma.fit(summary, GammaGammaOptions.defaults().withThreads(threads));
        ClvTable clv = Clv.compute(purchases, spend, summary, ClvOptions.defaults().withHorizonMonths(CLV_MONTHS)
                .withThreads(threads));

        return new Result(history, day, table, clv, new ScoringModels(rfm, clusters, purchases, spend));
    }

    /**
     * Writes one row per customer, in the RFM table's order:
     * {@code customer,recency_days,frequency,monetary,segment,cluster,p_alive,expected_purchases,clv}.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writeScores(Result result, Path file) throws IOException {
        RfmTable rfm = result.rfm();
        ClvTable clv = result.clv();
        int[] clusters = result.models().clusters().labels();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer,recency_days,frequency,monetary,segment,cluster,p_alive,expected_purchases,clv\n");
            for (int row = 0; row < rfm.size(); row++) {
                String id = rfm.customerId(row);
                int i = clv.customers().indexOf(id);   // the same customers: those with a purchase before as-of
                if (i < 0) {
                    throw new IllegalStateException("customer " + id + " has RFM values but no lifetime summary");
                }
                w.write(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%s,%d,%.6f,%.6f,%.2f%n", csvField(id),
                        rfm.recency(row), rfm.frequency(row), rfm.monetary(row), csvField(rfm.segment(row)),
                        clusters[row], clv.probabilityAlive(i), clv.expectedPurchases(i), clv.clv(i)));
            }
        }
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String csvField(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Prints what the run did: the lines read, the customers, each fit's verdict and the files written. */
    static void printSummary(Result r, Path orders, Path directory, PrintStream out) {
        ScoringModels m = r.models();
        out.printf(Locale.ROOT, "%s: %s%n", orders.getFileName(), r.log().lineCounts());
        out.printf(Locale.ROOT, "%,d customers with a purchase before %s%n", r.rfm().size(), r.asOf());
        out.printf(Locale.ROOT, "RFM          %-8s segments %s%n", m.rfm().fitSummary().verdict(),
                r.rfm().segmentCounts().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "k-means      %-8s k = %d on log1p-standardised R, F, M: sizes %s, %d iterations%n",
                m.clusters().fitSummary().verdict(), m.clusters().k(), Arrays.toString(m.clusters().clusterSizes()),
                m.clusters().fitSummary().iterations());
        out.printf(Locale.ROOT, "BG/NBD       %-8s r %.4f, alpha %.4f, a %.4f, b %.4f (%ss)%n",
                m.purchases().fitSummary().verdict(), m.purchases().r(), m.purchases().alpha(), m.purchases().a(),
                m.purchases().b(), m.purchases().unit().label());
        out.printf(Locale.ROOT, "Gamma-Gamma  %-8s p %.4f, q %.4f, v %.4f%n", m.spend().fitSummary().verdict(),
                m.spend().p(), m.spend().q(), m.spend().v());
        for (Map.Entry<String, Model> e : m.byFile().entrySet()) {
            for (String w : e.getValue().fitSummary().warnings()) {
                out.printf(Locale.ROOT, "  %s: %s%n", e.getKey(), w);
            }
        }
        out.printf(Locale.ROOT, "CLV over %d months at %.4g%% a month: total %,.2f%n", r.clv().options().horizonMonths(),
                100 * r.clv().options().monthlyRate(), r.clv().total());
        out.printf(Locale.ROOT, "wrote %s and %s%n", directory.resolve(SCORES_FILE),
                String.join(", ", m.byFile().keySet()));
    }

    /**
     * Runs the job; see the class comment for the arguments.
     *
     * @param args order file, format, output directory, optional as-of day
     */
    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: NightlyScoring ORDERS generic|online-retail OUTPUT_DIRECTORY [YYYY-MM-DD]");
            System.exit(2);
        }
        Path orders = Path.of(args[0]);
        Path directory = Path.of(args[2]);
        Format format;
        LocalDate asOf;
        try {
            format = Format.parse(args[1]);
            asOf = args.length == 4 ? LocalDate.parse(args[3]) : null;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("bad argument: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(orders)) {
            System.err.println("no such file: " + orders);
            System.exit(2);
        }
        Result result;
        try {
            result = run(orders, format, directory, asOf);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        printSummary(result, orders, directory, System.out);
        if (result.worstVerdict() == Verdict.UNUSABLE) {
            System.err.println("a model is unusable (see its warnings above); the scoring service will refuse it");
            System.exit(1);
        }
    }
}
