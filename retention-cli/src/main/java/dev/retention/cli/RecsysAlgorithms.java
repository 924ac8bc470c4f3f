package dev.retention.cli;

import dev.retention.recsys.Confidence;
import dev.retention.recsys.als.AlsOptions;
import dev.retention.recsys.als.ImplicitAls;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.baseline.NormalPredictor;
import dev.retention.recsys.baseline.NormalPredictorOptions;
import dev.retention.recsys.ItemRecommender;
import dev.retention.recsys.bpr.Bpr;
import dev.retention.recsys.bpr.BprOptions;
import dev.retention.recsys.content.ContentOptions;
import dev.retention.recsys.content.ContentRecommender;
import dev.retention.recsys.content.ItemAttributes;
import dev.retention.recsys.ease.Ease;
import dev.retention.recsys.ease.EaseOptions;
import dev.retention.recsys.evaluation.ModelFactory;
import dev.retention.recsys.hybrid.Hybrid;
import dev.retention.recsys.hybrid.HybridOptions;
import dev.retention.recsys.factorization.CoClustering;
import dev.retention.recsys.factorization.CoClusteringOptions;
import dev.retention.recsys.factorization.FactorOptions;
import dev.retention.recsys.factorization.Nmf;
import dev.retention.recsys.factorization.NmfOptions;
import dev.retention.recsys.factorization.Svd;
import dev.retention.recsys.factorization.SvdPlusPlus;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.recsys.knn.Knn;
import dev.retention.recsys.knn.KnnOptions;
import dev.retention.recsys.knn.KnnVariant;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityOptions;
import dev.retention.recsys.slopeone.SlopeOne;
import dev.retention.recsys.svd.PureSvd;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.sparse.SvdOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rating algorithms of {@code retention recsys eval} by name, with parameters given as text
 * ({@code --param key=value} and {@code --grid key=v1,v2}), turned into the library's typed options. Names and
 * parameters, with Surprise's defaults:
 * <ul>
 *   <li>{@code normal}: {@code seed} (0)</li>
 *   <li>{@code baseline}: {@code method} (als|sgd), {@code n_epochs} (10 ALS, 20 SGD), {@code reg_u} (15),
 *       {@code reg_i} (10), {@code learning_rate} (0.005), {@code reg} (0.02)</li>
 *   <li>{@code knn-basic}, {@code knn-means}, {@code knn-zscore}, {@code knn-baseline}: {@code user_based}
 *       (true), {@code sim} (msd; cosine, pearson, pearson_baseline, jaccard, adjusted_cosine), {@code k} (40),
 *       {@code min_k} (1), {@code min_support} (1), {@code shrinkage} (100), {@code threads} (1), and the
 *       baseline parameters above for the baselines of {@code knn-baseline} and {@code pearson_baseline}</li>
 *   <li>{@code slope-one}: none</li>
 *   <li>{@code pure-svd}: {@code factors} (50), {@code seed} (0), {@code threads} (1)</li>
 *   <li>{@code svd}: {@code factors} (100), {@code epochs} (20), {@code lr} (0.005, every rate), {@code reg} (0.02,
 *       every term), {@code biased} (true), {@code init_mean} (0), {@code init_std} (0.1), {@code seed} (0),
 *       {@code shuffle} (false), and the separate rates and terms {@code lr_bu}, {@code lr_bi}, {@code lr_pu},
 *       {@code lr_qi}, {@code reg_bu}, {@code reg_bi}, {@code reg_pu}, {@code reg_qi} (they override {@code lr}
 *       and {@code reg})</li>
 *   <li>{@code svdpp}: as {@code svd} with SVD++'s defaults (20 factors, lr 0.007) and {@code lr_yj}, {@code reg_yj};
 *       no {@code biased}</li>
 *   <li>{@code nmf}: {@code factors} (15), {@code epochs} (50), {@code biased} (false), {@code reg_pu} (0.06),
 *       {@code reg_qi} (0.06), {@code reg_bu} (0.02), {@code reg_bi} (0.02), {@code lr_bu} (0.005), {@code lr_bi}
 *       (0.005), {@code init_low} (0), {@code init_high} (1), {@code seed} (0)</li>
 *   <li>{@code co-clustering}: {@code user_clusters} (3), {@code item_clusters} (3), {@code epochs} (20),
 *       {@code seed} (0)</li>
 * </ul>
 * Unknown names, unknown parameters and malformed values are {@link IllegalArgumentException}s naming them.
 */
