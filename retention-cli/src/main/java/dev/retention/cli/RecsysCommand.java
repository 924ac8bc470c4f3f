package dev.retention.cli;

import dev.retention.data.Interactions;
import dev.retention.io.Json;
import dev.retention.io.MovieLensReader;
import dev.retention.io.RatingsCsvReader;
import dev.retention.io.ReadOptions;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.Verdict;
import dev.retention.recsys.RatingPredictor;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.TopN;
import dev.retention.recsys.TopNOptions;
import dev.retention.recsys.evaluation.CrossValidation;
import dev.retention.recsys.evaluation.CvResult;
import dev.retention.recsys.evaluation.FoldResult;
import dev.retention.recsys.evaluation.GridSearch;
import dev.retention.recsys.evaluation.ModelFactory;
import dev.retention.recsys.content.ItemAttributes;
import dev.retention.recsys.ranking.NonMerchandise;
import dev.retention.recsys.ranking.RankingMetrics;
import dev.retention.recsys.ranking.RankingSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code retention recsys}: recommender commands; {@code eval} cross-validates a rating model (or a grid of them)
 * through the library's {@link CrossValidation} and {@link GridSearch}, with the algorithm names and text
 * parameters of {@link RecsysAlgorithms}.
 */
@Command(name = "recsys", mixinStandardHelpOptions = true, subcommands = {RecsysCommand.Eval.class,
        RecsysCommand.Rank.class, RecsysCommand.Recommend.class},
        description = "Recommenders: evaluate rating models on a ratings file, or top-N models on interactions.")
