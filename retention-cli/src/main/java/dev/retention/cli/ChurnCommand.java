package dev.retention.cli;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.CustomerTableReader;
import dev.retention.churn.dataset.TableOptions;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.explain.Reason;
import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.forest.RandomForest;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.ranking.ChurnRanking;
import dev.retention.churn.ranking.RankingOptions;
import dev.retention.churn.svm.LinearSvm;
import dev.retention.churn.svm.SvmOptions;
import dev.retention.churn.tree.DecisionTree;
import dev.retention.churn.tree.MaxFeatures;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.churn.evaluation.CrossValidation;
import dev.retention.churn.evaluation.CrossValidationResult;
import dev.retention.churn.evaluation.GridSearch;
import dev.retention.churn.evaluation.HoldoutResult;
import dev.retention.data.TransactionLog;
import dev.retention.churn.evaluation.CostThreshold;
import dev.retention.churn.evaluation.MetricSummary;
import dev.retention.io.Json;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import dev.retention.rfm.CustomerStatus;
import dev.retention.rfm.StatusRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code retention churn}: churn models. {@code eval} cross-validates (or holds out a stratified test
 * set for) a model on a customer table; {@code score} trains on earlier cutoffs of an order file and
 * lists the customers most at risk at a cutoff, with their reasons.
 */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = "Churn models: evaluate on a customer table, or score an order file's customers.",
        subcommands = {ChurnCommand.Eval.class, ChurnCommand.Score.class})
