package dev.retention.cli;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.CustomerTableReader;
import dev.retention.churn.dataset.TableOptions;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.preprocess.PreprocessingModel;
import dev.retention.churn.preprocess.Preprocessor;
import dev.retention.evaluation.TrainTestSplit;
import dev.retention.experiment.ExperimentTable;
import dev.retention.experiment.ExperimentTableReader;
import dev.retention.experiment.targeting.TargetingRule;
import dev.retention.experiment.uplift.ClassTransformation;
import dev.retention.experiment.uplift.TLearner;
import dev.retention.experiment.uplift.UpliftEvaluation;
import dev.retention.experiment.uplift.UpliftModel;
import dev.retention.experiment.uplift.UpliftOptions;
import dev.retention.experiment.uplift.UpliftSplit;
import dev.retention.experiment.uplift.XLearner;
import dev.retention.io.DataFormatException;
import dev.retention.io.Json;
import dev.retention.matrix.DenseMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code retention uplift}: who should get the action. {@code eval} fits an uplift model on training rows of a
 * two-arm experiment and measures its ranking on test rows (a seeded stratified split or a given row file);
 * {@code score} fits on every row of the two arms, scores every row of the file and applies a targeting rule.
 * Features: the given {@code --feature} columns, by default every column left of the treatment column (the layout
 * of Hillstrom and of most experiment exports: pre-period columns, the assignment, then outcomes), less
 * {@code --drop}; numbers standardised and categories one-hot encoded on the training rows (churn's
 * {@code Preprocessor}); the base classifier is logistic regression with scikit-learn's defaults.
 */
@Command(name = "uplift", mixinStandardHelpOptions = true,
        description = "Uplift models: evaluate on held-out rows, or score and target.",
        subcommands = {UpliftCommand.Eval.class, UpliftCommand.Score.class})