final class RecsysCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand; expected 'eval', 'rank' or "
                + "'recommend'");
    }

    /** Input formats of ratings files. */
    enum Format {
        ML_100K("ml-100k"), ML_1M("ml-1m"), CSV("csv");

        final String label;

        Format(String label) {
            this.label = label;
        }

        static Format parse(String s) {
            for (Format f : values()) {
                if (f.label.equals(s)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("unknown format '" + s + "'; expected ml-100k, ml-1m or csv");
        }
    }

    /**
     * {@code retention recsys eval}: k-fold cross-validation of a rating algorithm named by
     * {@link RecsysAlgorithms}; with {@code --grid}, of every combination of the grid's values on the same folds
     * ({@link GridSearch}), reporting the ranking and then the best as a single evaluation.
     */
    @Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
            description = "K-fold cross-validation of a rating algorithm: RMSE, MAE, MSE, FCP, fit and test times.")
    static final class Eval implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--ratings", required = true, paramLabel = "FILE",
                description = "Ratings file (plain or .xz-compressed).")
        Path ratings;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
                description = "ml-100k (u.data: user item rating timestamp, tab-separated), ml-1m (ratings.dat: "
                        + "user::item::rating::timestamp) or csv (header user,item,rating[,timestamp]).")
        Format format;

        @Option(names = "--algo", required = true, paramLabel = "NAME",
                description = "normal, baseline, knn-basic, knn-means, knn-zscore, knn-baseline, slope-one, pure-svd, svd, "
                        + "svdpp, nmf or co-clustering.")
        String algo;

        @Option(names = "--param", paramLabel = "KEY=VALUE",
                description = "An algorithm parameter, repeatable: user_based, sim, k, min_k, min_support, shrinkage, "
                        + "factors, seed, threads, method, n_epochs, reg_u, reg_i, learning_rate, reg; for svd, svdpp, "
                        + "nmf: epochs, lr, biased, init_std, init_mean, shuffle, lr_bu, lr_bi, lr_pu, lr_qi, lr_yj, "
                        + "reg_bu, reg_bi, reg_pu, reg_qi, reg_yj, init_low, init_high; for co-clustering: "
                        + "user_clusters, item_clusters, epochs.")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--grid", paramLabel = "KEY=V1,V2,...",
                description = "Grid search, repeatable: cross-validate every combination of these values on the same "
                        + "folds, rank them by RMSE and report the best.")
        List<String> grid = new ArrayList<>();

        @Option(names = "--folds", defaultValue = "5", description = "Number of folds (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the fold shuffle (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scale", paramLabel = "MIN,MAX", split = ",", defaultValue = "1,5",
                description = "The rating scale; predictions are clipped to it (default: ${DEFAULT-VALUE}).")
        double[] scale;

        @Option(names = "--out-of-scale", paramLabel = "reject|drop", defaultValue = "reject",
                description = "Ratings outside the scale: stop with an error, or drop and count them (default: ${DEFAULT-VALUE}).")
        String outOfScale;

        @Option(names = "--lenient", description = "Skip and count malformed lines instead of stopping at the first.")
        boolean lenient;

        @Option(names = "--json", description = "Print one JSON object instead of the table.")
        boolean json;

        @Option(names = "--allow-degenerate", description = "Exit 0 even when a fold's fit is UNUSABLE (diverged); "
                + "without it such a fit is reported and the command exits 1.")
        boolean allowDegenerate;

        /** What {@code recsys eval} says of PureSVD's figures: it ranks items, it does not estimate ratings. */
        static final String RANKING_NOTE = "PureSVD is a top-N ranking model: its scores are not rating estimates, "
                + "so RMSE, MAE and FCP do not measure what it is for; judge it by hit rate on a later period "
                + "(retention demo, HitRate.compute)";

        /** A point of the grid: the merged parameters; named by the algorithm, as a single evaluation is. */
        private record GridPoint(String algo, Map<String, String> params, String label, ModelFactory factory) {
            @Override
            public String toString() {
                return algo;
            }
        }

        @Override
        public Integer call() throws IOException {
            ModelFactory factory;
            List<GridPoint> points;
            RatingScale ratingScale;
            RatingScale.OutOfScale policy;
            try {
                factory = RecsysAlgorithms.factory(algo, params);
                points = gridPoints();
                if (scale.length != 2) {
                    throw new IllegalArgumentException("--scale needs two numbers MIN,MAX, got " + scale.length);
                }
                ratingScale = new RatingScale(scale[0], scale[1]);
                policy = switch (outOfScale) {
                    case "reject" -> RatingScale.OutOfScale.REJECT;
                    case "drop" -> RatingScale.OutOfScale.DROP;
                    default -> throw new IllegalArgumentException("--out-of-scale must be reject or drop, got '"
                            + outOfScale + "'");
                };
                if (folds < 2) {
                    throw new IllegalArgumentException("--folds must be >= 2, got " + folds);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            long start = System.nanoTime();
            long[] skipped = {0};
            ReadOptions read = ReadOptions.defaults().withStrict(!lenient).withSkipListener(e -> skipped[0]++);
            if (policy == RatingScale.OutOfScale.REJECT) {
                read = read.withRatingRange(ratingScale.min(), ratingScale.max());   // refused with file and line
            }
            Interactions interactions;
            try (Reader in = OrderSource.open(ratings)) {
                String source = String.valueOf(ratings.getFileName());
                interactions = switch (format) {
                    case ML_100K -> MovieLensReader.read100k(in, source, read);
                    case ML_1M -> MovieLensReader.read1m(in, source, read);
                    case CSV -> RatingsCsvReader.read(in, source, read);
                };
            }
            if (interactions.size() == 0) {
                throw new IllegalStateException(ratings + ": no ratings read" + (skipped[0] > 0 ? " (" + skipped[0]
                        + " malformed lines skipped)" : " (the file is empty or holds only a header)"));
            }
            Ratings data = Ratings.of(interactions, ratingScale, policy);
            if (data.size() == 0) {
                throw new IllegalStateException(ratings + ": every one of the " + interactions.size()
                        + " ratings is outside the rating scale " + ratingScale + " and was dropped");
            }
            if (folds > data.size()) {
                throw new ParameterException(spec.commandLine(), "--folds " + folds + " is more than the "
                        + data.size() + " ratings: some folds would be empty");
            }
            GridSearch.Result<GridPoint> search = null;
            Map<String, String> used = params;
            CvResult result;
            Map<String, List<FitSummary>> fits = new LinkedHashMap<>();
            String bestLabel = "";
            if (points.isEmpty()) {
                result = CrossValidation.evaluate(data, algo, recording(factory, fits, ""), folds, seed);
            } else {
                search = GridSearch.evaluate(data, points,
                        (train, point) -> recording(point.factory(), fits, point.label()).fit(train), folds, seed);
                result = search.best().result();
                used = search.best().candidate().params();
                bestLabel = search.best().candidate().label();
            }
            FitVerdict verdict = FitVerdict.of(fits.getOrDefault(bestLabel, List.of()));
            String note = algo.equals("pure-svd") ? RANKING_NOTE : null;
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json j = toJson(result, used, data, skipped[0], seconds);
                j.put("verdict", verdict.verdict().name()).put("verdict_reasons", verdict.reasons());
                if (note != null) {
                    j.put("note", note);
                }
                if (search != null) {
                    List<Json> ranked = new ArrayList<>();
                    for (GridSearch.Entry<GridPoint> e : search.entries()) {
                        ranked.add(new Json().put("params", new LinkedHashMap<>(e.candidate().params()))
                                .put("rmse", e.result().rmse()).put("mae", e.result().mae()));
                    }
                    j.put("grid", ranked).put("best", search.best().candidate().label());
                }
                out.println(j);
            } else {
                out.println(ratings + ": " + data + (skipped[0] > 0 ? ", " + skipped[0] + " malformed lines skipped" : ""));
                if (verdict.verdict() == Verdict.UNUSABLE) {
                    out.println(verdict.line());
                }
                if (note != null) {
                    out.println("note: " + note);
                }
                if (search != null) {
                    out.printf(Locale.ROOT, "grid search of %s over %d combinations, %d folds, seed %d; by mean RMSE:%n",
                            algo, points.size(), folds, seed);
                    out.printf(Locale.ROOT, "%8s %8s  %s%n", "RMSE", "MAE", "parameters");
                    for (GridSearch.Entry<GridPoint> e : search.entries()) {
                        out.printf(Locale.ROOT, "%8.4f %8.4f  %s%n", e.result().rmse(), e.result().mae(),
                                e.candidate().label());
                    }
                }
                out.println("algorithm " + algo + (used.isEmpty() ? "" : " " + used) + ", " + folds
                        + " folds, seed " + seed);
                out.print(result);
                out.printf(Locale.ROOT, "median fit %.4f s, median test %.4f s, %d predictions fell back%n",
                        result.medianFitSeconds(), result.medianTestSeconds(), result.impossible());
                out.println(verdict.line());
                out.printf(Locale.ROOT, "%.3f s%n", seconds);
            }
            out.flush();
            if (verdict.verdict() == Verdict.UNUSABLE && !allowDegenerate) {
                spec.commandLine().getErr().println("recsys eval: " + verdict.line()
                        + "; the figures above are those of the fallback (--allow-degenerate exits 0 anyway)");
                return 1;
            }
            out.flush();
            return 0;
        }

        /** A factory that keeps the fit summary of every model it fits, under {@code key}. */
        private static ModelFactory recording(ModelFactory factory, Map<String, List<FitSummary>> fits, String key) {
            return train -> {
                RatingPredictor model = factory.fit(train);
                if (model instanceof Model m) {
                    fits.computeIfAbsent(key, k -> new ArrayList<>()).add(m.fitSummary());
                }
                return model;
            };
        }

        /**
         * Every combination of the {@code --grid} values (the last key varying fastest) over the {@code --param}
         * values, each checked by building its factory; empty without {@code --grid}.
         *
         * @throws IllegalArgumentException for a malformed grid, a key given twice, or a bad value
         */
        private List<GridPoint> gridPoints() {
            Map<String, List<String>> axes = new LinkedHashMap<>();
            for (String g : grid) {
                int eq = g.indexOf('=');
                if (eq <= 0 || eq == g.length() - 1) {
                    throw new IllegalArgumentException("--grid must be KEY=V1,V2,..., got '" + g + "'");
                }
                String key = g.substring(0, eq).trim();
                if (params.containsKey(key) || axes.containsKey(key)) {
                    throw new IllegalArgumentException("--grid key '" + key + "' is given twice (in --grid or --param)");
                }
                List<String> values = new ArrayList<>();
                for (String v : g.substring(eq + 1).split(",", -1)) {
                    values.add(v.trim());
                }
                axes.put(key, values);
            }
            List<GridPoint> points = new ArrayList<>();
            if (axes.isEmpty()) {
                return points;
            }
            List<String> keys = new ArrayList<>(axes.keySet());
            int[] at = new int[keys.size()];
            while (true) {
                Map<String, String> merged = new LinkedHashMap<>(params);
                StringBuilder label = new StringBuilder();
                for (int k = 0; k < keys.size(); k++) {
                    String v = axes.get(keys.get(k)).get(at[k]);
                    merged.put(keys.get(k), v);
                    label.append(k == 0 ? "" : ",").append(keys.get(k)).append('=').append(v);
                }
                points.add(new GridPoint(algo, merged, label.toString(), RecsysAlgorithms.factory(algo, merged)));
                int k = keys.size() - 1;
                while (k >= 0 && ++at[k] == axes.get(keys.get(k)).size()) {
                    at[k] = 0;
                    k--;
                }
                if (k < 0) {
                    return points;
                }
            }
        }

        private Json toJson(CvResult r, Map<String, String> used, Ratings data, long skipped, double seconds) {
            List<Json> perFold = new ArrayList<>();
            for (FoldResult f : r.folds()) {
                perFold.add(new Json().put("rmse", f.rmse()).put("mae", f.mae()).put("mse", f.mse())
                        .put("fcp", f.fcp()).put("fit_seconds", f.fitSeconds()).put("test_seconds", f.testSeconds())
                        .put("test_size", f.testSize()).put("impossible", f.impossible()));
            }
            return new Json()
                    .put("algo", algo)
                    .put("folds", r.folds().size())
                    .put("rmse", r.rmse())
                    .put("mae", r.mae())
                    .put("fit_seconds", r.fitSeconds())
                    .put("test_seconds", r.testSeconds())
                    .put("mse", r.mse())
                    .put("fcp", r.fcp())
                    .put("rmse_std", r.std(FoldResult::rmse))
                    .put("mae_std", r.std(FoldResult::mae))
                    .put("fit_seconds_median", r.medianFitSeconds())
                    .put("test_seconds_median", r.medianTestSeconds())
                    .put("impossible", r.impossible())
                    .put("params", new LinkedHashMap<>(used))
                    .put("seed", seed)
                    .put("ratings", data.size())
                    .put("users", data.userCount())
                    .put("items", data.itemCount())
                    .put("duplicates_resolved", data.duplicatesResolved())
                    .put("out_of_scale_dropped", data.droppedOutOfScale())
                    .put("malformed_skipped", skipped)
                    .put("per_fold", perFold)
                    .put("seconds", seconds);
        }
    }

    /**
     * {@code retention recsys rank}: a top-N recommender ({@link RecsysAlgorithms#rankingFactory}) fitted on the
     * training part of a split and scored by {@link RankingMetrics} at {@code k} over the full catalogue, with the
     * definitions of {@code implicit.evaluation.ranking_metrics_at_k}; values become 1 unless {@code --values raw}.
     */
    @Command(name = "rank", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Top-N evaluation on implicit feedback: precision, recall, NDCG, MAP, AUC, hit rate, MRR, "
                    + "coverage at k, fit and evaluation times.")
    static final class Rank implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--interactions", paramLabel = "FILE",
                description = "Interactions file (plain or .xz-compressed); not used with --split given.")
        Path interactions;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
                description = "ml-100k, ml-1m, csv (header user,item,rating[,timestamp]) or online-retail (orders: "
                        + "per customer and item the number of orders holding it, at the latest purchase) "
                        + "(default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--keep-non-merchandise", description = "online-retail: keep postage, carriage, fees, samples, "
                + "discounts, adjustments and gift vouchers as items (by default they are removed and counted).")
        boolean keepNonMerchandise;

        @Option(names = "--algo", required = true, paramLabel = "NAME",
                description = "als, bpr, item-knn, ease, popularity, content or hybrid.")
        String algo;

        @Option(names = "--item-attributes", paramLabel = "FILE",
                description = "Item attributes for content and hybrid (plain or .xz-compressed).")
        Path itemAttributes;

        @Option(names = "--attributes-format", paramLabel = "FORMAT", defaultValue = "ml-100k-genres",
                description = "ml-100k-genres (u.item) or online-retail (the Description column) "
                        + "(default: ${DEFAULT-VALUE}).")
        String attributesFormat;

        @Option(names = "--split", defaultValue = "random", paramLabel = "KIND",
                description = "random (interactions), user (per-user holdout), last (leave-last-out), time "
                        + "(--cutoff) or given (--train, --test) (default: ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--train", paramLabel = "FILE", description = "With --split given: user,item[,value] CSV.")
        Path train;

        @Option(names = "--test", paramLabel = "FILE", description = "With --split given: user,item[,value] CSV.")
        Path test;

        @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
                description = "Held-out share for --split random and user (default: ${DEFAULT-VALUE}).")
        double testFraction;

        @Option(names = "--cutoff", paramLabel = "YYYY-MM-DD", description = "With --split time: the first test day (UTC).")
        java.time.LocalDate cutoff;

        @Option(names = "--k", defaultValue = "10", description = "The cut-off of the lists (default: ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the random splits (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--values", defaultValue = "binary", paramLabel = "binary|raw",
                description = "Every interaction counts 1, or its value (default: ${DEFAULT-VALUE}).")
        String values;

        @Option(names = "--param", paramLabel = "KEY=VALUE",
                description = "An algorithm parameter, repeatable: for als factors (100), iterations (15), "
                        + "regularization (0.01), alpha (1), cg_steps (3; 0: Cholesky), seed (0), threads (1), "
                        + "confidence (scaled|linear|log|bm25|tfidf); for "
                        + "item-knn k (neighbours, 20), weighting (cosine|bm25|tfidf), k1 (1.2), b (0.75), threads (1); "
                        + "for popularity measure (users|sum); for bpr factors (100), iterations (100), "
                        + "regularization (0.01), learning_rate (0.01), negatives (uniform|popularity), seed (0), "
                        + "threads (1); for ease lambda (500), threads (1); for content k (neighbours, 50), threads (1); "
                        + "for hybrid collaborative (item-knn|als|bpr|ease), min_purchases (3), k (50), threads (1).")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--repeats", defaultValue = "1", paramLabel = "N",
                description = "Fit N times on the same training data and report the median fit time (the first fits "
                        + "of a fresh JVM run interpreted code); the metrics are those of the last fit "
                        + "(default: ${DEFAULT-VALUE}).")
        int repeats;

        @Option(names = "--warmups", defaultValue = "0", paramLabel = "N",
                description = "Fit N times first without timing, so that the timed fits run compiled code as in a "
                        + "long-running service (default: ${DEFAULT-VALUE}).")
        int warmups;

        @Option(names = "--json", description = "Print one JSON object instead of the table.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            ModelFactory factory;
            boolean binary;
            try {
                ItemAttributes attributes = RecsysAlgorithms.needsAttributes(algo)
                        ? readAttributes(itemAttributes, attributesFormat) : null;
                factory = RecsysAlgorithms.rankingFactory(algo, params, attributes);
                if (k < 1) {
                    throw new IllegalArgumentException("--k must be >= 1, got " + k);
                }
                if (repeats < 1 || repeats > 1000) {
                    throw new IllegalArgumentException("--repeats must be in [1, 1000], got " + repeats);
                }
                if (warmups < 0 || warmups > 1000) {
                    throw new IllegalArgumentException("--warmups must be in [0, 1000], got " + warmups);
                }
                binary = switch (values) {
                    case "binary" -> true;
                    case "raw" -> false;
                    default -> throw new IllegalArgumentException("--values must be binary or raw, got '" + values + "'");
                };
                if (!List.of("ml-100k", "ml-1m", "csv", "online-retail").contains(format)) {
                    throw new IllegalArgumentException("--format must be ml-100k, ml-1m, csv or online-retail, got '"
                            + format + "'");
                }
                if (split.equals("given")) {
                    if (train == null || test == null) {
                        throw new IllegalArgumentException("--split given needs --train FILE and --test FILE");
                    }
                    for (Path f : new Path[] {train, test}) {
                        if (!java.nio.file.Files.isRegularFile(f)) {
                            throw new IllegalArgumentException("no such file: " + f);
                        }
                    }
                } else {
                    if (interactions == null) {
                        throw new IllegalArgumentException("--split " + split + " needs --interactions FILE");
                    }
                    if (!List.of("random", "user", "last", "time").contains(split)) {
                        throw new IllegalArgumentException("--split must be random, user, last, time or given, got '"
                                + split + "'");
                    }
                    if (split.equals("time") && cutoff == null) {
                        throw new IllegalArgumentException("--split time needs --cutoff YYYY-MM-DD");
                    }
                    if ((split.equals("random") || split.equals("user")) && !(testFraction > 0 && testFraction < 1)) {
                        throw new IllegalArgumentException("--test-fraction must be in (0, 1), got " + testFraction);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            RankingSplit data = split.equals("given") ? RankingSplit.read(train, test, binary) : splitOf(read(), binary);
            if (data.train().size() == 0) {
                throw new IllegalStateException(data.description() + ": the training part holds no interaction");
            }
            for (int r = 0; r < warmups; r++) {
                factory.fit(data.train());
            }
            double[] fits = new double[repeats];
            RatingPredictor model = null;
            for (int r = 0; r < repeats; r++) {
                long begin = System.nanoTime();
                model = factory.fit(data.train());
                fits[r] = (System.nanoTime() - begin) / 1e9;
            }
            java.util.Arrays.sort(fits);
            double fitSeconds = repeats % 2 == 1 ? fits[repeats / 2] : (fits[repeats / 2 - 1] + fits[repeats / 2]) / 2;
            long start = System.nanoTime();
            RankingMetrics m = RankingMetrics.compute(model, data, k);
            double evalSeconds = (System.nanoTime() - start) / 1e9;
            FitSummary summary = model instanceof Model fitted ? fitted.fitSummary() : null;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new Json().put("algo", algo).put("k", k).put("precision", m.precision())
                        .put("recall", m.recall()).put("ndcg", m.ndcg()).put("map", m.map()).put("auc", m.auc())
                        .put("hit_rate", m.hitRate()).put("mrr", m.mrr()).put("coverage", m.coverage())
                        .put("users_evaluated", m.usersEvaluated()).put("fit_seconds", fitSeconds)
                        .put("fit_repeats", repeats).put("fit_warmups", warmups)
                        .put("eval_seconds", evalSeconds).put("novelty", m.novelty())
                        .put("users_skipped", m.usersSkipped()).put("split", data.description())
                        .put("users", data.train().userCount()).put("items", data.train().itemCount())
                        .put("train", data.train().size()).put("test", data.test().size())
                        .put("overlap", data.overlap()).put("params", new LinkedHashMap<>(params))
                        .put("non_merchandise_items_removed", itemsRemoved)
                        .put("non_merchandise_interactions_removed", interactionsRemoved)
                        .put("verdict", summary == null ? "FINE" : summary.verdict().name()));
            } else {
                out.print(data);
                if (itemsRemoved > 0) {
                    out.printf(Locale.ROOT, "non-merchandise removed: %,d items, %,d interactions%n", itemsRemoved,
                            interactionsRemoved);
                }
                out.println("algorithm " + algo + (params.isEmpty() ? "" : " " + params));
                out.print(m);
                out.printf(Locale.ROOT, "fit %.4f s%s%s, evaluation %.4f s%n", fitSeconds,
                        repeats > 1 ? " (median of " + repeats + ")" : "",
                        warmups > 0 ? " after " + warmups + " untimed fits" : "", evalSeconds);
            }
            out.flush();
            return 0;
        }

        /** Non-merchandise items and interactions removed, for the report. */
        private int itemsRemoved;
        private int interactionsRemoved;

        private Interactions read() throws IOException {
            long[] skipped = {0};
            ReadOptions read = ReadOptions.defaults().withSkipListener(e -> skipped[0]++);
            Interactions result;
            try (Reader in = OrderSource.open(interactions)) {
                String source = String.valueOf(interactions.getFileName());
                result = switch (format) {
                    case "ml-100k" -> MovieLensReader.read100k(in, source, read);
                    case "ml-1m" -> MovieLensReader.read1m(in, source, read);
                    case "online-retail" -> purchases(dev.retention.io.OnlineRetailReader.read(in, source,
                            ReadOptions.defaults()));
                    default -> RatingsCsvReader.read(in, source, read);
                };
            }
            if (format.equals("online-retail") && !keepNonMerchandise) {
                NonMerchandise.Filtered f = NonMerchandise.onlineRetail().apply(result);
                itemsRemoved = f.itemsRemoved();
                interactionsRemoved = f.interactionsRemoved();
                result = f.kept();
            }
            if (result.size() == 0) {
                throw new IllegalStateException(interactions + ": no interactions read (the file is empty or holds "
                        + "only a header)");
            }
            return result;
        }

        /**
         * Purchases as interactions: per customer and item the number of orders holding it. For a time split, the
         * training pairs are counted on the orders before the cut only (their times before it) and the test pairs
         * are the pairs first bought at or after it (a repeat purchase of a pair bought before is not a test pair);
         * otherwise each pair carries its latest purchase time.
         */
        private Interactions purchases(dev.retention.data.TransactionLog log) {
            if (!split.equals("time")) {
                return Interactions.fromTransactions(log, Interactions.ImplicitValue.ORDERS);
            }
            long cut = cutoff.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
            Interactions before = Interactions.fromTransactions(log.before(cut), Interactions.ImplicitValue.ORDERS);
            Interactions.Builder b = Interactions.builder(Interactions.Duplicates.KEEP_LAST);
            java.util.Set<String> known = new java.util.HashSet<>();
            for (int p = 0; p < before.size(); p++) {
                String u = before.users().id(before.user(p));
                String i = before.items().id(before.item(p));
                known.add(u + '\u0000' + i);
                b.add(u, i, before.value(p), before.time(p));
            }
            for (int line = 0; line < log.size(); line++) {
                if (log.time(line) < cut || log.isCancellation(line) || log.item(line) < 0) {
                    continue;
                }
                String u = log.customers().id(log.customer(line));
                String i = log.items().id(log.item(line));
                if (!known.contains(u + '\u0000' + i)) {
                    b.add(u, i, 1f, log.time(line));
                }
            }
            return b.build();
        }

        private RankingSplit splitOf(Interactions data, boolean binary) {
            return switch (split) {
                case "random" -> RankingSplit.random(data, testFraction, seed, binary);
                case "user" -> RankingSplit.perUser(data, testFraction, seed, binary);
                case "last" -> RankingSplit.leaveLastOut(data, binary);
                case "time" -> RankingSplit.time(data, cutoff.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond(),
                        binary);
                default -> throw new AssertionError(split);
            };
        }
    }

    /**
     * {@code retention recsys recommend}: a top-N recommender ({@link RecsysAlgorithms#rankingFactory}) fitted on every
     * interaction of a file, and each customer's best {@code n} items not bought yet written to CSV with external ids
     * ({@code customer,rank,item,score}, and {@code source} for the hybrid); non-merchandise items removed by default.
     */
    @Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Fit a top-N recommender on all purchases and write every customer's top N items not bought "
                    + "yet to CSV.")
    static final class Recommend implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--orders", required = true, paramLabel = "FILE",
                description = "Orders or interactions file (plain or .xz-compressed).")
        Path orders;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "online-retail",
                description = "online-retail (per customer and item the number of orders holding it), ml-100k, ml-1m "
                        + "or csv (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--keep-non-merchandise", description = "online-retail: keep postage, fees and the like as "
                + "items (by default they are removed).")
        boolean keepNonMerchandise;

        @Option(names = "--algo", defaultValue = "item-knn", paramLabel = "NAME",
                description = "als, bpr, item-knn, ease, popularity, content or hybrid (default: ${DEFAULT-VALUE}).")
        String algo;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "An algorithm parameter, repeatable, as "
                + "for recsys rank.")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--item-attributes", paramLabel = "FILE", description = "Item attributes for content and "
                + "hybrid.")
        Path itemAttributes;

        @Option(names = "--attributes-format", paramLabel = "FORMAT", defaultValue = "online-retail",
                description = "ml-100k-genres or online-retail (default: ${DEFAULT-VALUE}).")
        String attributesFormat;

        @Option(names = "--values", defaultValue = "binary", paramLabel = "binary|raw",
                description = "Every interaction counts 1, or its value (default: ${DEFAULT-VALUE}).")
        String values;

        @Option(names = "--n", defaultValue = "10", description = "Items per customer (default: ${DEFAULT-VALUE}).")
        int n;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
        Path out;

        @Option(names = "--threads", defaultValue = "1", description = "Threads computing the lists (the file does "
                + "not depend on it; default: ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() throws IOException {
            ModelFactory factory;
            boolean binary;
            try {
                if (threads < 1 || threads > 1024) {
                    throw new IllegalArgumentException("--threads must be in [1, 1024], got " + threads);
                }
                ItemAttributes attributes = RecsysAlgorithms.needsAttributes(algo)
                        ? readAttributes(itemAttributes, attributesFormat) : null;
                factory = RecsysAlgorithms.rankingFactory(algo, params, attributes);
                if (n < 1 || n > 100_000) {
                    throw new IllegalArgumentException("--n must be in [1, 100000], got " + n);
                }
                binary = switch (values) {
                    case "binary" -> true;
                    case "raw" -> false;
                    default -> throw new IllegalArgumentException("--values must be binary or raw, got '" + values + "'");
                };
                if (!List.of("ml-100k", "ml-1m", "csv", "online-retail").contains(format)) {
                    throw new IllegalArgumentException("--format must be online-retail, ml-100k, ml-1m or csv, got '"
                            + format + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            OrderSource.checkOutput(spec, out, "--out");
            Rank reader = new Rank();
            reader.interactions = orders;
            reader.format = format;
            reader.keepNonMerchandise = keepNonMerchandise;
            reader.split = "random";
            Interactions data = reader.read();
            int[] u = new int[data.size()];
            int[] i = new int[data.size()];
            float[] v = new float[data.size()];
            float max = 0;
            for (int p = 0; p < data.size(); p++) {
                u[p] = data.user(p);
                i[p] = data.item(p);
                v[p] = binary ? 1f : data.value(p);
                max = Math.max(max, v[p]);
            }
            Ratings train = Ratings.of(dev.retention.recsys.sparse.CsrMatrix.fromTriples(data.users().size(),
                    data.items().size(), u, i, v), new RatingScale(0, Math.max(1, max)),
                    data.users(), data.items());
            long begin = System.nanoTime();
            RatingPredictor model = factory.fit(train);
            double fitSeconds = (System.nanoTime() - begin) / 1e9;
            dev.retention.recsys.hybrid.HybridModel hybrid = model instanceof dev.retention.recsys.hybrid.HybridModel h
                    ? h : null;
            // bought items left out; non-merchandise is removed from the data when read, and also barred from the
            // lists by id so that no model (content neighbours, popularity) can bring one back
            TopNOptions listOptions = TopNOptions.defaults().withN(Math.min(n, train.itemCount()))
                    .withExcludeSeen(true).withThreads(threads);
            if (format.equals("online-retail") && !keepNonMerchandise) {
                listOptions = listOptions.withoutIds(train.items(), NonMerchandise.onlineRetail()::matches);
            }
            dev.retention.recsys.Recommendations[] lists = TopN.recommendAll(model, train, listOptions);
            long lines = 0;
            try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(out,
                    java.nio.charset.StandardCharsets.UTF_8)) {
                w.write(hybrid == null ? "customer,rank,item,score\n" : "customer,rank,item,score,source\n");
                for (int user = 0; user < train.userCount(); user++) {
                    dev.retention.recsys.Recommendations r = lists[user];
                    // the lists do not carry the hybrid's sources: the user's are recomputed (one more scoring)
                    dev.retention.recsys.hybrid.Source[] sources = hybrid == null ? null : hybrid.sources(user);
                    for (int t = 0; t < r.size(); t++) {
                        w.write(CsvText.field(r.userId()) + "," + (t + 1) + "," + CsvText.field(r.itemId(t)) + ","
                                + r.score(t) + (sources == null ? "" : "," + sources[r.item(t)].name().toLowerCase(
                                Locale.ROOT)) + "\n");
                        lines++;
                    }
                }
            }
            PrintWriter pw = spec.commandLine().getOut();
            if (reader.itemsRemoved > 0) {
                pw.printf(Locale.ROOT, "non-merchandise removed: %,d items, %,d interactions%n", reader.itemsRemoved,
                        reader.interactionsRemoved);
            }
            pw.printf(Locale.ROOT, "%s on %,d customers x %,d items (%,d interactions), fit %.3f s; %,d lines written "
                    + "to %s%n", algo, train.userCount(), train.itemCount(), train.size(), fitSeconds, lines, out);
            pw.flush();
            return 0;
        }
    }

    /**
     * Reads item attributes for {@code content} and {@code hybrid}: MovieLens 100K's {@code u.item} genres or the
     * Online Retail file's descriptions (plain or .xz).
     *
     * @throws IllegalArgumentException if the file is missing, the format unknown, or the file malformed
     */
    static ItemAttributes readAttributes(Path file, String format) {
        if (file == null) {
            throw new IllegalArgumentException("content and hybrid need --item-attributes FILE");
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        try (Reader in = OrderSource.open(file)) {
            return switch (format) {
                case "ml-100k-genres" -> ItemAttributes.readMovieLensGenres(in, String.valueOf(file));
                case "online-retail" -> ItemAttributes.readOnlineRetailDescriptions(in, String.valueOf(file));
                default -> throw new IllegalArgumentException("--attributes-format must be ml-100k-genres or "
                        + "online-retail, got '" + format + "'");
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Parses {@code --format}. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.parse(value);
        }
    }

    /** The worst verdict over the folds' fits, with their distinct reasons. */
    record FitVerdict(Verdict verdict, List<String> reasons, int folds, int unusable) {

        private static final String NOT_CONVERGED = "did not converge: ";

        static FitVerdict of(List<FitSummary> fits) {
            Verdict worst = Verdict.FINE;
            java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
            int unusable = 0;
            for (FitSummary s : fits) {
                if (s.verdict().compareTo(worst) > 0) {
                    worst = s.verdict();
                }
                unusable += s.verdict() == Verdict.UNUSABLE ? 1 : 0;
                reasons.addAll(s.warnings());
            }
            // a diverged fit's stop reason repeats its unusable reason: keep it once
            reasons.removeIf(r -> r.startsWith(NOT_CONVERGED) && reasons.contains(r.substring(NOT_CONVERGED.length())));
            return new FitVerdict(worst, List.copyOf(reasons), fits.size(), unusable);
        }

        /** {@return one line: the verdict, how many folds were unusable, and the reasons} */
        String line() {
            return "verdict " + verdict + (unusable > 0 ? " (" + unusable + " of " + folds + " fold fits unusable)" : "")
                    + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
        }
    }
}