final class ChurnCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: eval or score");
    }

    /** The models and their hyper-parameters, shared by both subcommands. */
    static final class ModelOptions {
        @Option(names = "--model", required = true, paramLabel = "MODEL",
                description = "logistic, svm, tree or forest.")
        String model;

        @Option(names = "--param", paramLabel = "KEY=VALUE",
                description = "A hyper-parameter, named as in scikit-learn (unset ones take the library's defaults, "
                        + "LogisticOptions.defaults() and so on): logistic C, penalty (l2|l1|elasticnet|none), "
                        + "l1_ratio, class_weight (none|balanced|W0:W1), max_iter, tol, fit_intercept; svm C, loss "
                        + "(hinge|squared_hinge), class_weight, max_iter, tol, calibration_folds; tree criterion "
                        + "(gini|entropy), max_depth, min_samples_split, min_samples_leaf, max_features "
                        + "(all|sqrt|log2|fraction|count), class_weight, min_impurity_decrease; forest n_estimators, "
                        + "bootstrap, max_samples and the tree's.")
        List<String> params = new ArrayList<>();

        @Option(names = "--seed", defaultValue = "0", description = "Seed of folds, splits and models (default: "
                + "${DEFAULT-VALUE}, the seed of every model's default options).")
        long seed;

        @Option(names = "--threads", paramLabel = "N", description = "Threads for logistic regression and forests "
                + "(default: the number of processors); results do not depend on it.")
        Integer threads;

        @Option(names = "--impute", paramLabel = "mean|median|zero",
                description = "How missing numbers are filled, from the training rows (default: the library's, mean).")
        String impute;

        @Option(names = "--missing-indicators", description = "Add a 0/1 feature per numeric column with missing values.")
        boolean missingIndicators;

        @Option(names = "--allow-degenerate", description = "Print the figures of an UNUSABLE fit (for example a model "
                + "that gives every customer the same probability) and exit 0 instead of 1.")
        boolean allowDegenerate;

        /** The preprocessing options: the library's defaults with the options given. */
        PreprocessOptions preprocess(CommandSpec spec) {
            return preprocess(spec, PreprocessOptions.defaults());
        }

        /** The preprocessing options: {@code base} with the options given. */
        PreprocessOptions preprocess(CommandSpec spec, PreprocessOptions base) {
            if (impute == null) {
                return missingIndicators ? base.withMissingIndicators(true) : base;
            }
            PreprocessOptions.Imputation imp = switch (impute) {
                case "mean" -> PreprocessOptions.Imputation.MEAN;
                case "median" -> PreprocessOptions.Imputation.MEDIAN;
                case "zero" -> PreprocessOptions.Imputation.ZERO;
                default -> throw new ParameterException(spec.commandLine(), "--impute must be mean, median or zero, got '"
                        + impute + "'");
            };
            return (missingIndicators ? base.withMissingIndicators(true) : base).withImputation(imp);
        }

        int threads() {
            return threads != null ? threads : Runtime.getRuntime().availableProcessors();
        }

        Map<String, String> paramMap(CommandSpec spec) {
            return parseParams(spec, params, "--param");
        }
    }

    static Map<String, String> parseParams(CommandSpec spec, List<String> list, String option) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : list) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new ParameterException(spec.commandLine(), option + " must be KEY=VALUE, got '" + p + "'");
            }
            m.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return m;
    }

    /** Builds the learner of a model from its parameters; every key must be known to the model. */
    static Learner learner(CommandSpec spec, String model, Map<String, String> params, long seed, int threads) {
        Object o = modelOptions(spec, model, params, seed, threads);
        if (o instanceof LogisticOptions l) {
            return LogisticRegression.learner(l);
        }
        if (o instanceof SvmOptions v) {
            return LinearSvm.learner(v);
        }
        if (o instanceof TreeOptions t) {
            return DecisionTree.learner(t);
        }
        return RandomForest.learner((ForestOptions) o);
    }

    /**
     * The options record of a model from its parameters: the library's {@code defaults()} with the seed, the threads
     * and the parameters given; every key must be known to the model.
     */
    static Object modelOptions(CommandSpec spec, String model, Map<String, String> params, long seed, int threads) {
        return switch (model) {
            case "logistic" -> options(spec, model, params, p -> logistic(p, threads));
            case "svm" -> options(spec, model, params, p -> svm(p, seed, threads));
            case "tree" -> options(spec, model, params, p -> tree(p, TreeOptions.defaults().withSeed(seed)));
            case "forest" -> options(spec, model, params, p -> forest(p, seed, threads));
            default -> throw new ParameterException(spec.commandLine(), "--model must be logistic, svm, tree or "
                    + "forest, got '" + model + "'");
        };
    }

    /**
     * The worst verdict of some fits, with the reasons of every fit that is not {@link Verdict#FINE} (each prefixed
     * by {@code label} and the fit's number when there are several) added to {@code reasons}.
     */
    static Verdict verdict(List<FitSummary> fits, String label, List<String> reasons) {
        Verdict worst = Verdict.FINE;
        for (int k = 0; k < fits.size(); k++) {
            FitSummary s = fits.get(k);
            if (s.verdict().compareTo(worst) > 0) {
                worst = s.verdict();
            }
            for (String w : s.warnings()) {
                reasons.add((fits.size() > 1 ? label + " " + (k + 1) + ": " : "") + w);
            }
        }
        return worst;
    }

    /**
     * Adds {@code verdict} and {@code verdict_reasons} to the JSON, prints the verdict as the first line of the
     * tables, and refuses an UNUSABLE fit (exit status 1, one line on stderr) unless {@code --allow-degenerate}.
     */
    static void reportVerdict(CommandSpec spec, ModelOptions model, boolean json, Verdict verdict, List<String> reasons,
                              Json out) {
        out.put("verdict", verdict.name()).put("verdict_reasons", new ArrayList<Object>(reasons));
        if (verdict == Verdict.UNUSABLE && !model.allowDegenerate) {
            throw new IllegalStateException("the fit is UNUSABLE: " + String.join("; ", reasons)
                    + " (--allow-degenerate prints its figures anyway)");
        }
        if (!json) {
            PrintWriter pw = spec.commandLine().getOut();
            pw.println("verdict: " + verdict + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
        }
    }

    /** The options of a model from its parameters, read by {@code parse}; every key must be known to the model. */
    private static <O> O options(CommandSpec spec, String model, Map<String, String> params,
                                 Function<Map<String, String>, O> parse) {
        Map<String, String> left = new LinkedHashMap<>(params);
        O options;
        try {
            options = parse.apply(left);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--param: " + e.getMessage());
        }
        if (!left.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown parameter(s) for " + model + ": "
                    + left.keySet());
        }
        return options;
    }

    /**
     * Cross-validates the options of each parameter set on the same folds: the typed grid search of the library,
     * with the options parsed here from the command line's names.
     */
    static GridSearch.Result<?> gridSearch(CommandSpec spec, String model, List<Map<String, String>> candidates,
                                           long seed, int threads, CustomerTable table, PreprocessOptions pre,
                                           int folds) {
        return switch (model) {
            case "logistic" -> GridSearch.evaluate(table, pre, parseAll(spec, model, candidates,
                    p -> logistic(p, threads)), LogisticRegression::learner, folds, seed);
            case "svm" -> GridSearch.evaluate(table, pre, parseAll(spec, model, candidates,
                    p -> svm(p, seed, threads)), LinearSvm::learner, folds, seed);
            case "tree" -> GridSearch.evaluate(table, pre, parseAll(spec, model, candidates,
                    p -> tree(p, TreeOptions.defaults().withSeed(seed))), DecisionTree::learner, folds, seed);
            case "forest" -> GridSearch.evaluate(table, pre, parseAll(spec, model, candidates,
                    p -> forest(p, seed, threads)), RandomForest::learner, folds, seed);
            default -> throw new ParameterException(spec.commandLine(), "--model must be logistic, svm, tree or "
                    + "forest, got '" + model + "'");
        };
    }

    private static <O> List<O> parseAll(CommandSpec spec, String model, List<Map<String, String>> candidates,
                                        Function<Map<String, String>, O> parse) {
        List<O> out = new ArrayList<>();
        for (Map<String, String> c : candidates) {
            out.add(options(spec, model, c, parse));
        }
        return out;
    }

    /** The line a fit summary printed before the shared model contract: what, on what, how it ended, options. */
    static String summaryLine(FitSummary s) {
        return String.format(Locale.ROOT, "%s on %,d rows x %d features: %s after %d iterations (%s), %.3f s%n"
                        + "options: %s%n", s.algorithm(), s.data().rows(), s.data().columns(),
                s.converged() ? "converged" : "NOT converged", s.iterations(), s.stopReason(), s.seconds(),
                s.options());
    }

    /** An optional value as JSON: the number or null. */
    static Double orNull(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** Adds {@code customers_scored, training_rows, training_positives, training_cutoffs, cutoff, horizon_days}. */
    static Json putTraining(Json json, ChurnRanking r) {
        return json.put("customers_scored", r.scored().rows())
                .put("training_rows", r.training().rows())
                .put("training_positives", Arrays.stream(r.training().labels()).sum())
                .put("training_cutoffs", r.trainingCutoffs().stream().map(Instant::toString).toList())
                .put("cutoff", r.cutoff().toString())
                .put("horizon_days", r.horizonDays());
    }

    /**
     * The {@code top} riskiest customers with one of the statuses as JSON objects {@code customer, probability,
     * status, up, down}, the reasons in plain words (feature groups).
     */
    static List<Object> riskiestJson(ChurnRanking r, int top, int reasons, Set<CustomerStatus> statuses) {
        List<Object> out = new ArrayList<>();
        int[] rows = r.ranking(statuses);
        for (int k = 0; k < Math.min(top, rows.length); k++) {
            Explanation e = r.explainRow(rows[k], reasons);
            out.add(new Json().put("customer", e.key()).put("probability", e.probability())
                    .put("status", r.status(rows[k]).label())
                    .put("up", reasons(e.up())).put("down", reasons(e.down())));
        }
        return out;
    }

    /** Prints the {@code top} riskiest customers with one of the statuses: id, P(churn), status, reasons. */
    static void printRiskiest(PrintWriter pw, ChurnRanking r, int top, Set<CustomerStatus> statuses) {
        pw.printf(Locale.ROOT, "%-14s %8s  %-8s  %s%n", "customer", "P(churn)", "status", "reasons (up; down)");
        int[] rows = r.ranking(statuses);
        for (int k = 0; k < Math.min(top, rows.length); k++) {
            Explanation e = r.explainRow(rows[k], 3);
            pw.printf(Locale.ROOT, "%-14s %8.4f  %-8s  %s; %s%n", e.key(), e.probability(), r.status(rows[k]).label(),
                    e.up().isEmpty() ? "-" : e.up(), e.down().isEmpty() ? "-" : e.down());
        }
    }

    /** The statuses of the riskiest list: at risk and active, the lapsed listed apart. */
    static final Set<CustomerStatus> NOT_LAPSED = EnumSet.of(CustomerStatus.AT_RISK, CustomerStatus.ACTIVE);

    /** Removes {@code key} from the parameters and, if it was there, applies its value to {@code o}. */
    private static <O> O apply(Map<String, String> p, String key, O o, BiFunction<O, String, O> set) {
        String v = p.remove(key);
        return v == null ? o : set.apply(o, v);
    }

    private static LogisticOptions logistic(Map<String, String> p, int threads) {
        LogisticOptions o = LogisticOptions.defaults().withThreads(threads);
        o = apply(p, "C", o, (x, v) -> x.withC(number("C", v)));
        o = apply(p, "penalty", o, (x, v) -> x.withPenalty(switch (v) {
            case "l2" -> LogisticOptions.Penalty.L2;
            case "l1" -> LogisticOptions.Penalty.L1;
            case "elasticnet" -> LogisticOptions.Penalty.ELASTIC_NET;
            case "none" -> LogisticOptions.Penalty.NONE;
            default -> throw new IllegalArgumentException("penalty must be l2, l1, elasticnet or none, got '" + v + "'");
        }));
        o = apply(p, "l1_ratio", o, (x, v) -> x.withL1Ratio(number("l1_ratio", v)));
        o = apply(p, "class_weight", o, (x, v) -> x.withClassWeight(classWeight(v)));
        o = apply(p, "max_iter", o, (x, v) -> x.withMaxIterations(integer("max_iter", v)));
        o = apply(p, "tol", o, (x, v) -> x.withTolerance(number("tol", v)));
        return apply(p, "fit_intercept", o, (x, v) -> x.withFitIntercept(bool("fit_intercept", v)));
    }

    private static SvmOptions svm(Map<String, String> p, long seed, int threads) {
        SvmOptions o = SvmOptions.defaults().withSeed(seed).withThreads(threads);
        o = apply(p, "C", o, (x, v) -> x.withC(number("C", v)));
        o = apply(p, "loss", o, (x, v) -> x.withLoss(switch (v) {
            case "hinge" -> SvmOptions.Loss.HINGE;
            case "squared_hinge" -> SvmOptions.Loss.SQUARED_HINGE;
            default -> throw new IllegalArgumentException("loss must be hinge or squared_hinge, got '" + v + "'");
        }));
        o = apply(p, "class_weight", o, (x, v) -> x.withClassWeight(classWeight(v)));
        o = apply(p, "max_iter", o, (x, v) -> x.withMaxIterations(integer("max_iter", v)));
        o = apply(p, "tol", o, (x, v) -> x.withTolerance(number("tol", v)));
        return apply(p, "calibration_folds", o, (x, v) -> x.withCalibrationFolds(integer("calibration_folds", v)));
    }

    private static TreeOptions tree(Map<String, String> p, TreeOptions o) {
        o = apply(p, "criterion", o, (x, v) -> x.withCriterion(switch (v) {
            case "gini" -> TreeOptions.Criterion.GINI;
            case "entropy" -> TreeOptions.Criterion.ENTROPY;
            default -> throw new IllegalArgumentException("criterion must be gini or entropy, got '" + v + "'");
        }));
        o = apply(p, "max_depth", o, (x, v) -> x.withMaxDepth(v.equals("none") ? 0 : integer("max_depth", v)));
        o = apply(p, "min_samples_split", o, (x, v) -> x.withMinSamplesSplit(integer("min_samples_split", v)));
        o = apply(p, "min_samples_leaf", o, (x, v) -> x.withMinSamplesLeaf(integer("min_samples_leaf", v)));
        o = apply(p, "max_features", o, (x, v) -> x.withMaxFeatures(switch (v) {
            case "all", "none" -> MaxFeatures.all();
            case "sqrt" -> MaxFeatures.sqrt();
            case "log2" -> MaxFeatures.log2();
            default -> v.contains(".") ? MaxFeatures.fraction(number("max_features", v))
                    : MaxFeatures.count(integer("max_features", v));
        }));
        o = apply(p, "class_weight", o, (x, v) -> x.withClassWeight(classWeight(v)));
        return apply(p, "min_impurity_decrease", o, (x, v) -> x.withMinImpurityDecrease(
                number("min_impurity_decrease", v)));
    }

    private static ForestOptions forest(Map<String, String> p, long seed, int threads) {
        ForestOptions o = ForestOptions.defaults().withSeed(seed).withThreads(threads);
        o = apply(p, "n_estimators", o, (x, v) -> x.withTrees(integer("n_estimators", v)));
        o = apply(p, "bootstrap", o, (x, v) -> x.withBootstrap(bool("bootstrap", v)));
        o = apply(p, "max_samples", o, (x, v) -> x.withSampleFraction(number("max_samples", v)));
        return o.withTree(tree(p, o.tree()));
    }

    private static ClassWeight classWeight(String v) {
        if (v.equals("none")) {
            return ClassWeight.none();
        }
        if (v.equals("balanced")) {
            return ClassWeight.balanced();
        }
        String[] parts = v.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("class_weight must be none, balanced or W0:W1, got '" + v + "'");
        }
        return ClassWeight.of(number("class_weight", parts[0]), number("class_weight", parts[1]));
    }

    private static double number(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }

    private static int integer(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
        }
    }

    private static boolean bool(String key, String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
        };
    }

    static Json metrics(MetricSummary m) {
        return new Json().put("auc", m.rocAuc()).put("pr_auc", m.averagePrecision()).put("log_loss", m.logLoss())
                .put("brier", m.brierScore()).put("accuracy", m.accuracy()).put("precision", m.precision())
                .put("recall", m.recall()).put("f1", m.f1());
    }

    static List<Object> reasons(List<Reason> rs) {
        List<Object> out = new ArrayList<>();
        for (Reason r : rs) {
            out.add(new Json().put("feature", r.feature()).put("contribution", r.contribution()));
        }
        return out;
    }

    /** {@code retention churn eval}. */
    @Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Evaluate a churn model on a customer table by stratified K-fold cross-validation "
                    + "(or a stratified train/test split with --test-fraction).")
    static final class Eval implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The customer table (CSV with a header).")
        Path csv;

        @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The label column.")
        String label;

        @Option(names = "--positive", required = true, paramLabel = "VALUE", description = "The label value meaning churned.")
        String positive;

        @Option(names = "--drop", paramLabel = "COLUMN", description = "A column to leave out (repeatable).")
        List<String> drop = new ArrayList<>();

        @Option(names = "--id", paramLabel = "COLUMN", description = "The customer id column (kept as the key, never a feature).")
        String id;

        @Option(names = "--numeric", paramLabel = "COLUMN", description = "Force a column numeric (repeatable).")
        List<String> numeric = new ArrayList<>();

        @Option(names = "--categorical", paramLabel = "COLUMN", description = "Force a column categorical (repeatable).")
        List<String> categorical = new ArrayList<>();

        @Mixin
        ModelOptions model;

        @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--test-fraction", paramLabel = "F",
                description = "Instead of cross-validation, hold out this stratified share of rows as a test set.")
        Double testFraction;

        @Option(names = "--fold-file", paramLabel = "FILE",
                description = "Cross-validate over these folds: one line per data row, its 0-based test fold (for "
                        + "example the folds scikit-learn used, for a like-for-like comparison).")
        Path foldFile;

        @Option(names = "--test-rows", paramLabel = "FILE",
                description = "Hold out these rows: 0-based data row indexes, one per line; the others train.")
        Path testRows;

        @Option(names = "--grid", paramLabel = "KEY=V1,V2,...",
                description = "Grid search: cross-validate every combination of these values and evaluate the best.")
        List<String> grid = new ArrayList<>();

        @Option(names = "--lost-customer-cost", paramLabel = "COST",
                description = "With --offer-cost: choose the threshold minimising lost customers plus offers.")
        Double lostCost;

        @Option(names = "--offer-cost", paramLabel = "COST", description = "The cost of one retention offer.")
        Double offerCost;

        @Option(names = "--save-rate", paramLabel = "P", defaultValue = "1",
                description = "Probability that an offer keeps a churner (default: ${DEFAULT-VALUE}).")
        double saveRate;

        @Option(names = "--save-model", paramLabel = "FILE", description = "Fit on every row and save the pipeline as a model file.")
        Path save;

        /** The former name of {@code --save-model}, hidden. */
        @Option(names = "--save", paramLabel = "FILE", hidden = true)
        void saveAlias(Path file) {
            save = file;
        }

        @Option(names = "--json", description = "Print one JSON object instead of tables.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if ((lostCost == null) != (offerCost == null)) {
                throw new ParameterException(spec.commandLine(), "--lost-customer-cost and --offer-cost go together");
            }
            if (folds < 2) {
                throw new ParameterException(spec.commandLine(), "--folds must be >= 2, got " + folds);
            }
            if ((testFraction != null ? 1 : 0) + (foldFile != null ? 1 : 0) + (testRows != null ? 1 : 0) > 1) {
                throw new ParameterException(spec.commandLine(), "choose one of --test-fraction, --fold-file and "
                        + "--test-rows");
            }
            PreprocessOptions pre = model.preprocess(spec);
            Map<String, String> params = model.paramMap(spec);
            learner(spec, model.model, params, model.seed, model.threads());   // checks the parameters early
            TableOptions to = TableOptions.labelled(label, positive).withDrop(drop).withIdColumn(id)
                    .withNumeric(numeric).withCategorical(categorical);
            if (!java.nio.file.Files.exists(csv)) {
                throw new OrderSource.MissingInputException(csv, "no such file");
            }
            long start = System.nanoTime();
            CustomerTable table = CustomerTableReader.read(csv, to);
            Json out = new Json().put("model", model.model).put("rows", table.rows())
                    .put("positives", Arrays.stream(table.labels()).sum()).put("seed", model.seed);
            PrintWriter pw = spec.commandLine().getOut();
            String chosen = "";
            if (!grid.isEmpty()) {
                Map<String, Map<String, String>> candidates = gridCandidates(params);
                List<String> names = List.copyOf(candidates.keySet());
                GridSearch.Result<?> g = gridSearch(spec, model.model, List.copyOf(candidates.values()), model.seed,
                        model.threads(), table, pre, folds);
                chosen = names.get(g.bestIndex());
                Map<String, Object> scores = new LinkedHashMap<>();
                for (int k = 0; k < names.size(); k++) {
                    scores.put(names.get(k), g.results().get(k).meanAuc());
                }
                out.put("grid", scores).put("best", chosen);
                if (!json) {
                    pw.println("grid search, " + folds + "-fold cross-validation:");
                    pw.print(g.table(names));
                }
                params = new LinkedHashMap<>(params);
                params.putAll(parseParams(spec, List.of(chosen.split(",")), "--grid"));
            }
            Learner learner = learner(spec, model.model, params, model.seed, model.threads());
            out.put("params", new LinkedHashMap<String, Object>(params));
            double[] probs;
            int[] labels;
            if (testFraction != null || testRows != null) {
                HoldoutResult h;
                try {
                    h = testRows != null
                            ? CrossValidation.holdout(table, pre, learner, givenSplit(table.rows()),
                                    FitControl.defaults())
                            : CrossValidation.holdout(table, pre, learner, testFraction, model.seed,
                                    FitControl.defaults());
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), (testRows != null ? "--test-rows: "
                            : "--test-fraction: ") + e.getMessage());
                }
                List<String> reasons = new ArrayList<>();
                reportVerdict(spec, model, json, verdict(List.of(h.pipeline().classifier().fitSummary()), "fit",
                        reasons), reasons, out);
                MetricSummary m = h.metrics();
                probs = h.probabilities();
                labels = h.labels();
                out.put("evaluation", testRows != null ? "given holdout" : "stratified holdout")
                        .put("test_rows", labels.length)
                        .put("features", h.pipeline().preprocessing().featureCount())
                        .put("auc", m.rocAuc()).put("accuracy", m.accuracy()).put("log_loss", m.logLoss())
                        .put("f1", m.f1()).put("fit_seconds", h.fitSeconds()).put("metrics", metrics(m))
                        .put("converged", h.pipeline().classifier().fitSummary().converged())
                        .put("dropped_columns", h.pipeline().preprocessing().dropped());
                if (!json) {
                    pw.printf(Locale.ROOT, "%s: %d rows, %s on %s test set of %d rows, seed %d%n", csv, table.rows(),
                            model.model, testRows != null ? "the given" : String.format(Locale.ROOT,
                                    "a stratified %.0f%%", 100 * testFraction), labels.length, model.seed);
                    pw.print(summaryLine(h.pipeline().classifier().fitSummary()));
                    pw.print(m);
                    pw.print(m.confusion());
                    pw.println("lift and gains by decile:");
                    pw.print(h.liftTable());
                    pw.println("calibration:");
                    pw.print(h.calibration());
                }
            } else {
                CrossValidationResult r;
                try {
                    r = foldFile != null
                            ? CrossValidation.evaluate(table, pre, learner, readInts(foldFile, table.rows()),
                                    FitControl.defaults())
                            : CrossValidation.evaluate(table, pre, learner, folds, model.seed);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), (foldFile != null ? "--fold-file: " : "--folds: ")
                            + e.getMessage());
                }
                List<String> reasons = new ArrayList<>();
                reportVerdict(spec, model, json, verdict(r.fitSummaries(), "fold", reasons), reasons, out);
                int k = r.folds();
                probs = r.outOfFold();
                labels = table.labels();
                double[] foldAuc = r.foldMetrics().stream().mapToDouble(MetricSummary::rocAuc).toArray();
                out.put("evaluation", foldFile != null ? k + "-fold cross-validation over the given folds"
                                : k + "-fold stratified cross-validation").put("folds", k)
                        .put("auc", r.meanAuc()).put("accuracy", r.mean(MetricSummary::accuracy))
                        .put("log_loss", r.mean(MetricSummary::logLoss)).put("f1", r.mean(MetricSummary::f1))
                        .put("fit_seconds", r.meanFitSeconds()).put("auc_std", r.std(MetricSummary::rocAuc))
                        .put("fold_auc", foldAuc).put("pr_auc", r.mean(MetricSummary::averagePrecision))
                        .put("brier", r.mean(MetricSummary::brierScore)).put("pooled", metrics(r.pooled()))
                        .put("converged", r.allConverged());
                if (!json) {
                    pw.printf(Locale.ROOT, "%s: %d rows, %s, %d-fold %s cross-validation, seed %d%n", csv,
                            table.rows(), model.model, k, foldFile != null ? "given" : "stratified", model.seed);
                    pw.print(r);
                    if (!r.allConverged()) {
                        pw.println("warning: the fit did not converge in every fold: " + r.fitSummaries().stream()
                                .filter(s -> !s.converged()).map(FitSummary::stopReason).toList());
                    }
                }
            }
            if (lostCost != null) {
                CostThreshold c;
                try {
                    c = CostThreshold.choose(labels, probs, lostCost, offerCost, saveRate);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
                out.put("cost_threshold", new Json().put("threshold", c.threshold()).put("flagged", c.flagged())
                        .put("cost", c.cost()).put("cost_no_offers", c.costFlagNone())
                        .put("cost_offers_to_all", c.costFlagAll()).put("break_even_probability",
                                c.breakEvenProbability()));
                if (!json) {
                    pw.print(c);
                }
            }
            if (save != null) {
                int[] all = new int[table.rows()];
                Arrays.setAll(all, i -> i);
                ChurnPipelineModel full = ChurnPipeline.fit(table, all, pre, learner);
                if (full.classifier().fitSummary().verdict() == Verdict.UNUSABLE && !model.allowDegenerate) {
                    throw new IllegalStateException("not saved: the fit on all rows is UNUSABLE: "
                            + String.join("; ", full.classifier().fitSummary().warnings())
                            + " (--allow-degenerate saves it anyway)");
                }
                full.save(save);
                out.put("saved", save.toString());
                if (!json) {
                    pw.println("saved the pipeline fitted on all " + table.rows() + " rows to " + save);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.put("seconds", seconds);
            if (json) {
                pw.println(out);
            } else {
                pw.printf(Locale.ROOT, "%.3f s%n", seconds);
            }
            pw.flush();
            return 0;
        }

        /** The split of --test-rows: the listed rows test, the others train. */
        private dev.retention.evaluation.TrainTestSplit givenSplit(int rows) throws IOException {
            int[] test = readInts(testRows, -1);
            boolean[] isTest = new boolean[rows];
            for (int i : test) {
                if (i < 0 || i >= rows) {
                    throw new IllegalArgumentException("row " + i + " is not in [0, " + rows + ")");
                }
                isTest[i] = true;
            }
            int[] train = java.util.stream.IntStream.range(0, rows).filter(i -> !isTest[i]).toArray();
            int[] sortedTest = java.util.stream.IntStream.range(0, rows).filter(i -> isTest[i]).toArray();
            return new dev.retention.evaluation.TrainTestSplit(train, sortedTest);
        }

        /** One integer per non-blank line; {@code expected} lines unless negative. */
        private int[] readInts(Path file, int expected) throws IOException {
            if (!java.nio.file.Files.exists(file)) {
                throw new OrderSource.MissingInputException(file, "no such file");
            }
            List<String> lines = java.nio.file.Files.readAllLines(file).stream().map(String::trim)
                    .filter(l -> !l.isEmpty()).toList();
            int[] v = new int[lines.size()];
            for (int i = 0; i < v.length; i++) {
                try {
                    v[i] = Integer.parseInt(lines.get(i));
                } catch (NumberFormatException e) {
                    throw new dev.retention.io.DataFormatException(file.toString(), i + 1, null, lines.get(i),
                            "expected an integer");
                }
            }
            if (expected >= 0 && v.length != expected) {
                throw new IllegalArgumentException(file + " has " + v.length + " values, the table has " + expected
                        + " rows");
            }
            return v;
        }

        /** Every combination of the grid's values (with the fixed parameters), named "k1=v1,k2=v2". */
        private Map<String, Map<String, String>> gridCandidates(Map<String, String> fixed) {
            List<String[]> axes = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, String> e : parseParams(spec, grid, "--grid").entrySet()) {
                keys.add(e.getKey());
                axes.add(e.getValue().split(","));
            }
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            int[] idx = new int[axes.size()];
            while (true) {
                Map<String, String> p = new LinkedHashMap<>(fixed);
                StringBuilder name = new StringBuilder();
                for (int k = 0; k < keys.size(); k++) {
                    String v = axes.get(k)[idx[k]].trim();
                    p.put(keys.get(k), v);
                    name.append(k == 0 ? "" : ",").append(keys.get(k)).append('=').append(v);
                }
                out.put(name.toString(), p);
                int k = axes.size() - 1;
                while (k >= 0 && ++idx[k] == axes.get(k).length) {
                    idx[k] = 0;
                    k--;
                }
                if (k < 0) {
                    return out;
                }
            }
        }
    }

    /** {@code retention churn score}. */
    @Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Train on earlier cutoffs of an order file, score the customers at a cutoff and list the "
                    + "riskiest with their reasons.")
    static final class Score implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        OrderSource source;

        @Option(names = "--cutoff", required = true, paramLabel = "YYYY-MM-DD",
                description = "Score the customers as of the start of this day (in --zone): only earlier lines are read.")
        LocalDate cutoff;

        @Option(names = "--horizon-days", required = true, paramLabel = "N",
                description = "Churn means no purchase within this many days after the cutoff.")
        int horizon;

        @Mixin
        ModelOptions model;

        @Option(names = "--train-cutoffs", paramLabel = "K",
                description = "Training cutoffs, the latest one horizon before the cutoff (default: the library's "
                        + "RankingOptions, 4).")
        Integer trainCutoffs;

        @Option(names = "--step-days", paramLabel = "D",
                description = "Days between training cutoffs (default: the library's RankingOptions, 30).")
        Integer stepDays;

        @Option(names = "--top", defaultValue = "20", paramLabel = "N",
                description = "Customers to list, riskiest first (default: ${DEFAULT-VALUE}); lapsed customers are "
                        + "counted, not listed, unless --lapsed.")
        int top;

        @Option(names = "--lapsed-after-days", paramLabel = "D",
                description = "A customer whose last purchase is at least this many days before the cutoff is lapsed "
                        + "(gone, not at risk): counted apart (default: the playbook's, 365).")
        Integer lapsedAfterDays;

        @Option(names = "--lapsed", description = "Also list the --top lapsed customers with the highest P(churn), "
                + "apart from those at risk.")
        boolean listLapsed;

        @Option(names = "--save-model", paramLabel = "FILE", description = "Save the fitted pipeline as a model file.")
        Path save;

        /** The former name of {@code --save-model}, hidden. */
        @Option(names = "--save", paramLabel = "FILE", hidden = true)
        void saveAlias(Path file) {
            save = file;
        }

        @Option(names = "--json", description = "Print one JSON object instead of tables.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (horizon < 1 || (trainCutoffs != null && trainCutoffs < 1) || (stepDays != null && stepDays < 1)
                    || top < 1 || (lapsedAfterDays != null && lapsedAfterDays < 1)) {
                throw new ParameterException(spec.commandLine(), "--horizon-days, --train-cutoffs, --step-days, "
                        + "--top and --lapsed-after-days must be >= 1");
            }
            // the library's defaults for rankings (training cutoffs, step, preprocessing with missing indicators)
            RankingOptions defaults = RankingOptions.of(Instant.EPOCH, horizon);
            int trainCutoffs = this.trainCutoffs != null ? this.trainCutoffs : defaults.trainingCutoffs();
            int stepDays = this.stepDays != null ? this.stepDays : defaults.stepDays();
            PreprocessOptions pre = model.preprocess(spec, defaults.preprocessing());
            Learner learner = learner(spec, model.model, model.paramMap(spec), model.seed, model.threads());
            long start = System.nanoTime();
            TransactionLog log = source.read();
            if (log.isEmpty()) {
                throw new IllegalArgumentException(source.orders + ": no purchase line to learn from");
            }
            Instant at = cutoff.atStartOfDay(source.zone).toInstant();
            if (ChurnRanking.trainingCutoffs(log, at, horizon, trainCutoffs, stepDays).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--cutoff " + cutoff + " leaves no training cutoff: the "
                        + "latest one, " + horizon + " days earlier, is before the first order");
            }
            StatusRule rule = lapsedAfterDays == null ? defaults.statusRule()
                    : defaults.statusRule().withLapsedAfterDays(lapsedAfterDays);
            ChurnRanking ranking = ChurnRanking.compute(log, RankingOptions.of(at, horizon)
                    .withTrainingCutoffs(trainCutoffs).withStepDays(stepDays).withPreprocessing(pre)
                    .withStatusRule(rule).withAllowUnusable(true), learner);   // the verdict is reported below, exit 1 unless allowed
            List<Instant> cutoffs = ranking.trainingCutoffs();
            Json out = OrderSource.putCancellers(putTraining(new Json().put("model", model.model), ranking), log);
            List<String> reasons = new ArrayList<>();
            reportVerdict(spec, model, json, verdict(List.of(ranking.pipeline().classifier().fitSummary()), "fit",
                    reasons), reasons, out);
            if (ranking.testAuc().isPresent()) {
                out.put("test_auc", orNull(ranking.testAuc())).put("test_churn_rate", orNull(ranking.testChurnRate()));
            }
            PrintWriter pw = spec.commandLine().getOut();
            if (!json) {
                pw.printf(Locale.ROOT, "%s: trained %s on %,d rows over %d cutoffs %s; %,d customers scored at %s%n",
                        source.orders, model.model, ranking.training().rows(), cutoffs.size(), cutoffs,
                        ranking.scored().rows(), ranking.cutoff());
                OrderSource.printCancellers(pw, log);
                if (ranking.testAuc().isPresent()) {
                    pw.printf(Locale.ROOT, "out-of-time check: ROC AUC %.4f against the actual %d-day churn after the "
                            + "cutoff%n", ranking.testAuc().getAsDouble(), horizon);
                }
                pw.printf(Locale.ROOT, "%,d lapsed (no purchase for %,d days or more: gone, not at risk; %s), %,d at "
                                + "risk (P(churn) >= %.2f), %,d active%n", ranking.count(CustomerStatus.LAPSED),
                        rule.lapsedAfterDays(), listLapsed ? "listed below" : "not listed, --lapsed lists them",
                        ranking.count(CustomerStatus.AT_RISK), rule.atRiskFrom(),
                        ranking.count(CustomerStatus.ACTIVE));
                pw.println("most at risk, not lapsed; reasons are groups of features with the customer's values, "
                        + "each group's push on the log-odds summed (up: towards churn; down: away from it)");
                printRiskiest(pw, ranking, top, NOT_LAPSED);
                if (listLapsed) {
                    pw.println("lapsed, highest P(churn) first (a win-back, not a retention, target)");
                    printRiskiest(pw, ranking, top, EnumSet.of(CustomerStatus.LAPSED));
                }
            }
            if (json) {
                out.put("status_counts", new Json().put("lapsed", ranking.count(CustomerStatus.LAPSED))
                        .put("at_risk", ranking.count(CustomerStatus.AT_RISK))
                        .put("active", ranking.count(CustomerStatus.ACTIVE)))
                        .put("lapsed_after_days", rule.lapsedAfterDays())
                        .put("riskiest", riskiestJson(ranking, top, 3, NOT_LAPSED));
                if (listLapsed) {
                    out.put("lapsed", riskiestJson(ranking, top, 3, EnumSet.of(CustomerStatus.LAPSED)));
                }
            }
            if (save != null) {
                ranking.pipeline().save(save);
                out.put("saved", save.toString());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.put("seconds", seconds);
            if (json) {
                pw.println(out);
            } else {
                pw.printf(Locale.ROOT, "%.3f s%n", seconds);
            }
            pw.flush();
            return 0;
        }
    }
}