final class UpliftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: eval or score");
    }

    /** The data and model options both subcommands share. */
    static final class Common {
        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "One row per unit, a header row.")
        Path csv;

        @Option(names = "--treatment-column", required = true, paramLabel = "COLUMN")
        String treatmentColumn;

        @Option(names = "--treated", required = true, paramLabel = "VALUE")
        String treated;

        @Option(names = "--control", required = true, paramLabel = "VALUE")
        String control;

        @Option(names = "--outcome", required = true, paramLabel = "COLUMN", description = "A 0/1 outcome column.")
        String outcome;

        @Option(names = "--model", required = true, paramLabel = "t-learner|class-transformation|x-learner")
        String model;

        @Option(names = "--feature", paramLabel = "COLUMN", description = "A feature column; repeatable (default: every "
                + "column left of the treatment column).")
        List<String> features = new ArrayList<>();

        @Option(names = "--drop", paramLabel = "COLUMN", description = "A column not to use as a feature; repeatable.")
        List<String> drop = new ArrayList<>();

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the split and the class transformation's "
                + "balancing (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--threads", defaultValue = "1", description = "Threads of the logistic regressions (default: "
                + "${DEFAULT-VALUE}); results do not depend on it.")
        int threads;

        /** The loaded data: every row's arm (1, 0 or -1 for other arms), outcome and features' table. */
        int[] treatment;
        int[] y;
        CustomerTable featureTable;
        List<String> featureNames;

        void load(CommandSpec spec) throws IOException {
            if (!Files.isRegularFile(csv)) {
                throw new OrderSource.MissingInputException(csv);
            }
            if (threads < 1) {
                throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
            }
            List<String> header = header(csv);
            if (!header.contains(treatmentColumn)) {
                throw new DataFormatException(csv.toString(), 1, treatmentColumn, treatmentColumn,
                        "no such column in the header " + header);
            }
            featureNames = new ArrayList<>();
            if (features.isEmpty()) {
                for (String h : header) {
                    if (h.equals(treatmentColumn)) {
                        break;
                    }
                    featureNames.add(h);
                }
            } else {
                featureNames.addAll(features);
            }
            featureNames.removeAll(drop);
            featureNames.remove(outcome);
            if (featureNames.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no feature columns are left; name them with --feature");
            }
            for (String f : featureNames) {
                if (!header.contains(f)) {
                    throw new ParameterException(spec.commandLine(), "--feature " + f + ": no such column in "
                            + header);
                }
            }
            ExperimentTable table = ExperimentTableReader.read(csv, treatmentColumn, List.of(outcome));
            int t = table.arm(treated);
            int c = table.arm(control);
            int[] arms = table.arms();
            double[] v = table.column(outcome);
            treatment = new int[arms.length];
            y = new int[arms.length];
            for (int i = 0; i < arms.length; i++) {
                treatment[i] = arms[i] == t ? 1 : arms[i] == c ? 0 : -1;
                if (v[i] != 0 && v[i] != 1) {
                    throw new DataFormatException(csv.toString(), i + 2, outcome, Double.toString(v[i]),
                            "the outcome must be 0 or 1");
                }
                y[i] = (int) v[i];
            }
            List<String> others = new ArrayList<>(header);
            others.removeAll(featureNames);
            featureTable = CustomerTableReader.read(csv, TableOptions.unlabelled().withDrop(others));
        }

        int[] twoArmRows() {
            int n = 0;
            for (int t : treatment) {
                n += t >= 0 ? 1 : 0;
            }
            int[] rows = new int[n];
            for (int i = 0, k = 0; i < treatment.length; i++) {
                if (treatment[i] >= 0) {
                    rows[k++] = i;
                }
            }
            return rows;
        }

        UpliftModel fit(CommandSpec spec, DenseMatrix x, int[] t, int[] outcomes) {
            Learner learner = LogisticRegression.learner(LogisticOptions.defaults().withThreads(threads));
            UpliftOptions options = UpliftOptions.defaults().withSeed(seed);
            return switch (model) {
                case "t-learner" -> TLearner.fit(x, t, outcomes, learner, options);
                case "class-transformation" -> ClassTransformation.fit(x, t, outcomes, learner, options);
                case "x-learner" -> XLearner.fit(x, t, outcomes, learner, options);
                default -> throw new ParameterException(spec.commandLine(), "--model must be t-learner, "
                        + "class-transformation or x-learner, got '" + model + "'");
            };
        }

        static List<String> header(Path csv) throws IOException {
            try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                String line = r.readLine();
                if (line == null) {
                    throw new DataFormatException(csv.toString(), 1, null, "", "the file is empty; expected a header");
                }
                String first = r.readLine();
                if (first == null) {
                    throw new DataFormatException(csv.toString(), 2, null, "", "no data rows after the header");
                }
                CustomerTable head = CustomerTableReader.read(new java.io.StringReader(line + "\n" + first + "\n"),
                        csv.toString(), TableOptions.unlabelled());
                return Arrays.asList(head.names());
            }
        }
    }

    static int[] select(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    /** {@code uplift eval}. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Fit on training rows, rank the test rows: Qini area, AUUC, uplift at 30%, deciles.")
    static final class Eval implements Callable<Integer> {

        @Mixin
        Common common;

        @Option(names = "--test-rows", paramLabel = "FILE", description = "The test rows: 0-based data-row numbers, one "
                + "a line, each in one of the two arms; the training rows are the other rows of the two arms.")
        Path testRows;

        @Option(names = "--test-fraction", defaultValue = "0.3", description = "Share of the two arms' rows held out, "
                + "stratified by arm and outcome (default: ${DEFAULT-VALUE}).")
        double testFraction;

        @Option(names = "--write-test-rows", paramLabel = "FILE", description = "Write the test rows used, in the "
                + "format of --test-rows.")
        Path writeTestRows;

        @Option(names = "--save-model", paramLabel = "FILE", description = "Save the fitted uplift model.")
        Path saveModel;

        @Option(names = "--json", description = "Print one JSON object instead of tables.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new ParameterException(spec.commandLine(), "--test-fraction must be in (0, 1), got " + testFraction);
            }
            common.load(spec);
            int[] rows = common.twoArmRows();
            int[] train;
            int[] test;
            if (testRows != null) {
                test = readRows(testRows, common.treatment);
                boolean[] isTest = new boolean[common.treatment.length];
                for (int r : test) {
                    isTest[r] = true;
                }
                train = Arrays.stream(rows).filter(r -> !isTest[r]).toArray();
            } else {
                TrainTestSplit split = UpliftSplit.stratified(select(common.treatment, rows), select(common.y, rows),
                        testFraction, common.seed);
                train = Arrays.stream(split.train()).map(i -> rows[i]).toArray();
                test = Arrays.stream(split.test()).map(i -> rows[i]).toArray();
            }
            if (writeTestRows != null) {
                try (BufferedWriter w = Files.newBufferedWriter(writeTestRows, StandardCharsets.UTF_8)) {
                    for (int r : test) {
                        w.write(Integer.toString(r));
                        w.newLine();
                    }
                }
            }
            PreprocessingModel pre = Preprocessor.fit(common.featureTable, train, PreprocessOptions.defaults());
            DenseMatrix xTrain = pre.transform(common.featureTable, train).features();
            DenseMatrix xTest = pre.transform(common.featureTable, test).features();
            UpliftModel m = common.fit(spec, xTrain, select(common.treatment, train), select(common.y, train));
            if (saveModel != null) {
                m.save(saveModel);
            }
            double[] scores = m.uplift(xTest);
            int[] yTest = select(common.y, test);
            double[] outcome = Arrays.stream(yTest).asDoubleStream().toArray();
            UpliftEvaluation e = UpliftEvaluation.compute(scores, select(common.treatment, test), outcome);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Json> deciles = new ArrayList<>();
                for (double[] d : e.deciles()) {
                    deciles.add(new Json().put("treated", (long) d[0]).put("control", (long) d[1])
                            .put("treated_rate", d[2]).put("control_rate", d[3]).put("uplift", d[4]));
                }
                out.println(new Json().put("model", common.model).put("outcome", common.outcome)
                        .put("features", List.of(pre.featureNames())).put("train_rows", train.length)
                        .put("test_rows", test.length).put("qini_area", e.qiniArea())
                        .put("uplift_at_30", e.upliftAt30().isPresent() ? e.upliftAt30().getAsDouble() : null)
                        .put("auuc", e.auuc()).put("incremental_top_30", e.incrementalTop30())
                        .put("incremental_random_30", e.incrementalRandom30())
                        .put("verdict", m.fitSummary().verdict().name()).put("deciles", deciles)
                        .put("seconds", seconds));
            } else {
                out.printf(Locale.ROOT, "%s on %s: %,d training rows, %,d test rows, features %s%n", common.model,
                        common.outcome, train.length, test.length, Arrays.toString(pre.featureNames()));
                out.print(e);
                out.printf(Locale.ROOT, "fit verdict %s; %.3f s%n", m.fitSummary().verdict(), seconds);
            }
            return 0;
        }

        private static int[] readRows(Path file, int[] treatment) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new OrderSource.MissingInputException(file);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int[] rows = new int[lines.size()];
            int k = 0;
            boolean[] seen = new boolean[treatment.length];
            for (int i = 0; i < lines.size(); i++) {
                String s = lines.get(i).trim();
                if (s.isEmpty()) {
                    continue;
                }
                int r;
                try {
                    r = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file.toString(), i + 1, null, s, "expected a 0-based data-row number");
                }
                if (r < 0 || r >= treatment.length) {
                    throw new DataFormatException(file.toString(), i + 1, null, s, "row out of range [0, "
                            + treatment.length + ")");
                }
                if (treatment[r] < 0) {
                    throw new DataFormatException(file.toString(), i + 1, null, s, "the row is in neither the treated "
                            + "nor the control arm");
                }
                if (seen[r]) {
                    throw new DataFormatException(file.toString(), i + 1, null, s, "the row is listed twice");
                }
                seen[r] = true;
                rows[k++] = r;
            }
            int[] out = Arrays.copyOf(rows, k);
            Arrays.sort(out);
            return out;
        }
    }

    /** {@code uplift score}. */
    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Fit on every row of the two arms, score every row, and target the top by expected value.")
    static final class Score implements Callable<Integer> {

        @Mixin
        Common common;

        @Option(names = "--fraction", defaultValue = "0.3", description = "Share of rows to treat (default: "
                + "${DEFAULT-VALUE}); with --cost or --budget, every row of positive expected value instead.")
        double fraction;

        @Option(names = "--value", defaultValue = "1", description = "Value of one extra outcome (default: "
                + "${DEFAULT-VALUE}).")
        double value;

        @Option(names = "--cost", defaultValue = "0", description = "Cost of treating one unit (default: "
                + "${DEFAULT-VALUE}).")
        double cost;

        @Option(names = "--budget", paramLabel = "UNITS", description = "Most units to treat.")
        Integer budget;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "Write row,uplift for every row.")
        Path out;

        @Option(names = "--save-model", paramLabel = "FILE", description = "Save the fitted uplift model.")
        Path saveModel;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new ParameterException(spec.commandLine(), "--fraction must be in [0, 1], got " + fraction);
            }
            if (budget != null && budget < 0) {
                throw new ParameterException(spec.commandLine(), "--budget must be >= 0, got " + budget);
            }
            common.load(spec);
            int[] rows = common.twoArmRows();
            PreprocessingModel pre = Preprocessor.fit(common.featureTable, rows, PreprocessOptions.defaults());
            DenseMatrix x = pre.transform(common.featureTable, rows).features();
            UpliftModel m = common.fit(spec, x, select(common.treatment, rows), select(common.y, rows));
            if (saveModel != null) {
                m.save(saveModel);
            }
            double[] scores = m.uplift(pre.transform(common.featureTable).features());
            TargetingRule rule;
            try {
                rule = budget != null || cost > 0
                        ? TargetingRule.profitable(scores, value, cost, budget == null ? scores.length : budget)
                        : TargetingRule.topFraction(scores, value, cost, fraction);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (out != null) {
                try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    w.write("row,uplift");
                    w.newLine();
                    for (int i = 0; i < scores.length; i++) {
                        w.write(i + "," + scores[i]);
                        w.newLine();
                    }
                }
            }
            double mean = Arrays.stream(scores).average().orElse(0);
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter pw = spec.commandLine().getOut();
            if (json) {
                pw.println(new Json().put("model", common.model).put("outcome", common.outcome)
                        .put("train_rows", rows.length).put("rows_scored", scores.length).put("mean_uplift", mean)
                        .put("treated", rule.treated()).put("incremental_outcome", rule.incrementalOutcome())
                        .put("incremental_value", rule.incrementalValue())
                        .put("everyone_outcome", rule.everyoneOutcome()).put("everyone_value", rule.everyoneValue())
                        .put("no_one_outcome", 0).put("verdict", m.fitSummary().verdict().name())
                        .put("seconds", seconds));
            } else {
                pw.printf(Locale.ROOT, "%s on %s, fitted on %,d rows; mean uplift %.6f over %,d rows%n", common.model,
                        common.outcome, rows.length, mean, scores.length);
                pw.println(rule);
                if (out != null) {
                    pw.println("wrote " + out);
                }
                pw.printf(Locale.ROOT, "%.3f s%n", seconds);
            }
            return 0;
        }
    }
}