final class RecsysAlgorithms {

    private static final List<String> BASELINE_PARAMS = List.of("method", "n_epochs", "reg_u", "reg_i",
            "learning_rate", "reg");
    private static final List<String> FACTOR_PARAMS = List.of("factors", "epochs", "lr", "reg", "biased",
            "init_mean", "init_std", "seed", "shuffle", "lr_bu", "lr_bi", "lr_pu", "lr_qi", "reg_bu", "reg_bi", "reg_pu",
            "reg_qi");
    private static final Map<String, List<String>> PARAMS = new LinkedHashMap<>();

    static {
        PARAMS.put("normal", List.of("seed"));
        PARAMS.put("baseline", BASELINE_PARAMS);
        List<String> knn = new java.util.ArrayList<>(List.of("user_based", "sim", "k", "min_k", "min_support",
                "shrinkage", "threads"));
        knn.addAll(BASELINE_PARAMS);
        for (String name : List.of("knn-basic", "knn-means", "knn-zscore", "knn-baseline")) {
            PARAMS.put(name, List.copyOf(knn));
        }
        PARAMS.put("slope-one", List.of());
        PARAMS.put("pure-svd", List.of("factors", "seed", "threads"));
        PARAMS.put("svd", FACTOR_PARAMS);
        List<String> svdpp = new java.util.ArrayList<>(FACTOR_PARAMS);
        svdpp.remove("biased");
        svdpp.addAll(List.of("lr_yj", "reg_yj"));
        PARAMS.put("svdpp", List.copyOf(svdpp));
        PARAMS.put("nmf", List.of("factors", "epochs", "biased", "reg_pu", "reg_qi", "reg_bu", "reg_bi", "lr_bu",
                "lr_bi", "init_low", "init_high", "seed"));
        PARAMS.put("co-clustering", List.of("user_clusters", "item_clusters", "epochs", "seed"));
    }

    private RecsysAlgorithms() {
    }

    /** Top-N algorithms of {@code recsys rank} and their parameters. */
    private static final Map<String, List<String>> RANKING_PARAMS = new LinkedHashMap<>();

    static {
        RANKING_PARAMS.put("popularity", List.of("measure"));
        RANKING_PARAMS.put("item-knn", List.of("k", "weighting", "k1", "b", "threads"));
        RANKING_PARAMS.put("als", List.of("factors", "iterations", "regularization", "alpha", "cg_steps", "seed",
                "threads", "confidence"));
        RANKING_PARAMS.put("bpr", List.of("factors", "iterations", "regularization", "learning_rate", "negatives",
                "seed", "threads"));
        RANKING_PARAMS.put("ease", List.of("lambda", "threads"));
        RANKING_PARAMS.put("content", List.of("k", "threads"));
        RANKING_PARAMS.put("hybrid", List.of("collaborative", "min_purchases", "k", "threads"));
    }

    /** The algorithms of {@code recsys rank} that need item attributes. */
    static boolean needsAttributes(String name) {
        return name.equals("content") || name.equals("hybrid");
    }

    /** The top-N algorithm names of {@code recsys rank}, in a stable order. */
    static List<String> rankingNames() {
        return List.copyOf(RANKING_PARAMS.keySet());
    }

    /**
     * A factory fitting the named top-N algorithm of {@code recsys rank}: {@code als} ({@code factors} 100,
     * {@code iterations} 15, {@code regularization} 0.01, {@code alpha} 1, {@code cg_steps} 3 (0: Cholesky),
     * {@code seed} 0, {@code threads} 1, {@code confidence}: scaled (alpha value, default), linear (1 + alpha value),
     * log (1 + alpha log(1 + value)), bm25 (K1 100, B 0.8) or tfidf), {@code popularity} ({@code measure}:
     * users (default) or sum) or {@code item-knn} ({@code k}: neighbours, 20; {@code weighting}: cosine (default),
     * bm25 or tfidf; {@code k1} 1.2 and {@code b} 0.75 for BM25; {@code threads} 1), checked now.
     *
     * @param name   algorithm name
     * @param params read; parameter name to value as text
     * @throws IllegalArgumentException for an unknown algorithm or parameter, or a bad value
     */
    static ModelFactory rankingFactory(String name, Map<String, String> params) {
        return rankingFactory(name, params, null);
    }

