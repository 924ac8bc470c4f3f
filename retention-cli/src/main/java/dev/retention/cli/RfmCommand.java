package dev.retention.cli;

import dev.retention.data.LineCounts;
import dev.retention.data.SkipReason;
import dev.retention.data.TransactionLog;
import dev.retention.io.Json;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmTable;
import dev.retention.rfm.RfmWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code retention rfm}: RFM values, scores and segments of a shop's customers. */
@Command(name = "rfm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "RFM segmentation of the customers in an order file.")
final class RfmCommand implements Callable<Integer> {

    @Mixin
    OrderSource source;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Compute as of the start of this day (in --zone); default: the latest purchase plus 24 hours.")
    LocalDate asOf;

    @Option(names = "--ties", paramLabel = "by-id|equal", defaultValue = "by-id",
            description = "Score equal values by customer id order (pandas qcut of rank 'first') or equally (default: ${DEFAULT-VALUE}).")
    String ties;

    @Option(names = "--weights", paramLabel = "WR,WF,WM", split = ",", defaultValue = "1,1,1",
            description = "Weights of the weighted score wR*R + wF*F + wM*M (default: ${DEFAULT-VALUE}).")
    double[] weights;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write every customer's values, scores and segment.")
    Path out;

    @Option(names = "--save-model", paramLabel = "FILE", description = "Save the fitted RFM scorer as a model file.")
    Path saveScorer;

    /** The former name of {@code --save-model}, hidden. */
    @Option(names = "--save-scorer", paramLabel = "FILE", hidden = true)
    void saveScorerAlias(Path file) {
        saveScorer = file;
    }

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RfmOptions options = options();
        OrderSource.checkOutput(spec, out, "--out");
        OrderSource.checkOutput(spec, saveScorer, "--save-model");
        long start = System.nanoTime();
        TransactionLog log = source.read();
        RfmModel model = Rfm.fit(log, options);
        RfmTable table = model.table().orElseThrow();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (out != null) {
            table.writeCsv(out);
        }
        if (saveScorer != null) {
            model.save(saveScorer);
        }
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(OrderSource.putCancellers(toJson(log.lineCounts(), table, seconds), log));
        } else {
            pw.println(source.orders + ": " + log.lineCounts());
            OrderSource.printCancellers(pw, log);
            pw.print(table);
            if (out != null) {
                pw.println("wrote " + out);
            }
            if (saveScorer != null) {
                pw.println("saved scorer to " + saveScorer);
            }
            pw.printf(Locale.ROOT, "%.3f s%n", seconds);
        }
        pw.flush();
        return 0;
    }

    private RfmOptions options() {
        RfmOptions.Ties t = switch (ties) {
            case "by-id" -> RfmOptions.Ties.BY_ID;
            case "equal" -> RfmOptions.Ties.EQUAL;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--ties must be by-id or equal, got '" + ties + "'");
        };
        if (weights.length != 3) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--weights needs three numbers WR,WF,WM, got " + weights.length);
        }
        RfmWeights w;
        try {
            w = new RfmWeights(weights[0], weights[1], weights[2]);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--weights: " + e.getMessage());
        }
        RfmOptions o = RfmOptions.defaults().withTies(t).withWeights(w);
        return asOf == null ? o : o.withAsOf(asOf.atStartOfDay(source.zone).toInstant());
    }

    static Json toJson(LineCounts counts, RfmTable table, double seconds) {
        Map<String, Long> skipped = new LinkedHashMap<>();
        for (SkipReason r : SkipReason.values()) {
            skipped.put(r.label(), counts.skipped(r));
        }
        return new Json()
                .put("customers", table.size())
                .put("skipped_rows", counts.skipped())
                .put("segments", table.segmentCounts())
                .put("recency_mean", table.meanRecency())
                .put("frequency_mean", table.meanFrequency())
                .put("monetary_mean", table.meanMonetary())
                .put("seconds", seconds)
                .put("lines_read", counts.read())
                .put("skipped_by_reason", skipped)
                .put("as_of", table.asOf().toString());
    }
}
