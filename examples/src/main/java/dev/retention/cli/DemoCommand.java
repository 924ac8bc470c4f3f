package dev.retention.cli;

import dev.retention.cohort.CohortRetention;
import dev.retention.cohort.CohortTable;
import dev.retention.data.TransactionLog;
import dev.retention.io.TransactionCsvWriter;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmOptions;
import dev.retention.rfm.RfmTable;
import dev.retention.synth.SyntheticShop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code retention demo}: the whole pipeline on the embedded synthetic shop. Generates the shop,
 * segments its customers by RFM, builds the monthly cohort table, and writes the orders, the RFM table,
 * the fitted RFM scorer and the cohort tables to a folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the whole pipeline on the embedded synthetic shop and write its outputs.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "retention-demo",
            description = "Folder for the outputs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "5000",
            description = "Customers in the synthetic shop (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the synthetic shop (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SyntheticShop.Options options;
        try {
            options = SyntheticShop.Options.defaults().withCustomers(customers).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--customers: " + e.getMessage());
        }
        long start = System.nanoTime();
        SyntheticShop shop = SyntheticShop.generate(options);
        TransactionLog log = shop.log();
        // Frequencies are heavily tied (most customers bought once) and ids follow acquisition time, so
        // ties broken by id would score recent one-time buyers above older ones; equal values score equally.
        RfmTable rfm = Rfm.compute(log, RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL));
        CohortTable cohorts = CohortRetention.compute(log);
        double seconds = (System.nanoTime() - start) / 1e9;

        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        Path orders = out.resolve("orders.csv");
        TransactionCsvWriter.write(log, orders);
        written.add(orders);
        Path rfmCsv = out.resolve("rfm.csv");
        rfm.writeCsv(rfmCsv);
        written.add(rfmCsv);
        Path scorer = out.resolve("rfm-scorer.model");
        rfm.scorer().save(scorer);
        written.add(scorer);
        Path cohortCsv = out.resolve("cohorts.csv");
        cohorts.writeCsv(cohortCsv);
        written.add(cohortCsv);
        Path cohortCounts = out.resolve("cohort-counts.csv");
        cohorts.writeCountsCsv(cohortCounts);
        written.add(cohortCounts);

        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            pw.println(new Json()
                    .put("customers", rfm.size())
                    .put("lines", log.size())
                    .put("orders", log.orderCount())
                    .put("skipped_rows", log.lineCounts().skipped())
                    .put("segments", rfm.segmentCounts())
                    .put("recency_mean", rfm.meanRecency())
                    .put("frequency_mean", rfm.meanFrequency())
                    .put("monetary_mean", rfm.meanMonetary())
                    .put("cohorts", cohorts.cohortCount())
                    .put("repurchase_rate", cohorts.overallRepurchaseRate())
                    .put("mean_retention", cohorts.meanRetention())
                    .put("outputs", written.stream().map(Path::toString).toList())
                    .put("seconds", seconds));
        } else {
            pw.println(shop);
            pw.println(rfm);
            pw.println(cohorts);
            pw.println("Outputs:");
            for (Path p : written) {
                pw.println("  " + p);
            }
            pw.println("Next: retention rfm --orders " + orders + " --format generic --ties equal");
            pw.printf(Locale.ROOT, "%.3f s (generate, RFM, cohorts)%n", seconds);
        }
        pw.flush();
        return 0;
    }
}