    /**
     * {@link #rankingFactory(String, Map)} with item attributes for {@code content} ({@code k}: neighbours, 50;
     * {@code threads} 1) and {@code hybrid} ({@code collaborative}: item-knn (default), als, bpr or ease, fitted with its
     * defaults and {@code threads}; {@code min_purchases} 3; {@code k}: content neighbours, 50; {@code threads} 1); also
     * {@code bpr} ({@code factors} 100, {@code iterations} 100, {@code regularization} 0.01, {@code learning_rate} 0.01,
     * {@code negatives} uniform or popularity, {@code seed} 0, {@code threads} 1) and {@code ease} ({@code lambda} 500,
     * {@code threads} 1).
     *
     * @param name       algorithm name
     * @param params     read; parameter name to value as text
     * @param attributes item attributes, required by {@code content} and {@code hybrid}, else may be null
     * @throws IllegalArgumentException for an unknown algorithm or parameter, a bad value, or missing attributes
     */
    static ModelFactory rankingFactory(String name, Map<String, String> params, ItemAttributes attributes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        List<String> allowed = RANKING_PARAMS.get(name);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "'; expected one of "
                    + String.join(", ", RANKING_PARAMS.keySet()));
        }
        for (String key : params.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for algorithm '" + name + "'; "
                        + "expected one of " + String.join(", ", allowed));
            }
        }
        Params p = new Params(name, params);
        if (needsAttributes(name) && attributes == null) {
            throw new IllegalArgumentException("algorithm '" + name + "' needs --item-attributes FILE");
        }
        if (name.equals("bpr")) {
            BprOptions d = BprOptions.defaults();
            double reg = p.doubleValue("regularization", d.regularization());
            if (!(reg >= 0)) {
                throw p.bad("regularization", "a number >= 0");
            }
            double lr = p.doubleValue("learning_rate", d.learningRate());
            if (!(lr > 0)) {
                throw p.bad("learning_rate", "a number > 0");
            }
            int iterations = p.intValue("iterations", d.iterations(), 1);
            if (iterations > 1_000_000) {
                throw p.bad("iterations", "an integer in [1, 1000000]");
            }
            int factors = p.intValue("factors", d.factors(), 1);
            if (factors > 4096) {
                throw p.bad("factors", "an integer in [1, 4096]");
            }
            BprOptions.Negatives negatives;
            try {
                negatives = p.has("negatives") ? BprOptions.Negatives.parse(p.text("negatives").trim()) : d.negatives();
            } catch (IllegalArgumentException e) {
                throw p.bad("negatives", "uniform or popularity");
            }
            BprOptions o = d.withFactors(factors).withIterations(iterations).withRegularization(reg)
                    .withLearningRate(lr).withNegatives(negatives).withSeed(p.longValue("seed", d.seed()))
                    .withThreads(p.intValue("threads", 1, 1));
            return train -> Bpr.fit(train, o);
        }
        if (name.equals("ease")) {
            double lambda = p.doubleValue("lambda", EaseOptions.defaults().lambda());
            if (!(lambda > 0)) {
                throw p.bad("lambda", "a number > 0");
            }
            EaseOptions o = new EaseOptions(lambda, p.intValue("threads", 1, 1));
            return train -> Ease.fit(train, o);
        }
        if (name.equals("content")) {
            ContentOptions o = new ContentOptions(p.intValue("k", ContentOptions.defaults().neighbours(), 1),
                    p.intValue("threads", 1, 1));
            return train -> ContentRecommender.fit(train, attributes, o);
        }
        if (name.equals("hybrid")) {
            String collaborative = p.has("collaborative") ? p.text("collaborative").trim() : "item-knn";
            if (!List.of("item-knn", "als", "bpr", "ease").contains(collaborative)) {
                throw p.bad("collaborative", "item-knn, als, bpr or ease");
            }
            int threads = p.intValue("threads", 1, 1);
            ModelFactory inner = rankingFactory(collaborative, Map.of("threads", String.valueOf(threads)));
            HybridOptions o = new HybridOptions(p.intValue("min_purchases", HybridOptions.defaults().minPurchases(), 1),
                    new ContentOptions(p.intValue("k", ContentOptions.defaults().neighbours(), 1), threads));
            return train -> Hybrid.fit(train, (ItemRecommender) inner.fit(train), attributes, o);
        }
        if (name.equals("als")) {
            AlsOptions d = AlsOptions.defaults();
            double reg = p.doubleValue("regularization", d.regularization());
            if (!(reg > 0)) {
                throw p.bad("regularization", "a number > 0");
            }
            double alpha = p.doubleValue("alpha", d.alpha());
            if (!(alpha > 0)) {
                throw p.bad("alpha", "a number > 0");
            }
            int iterations = p.intValue("iterations", d.iterations(), 1);
            if (iterations > 1_000_000) {
                throw p.bad("iterations", "an integer in [1, 1000000]");
            }
            int factors = p.intValue("factors", d.factors(), 1);
            if (factors > 4096) {
                throw p.bad("factors", "an integer in [1, 4096]");
            }
            int cg = p.intValue("cg_steps", d.cgSteps(), 0);
            if (cg > 1000) {
                throw p.bad("cg_steps", "an integer in [0, 1000]");
            }
            String weighting = p.has("confidence") ? p.text("confidence").trim() : "scaled";
            Confidence confidence = switch (weighting) {
                case "scaled" -> Confidence.scaled(alpha);
                case "linear" -> Confidence.linear(alpha);
                case "log" -> Confidence.log(alpha, 1);
                case "bm25" -> Confidence.bm25(alpha, 100, 0.8);
                case "tfidf" -> Confidence.tfidf(alpha);
                default -> throw p.bad("confidence", "scaled, linear, log, bm25 or tfidf");
            };
            AlsOptions o = d.withFactors(factors).withIterations(iterations).withRegularization(reg)
                    .withConfidence(confidence).withCgSteps(cg).withSeed(p.longValue("seed", d.seed())).withThreads(p.intValue("threads", 1, 1));
            return train -> ImplicitAls.fit(train, o);
        }
        if (name.equals("popularity")) {
            String m = p.has("measure") ? p.text("measure").trim() : "users";
            PopularityOptions o = switch (m) {
                case "users" -> new PopularityOptions(PopularityOptions.Measure.USERS);
                case "sum" -> new PopularityOptions(PopularityOptions.Measure.SUM);
                default -> throw p.bad("measure", "users or sum");
            };
            return train -> Popularity.fit(train, o);
        }
        ItemKnnOptions.Weighting w;
        try {
            w = p.has("weighting") ? ItemKnnOptions.Weighting.parse(p.text("weighting").trim())
                    : ItemKnnOptions.Weighting.COSINE;
        } catch (IllegalArgumentException e) {
            throw p.bad("weighting", "cosine, bm25 or tfidf");
        }
        ItemKnnOptions d = ItemKnnOptions.defaults();
        double b = p.doubleValue("b", d.b());
        if (!(b >= 0 && b <= 1)) {
            throw p.bad("b", "in [0, 1]");
        }
        double k1 = p.doubleValue("k1", d.k1());
        if (!(k1 >= 0)) {
            throw p.bad("k1", "a number >= 0");
        }
        ItemKnnOptions o = d.withWeighting(w).withNeighbours(p.intValue("k", d.neighbours(), 1)).withK1(k1).withB(b)
                .withThreads(p.intValue("threads", 1, 1));
        return train -> ItemKnn.fit(train, o);
    }

    /** The algorithm names, in a stable order. */
    static List<String> names() {
        return List.copyOf(PARAMS.keySet());
    }

    /** The parameter names an algorithm accepts. */
    static List<String> parameters(String name) {
        List<String> p = PARAMS.get(name);
        if (p == null) {
            throw unknown(name);
        }
        return p;
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown algorithm '" + name + "'; expected one of "
                + String.join(", ", PARAMS.keySet()));
    }

    /**
     * A factory fitting the named algorithm with the given parameters (checked now, not at fit time).
     *
     * @param name   algorithm name
     * @param params read; parameter name to value as text
     * @throws IllegalArgumentException for an unknown algorithm or parameter, or a bad value
     */
    static ModelFactory factory(String name, Map<String, String> params) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        List<String> allowed = parameters(name);
        for (String key : params.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for algorithm '" + name + "'; "
                        + (allowed.isEmpty() ? "it takes none" : "expected one of " + String.join(", ", allowed)));
            }
        }
        Params p = new Params(name, params);
        return switch (name) {
            case "normal" -> {
                long seed = p.longValue("seed", 0);
                NormalPredictorOptions o = new NormalPredictorOptions(seed);
                yield train -> NormalPredictor.fit(train, o);
            }
            case "baseline" -> {
                BaselineOptions o = baselineOptions(p);
                yield train -> BaselineOnly.fit(train, o);
            }
            case "slope-one" -> SlopeOne::fit;
            case "pure-svd" -> {
                SvdOptions o = SvdOptions.defaults().withRank(p.intValue("factors", PureSvd.DEFAULT_FACTORS, 1))
                        .withSeed(p.longValue("seed", 0)).withThreads(p.intValue("threads", 1, 1));
                yield train -> PureSvd.fit(train, o);
            }
            case "svd" -> {
                FactorOptions o = factorOptions(p, FactorOptions.svd());
                yield train -> Svd.fit(train, o);
            }
            case "svdpp" -> {
                FactorOptions o = factorOptions(p, FactorOptions.svdPlusPlus());
                yield train -> SvdPlusPlus.fit(train, o);
            }
            case "nmf" -> {
                NmfOptions d = NmfOptions.defaults();
                NmfOptions o = d.withFactors(p.intValue("factors", d.factors(), 1))
                        .withEpochs(p.intValue("epochs", d.epochs(), 1))
                        .withBiased(p.bool("biased", d.biased()))
                        .withFactorReg(p.doubleValue("reg_pu", d.regPu()), p.doubleValue("reg_qi", d.regQi()))
                        .withBiasReg(p.doubleValue("reg_bu", d.regBu()), p.doubleValue("reg_bi", d.regBi()))
                        .withBiasLearningRates(p.doubleValue("lr_bu", d.lrBu()), p.doubleValue("lr_bi", d.lrBi()))
                        .withInit(p.doubleValue("init_low", d.initLow()), p.doubleValue("init_high", d.initHigh()))
                        .withSeed(p.longValue("seed", d.seed()));
                yield train -> Nmf.fit(train, o);
            }
            case "co-clustering" -> {
                CoClusteringOptions d = CoClusteringOptions.defaults();
                CoClusteringOptions o = d.withClusters(p.intValue("user_clusters", d.userClusters(), 1),
                                p.intValue("item_clusters", d.itemClusters(), 1))
                        .withEpochs(p.intValue("epochs", d.epochs(), 1))
                        .withSeed(p.longValue("seed", d.seed()));
                yield train -> CoClustering.fit(train, o);
            }
            default -> {
                KnnVariant variant = switch (name) {
                    case "knn-basic" -> KnnVariant.BASIC;
                    case "knn-means" -> KnnVariant.WITH_MEANS;
                    case "knn-zscore" -> KnnVariant.WITH_Z_SCORE;
                    case "knn-baseline" -> KnnVariant.BASELINE;
                    default -> throw unknown(name);
                };
                KnnOptions d = KnnOptions.defaults();
                SimilarityMeasure measure = p.has("sim") ? SimilarityMeasure.parse(p.text("sim")) : SimilarityMeasure.MSD;
                KnnOptions o = d.withVariant(variant)
                        .withUserBased(p.bool("user_based", true))
                        .withK(p.intValue("k", 40, 1))
                        .withMinK(p.intValue("min_k", 1, 1))
                        .withSimilarity(d.similarity().withMeasure(measure)
                                .withMinSupport(p.intValue("min_support", 1, 1))
                                .withShrinkage(p.doubleValue("shrinkage", 100))
                                .withThreads(p.intValue("threads", 1, 1)))
                        .withBaseline(baselineOptions(p));
                yield train -> Knn.fit(train, o);
            }
        };
    }

    /** Surprise's SVD and SVD++ parameters: {@code lr} and {@code reg} for all terms, then the separate ones. */
    private static FactorOptions factorOptions(Params p, FactorOptions d) {
        FactorOptions o = d.withFactors(p.intValue("factors", d.factors(), 1))
                .withEpochs(p.intValue("epochs", d.epochs(), 1))
                .withBiased(p.has("biased") ? p.bool("biased", true) : d.biased())
                .withInitMean(p.doubleValue("init_mean", d.initMean()))
                .withInitStd(p.doubleValue("init_std", d.initStd()))
                .withSeed(p.longValue("seed", d.seed()))
                .withShuffle(p.bool("shuffle", d.shuffle()));
        if (p.has("lr")) {
            o = o.withLearningRate(p.doubleValue("lr", 0));
        }
        if (p.has("reg")) {
            o = o.withReg(p.doubleValue("reg", 0));
        }
        return o.withLrBu(p.doubleValue("lr_bu", o.lrBu())).withLrBi(p.doubleValue("lr_bi", o.lrBi()))
                .withLrPu(p.doubleValue("lr_pu", o.lrPu())).withLrQi(p.doubleValue("lr_qi", o.lrQi()))
                .withLrYj(p.doubleValue("lr_yj", o.lrYj()))
                .withRegBu(p.doubleValue("reg_bu", o.regBu())).withRegBi(p.doubleValue("reg_bi", o.regBi()))
                .withRegPu(p.doubleValue("reg_pu", o.regPu())).withRegQi(p.doubleValue("reg_qi", o.regQi()))
                .withRegYj(p.doubleValue("reg_yj", o.regYj()));
    }

    private static BaselineOptions baselineOptions(Params p) {
        String method = p.has("method") ? p.text("method") : "als";
        BaselineOptions o = switch (method) {
            case "als" -> BaselineOptions.als();
            case "sgd" -> BaselineOptions.sgd();
            default -> throw new IllegalArgumentException("parameter 'method' must be als or sgd, got '" + method + "'");
        };
        return o.withEpochs(p.intValue("n_epochs", o.epochs(), 1))
                .withRegUser(p.doubleValue("reg_u", o.regUser()))
                .withRegItem(p.doubleValue("reg_i", o.regItem()))
                .withLearningRate(p.doubleValue("learning_rate", o.learningRate()))
                .withReg(p.doubleValue("reg", o.reg()));
    }

    /** Typed access to text parameters, with messages naming the algorithm, parameter and value. */
    private record Params(String algorithm, Map<String, String> values) {
        boolean has(String key) {
            return values.containsKey(key);
        }

        String text(String key) {
            return values.get(key);
        }

        int intValue(String key, int dflt, int min) {
            if (!has(key)) {
                return dflt;
            }
            try {
                int v = Integer.parseInt(text(key).trim());
                if (v < min) {
                    throw bad(key, "an integer >= " + min);
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "an integer >= " + min);
            }
        }

        long longValue(String key, long dflt) {
            if (!has(key)) {
                return dflt;
            }
            try {
                return Long.parseLong(text(key).trim());
            } catch (NumberFormatException e) {
                throw bad(key, "an integer");
            }
        }

        double doubleValue(String key, double dflt) {
            if (!has(key)) {
                return dflt;
            }
            try {
                double v = Double.parseDouble(text(key).trim());
                if (!Double.isFinite(v)) {
                    throw bad(key, "a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "a number");
            }
        }

        boolean bool(String key, boolean dflt) {
            if (!has(key)) {
                return dflt;
            }
            String v = text(key).trim().toLowerCase(java.util.Locale.ROOT);
            return switch (v) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw bad(key, "true or false");
            };
        }

        IllegalArgumentException bad(String key, String expected) {
            return new IllegalArgumentException("parameter '" + key + "' of algorithm '" + algorithm + "' must be "
                    + expected + ", got '" + text(key) + "'");
        }
    }
}
