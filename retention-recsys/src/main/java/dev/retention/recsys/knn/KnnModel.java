package dev.retention.recsys.knn;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.FitSummary;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.baseline.BaselineOnly;
import dev.retention.recsys.internal.RatingModelFiles;
import dev.retention.recsys.similarity.Baselines;
import dev.retention.recsys.similarity.SimilarityMatrix;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;
import dev.retention.recsys.similarity.Similarities;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.recsys.sparse.SparseOps;
import dev.retention.recsys.sparse.SparseStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Neighbourhood collaborative filtering: Surprise's {@code KNNBasic}, {@code KNNWithMeans},
 * {@code KNNWithZScore} and {@code KNNBaseline} ({@link KnnVariant}), user- or item-based, with any
 * {@link SimilarityMeasure}. Entry point {@link #fit}. Immutable and thread-safe.
 *
 * <p>Fit computes the similarities ({@link Similarities}: O(sum over the other side of count^2)) and
 * the means, deviations or baselines the variant needs. A prediction for {@code (u, i)} scans the
 * entities that rated the target ({@code O(m log k)} for {@code m} of them) and keeps the {@code k}
 * most similar with positive similarity, ties to the smaller index (Surprise breaks ties by the order
 * of the training data). Unknown users or items fall back to the global mean and are reported
 * impossible, except in {@code KNNBaseline}, which falls back to the baseline. Saved and loaded with the
 * model file format (type {@value #MODEL_TYPE}, any variant); the file holds the training ratings and the
 * similarities, as the model does.
 */
public final class Knn extends RatingModel {

    /** The model type written into model files (for every variant). */
    public static final String MODEL_TYPE = "recsys-knn";
    private static final Logger LOG = LoggerFactory.getLogger(Knn.class);

    private final KnnOptions options;
    private final Ratings train;
    private final CsrMatrix byTarget;      // row y: the entities x2 that rated y, with ratings
    private final SimilarityMatrix sim;
    private final double[] means;          // per entity x, or null
    private final double[] sigmas;         // per entity x, or null
    private final double mu;
    private final double[] bu;             // or null
    private final double[] bi;             // or null

    private Knn(Ratings train, KnnOptions options, SimilarityMatrix sim, double[] means, double[] sigmas,
                double[] bu, double[] bi, FitSummary fit) {
        super(options.variant().surpriseName(), train, fit);
        this.options = options;
        this.train = train;
        this.byTarget = options.userBased() ? train.byItem() : train.byUser();
        this.sim = sim;
        this.means = means;
        this.sigmas = sigmas;
        this.mu = train.globalMean();
        this.bu = bu;
        this.bi = bi;
    }

    /**
     * Fits a neighbourhood model. Its {@link #fitSummary()} names the similarity, whether it is held as
     * a full matrix or a pruned top-k index and why, the fit time, and, when baselines were fitted (for
     * {@code KNNBaseline} or the {@code pearson_baseline} similarity), their epochs and objective.
     *
     * @param train   read; kept (immutable) for predictions
     * @param options variant, orientation, k, min_k, similarity, baselines
     */
    public static Knn fit(Ratings train, KnnOptions options) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        boolean userBased = options.userBased();
        CsrMatrix entities = userBased ? train.byUser() : train.byItem();
        double[] bu = null;
        double[] bi = null;
        Baselines baselines = null;
        FitSummary baselineFit = null;
        if (options.usesBaselines()) {
            BaselineOnly b = BaselineOnly.fit(train, options.baseline());
            bu = b.userBiases();
            bi = b.itemBiases();
            baselineFit = b.fitSummary();
            baselines = userBased ? new Baselines(train.globalMean(), bu, bi) : new Baselines(train.globalMean(), bi, bu);
        }
        SimilarityMatrix sim = Similarities.compute(entities, options.similarity(), baselines);
        double[] means = null;
        double[] sigmas = null;
        if (options.variant() == KnnVariant.WITH_MEANS || options.variant() == KnnVariant.WITH_Z_SCORE) {
            SparseStats stats = SparseOps.rowStats(entities);
            means = stats.means();
            if (options.variant() == KnnVariant.WITH_Z_SCORE) {
                sigmas = sigmas(entities, means, train);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String details = String.format(Locale.ROOT, "similarity: %s between %s (%,d x %,d, %s): %s",
                sim.measure().label(), userBased ? "users" : "items", sim.size(), sim.size(),
                bytes(sim.memoryBytes()), sim.reason());
        FitSummary fit;
        if (baselineFit == null) {
            fit = FitSummary.closedForm(options.variant().surpriseName(), options.toString(), details, seconds);
        } else {
            fit = new FitSummary(options.variant().surpriseName(), options.toString(),
                    details + "; baselines " + options.baseline() + ", " + (baselineFit.converged() ? "converged"
                            : "not converged"), baselineFit.iterations(), baselineFit.converged(),
                    baselineFit.objective(), seconds);
        }
        Knn model = new Knn(train, options, sim, means, sigmas, bu, bi, fit);
        LOG.info("{} ({}-based, {} similarity, k {}) fitted on {} ratings in {} ms: {}", model.name(),
                userBased ? "user" : "item", options.similarity().measure().label(), options.k(), train.size(),
                Math.round(seconds * 1000), sim.reason());
        return model;
    }

    private static String bytes(long b) {
        return b >= 1L << 20 ? String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20))
                : String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }

    /** Population standard deviation of each entity's ratings; the overall one where it is 0. */
    private static double[] sigmas(CsrMatrix entities, double[] means, Ratings train) {
        double ss = 0;
        for (int p = 0; p < train.size(); p++) {
            double d = train.value(p) - train.globalMean();
            ss += d * d;
        }
        double overall = train.size() == 0 ? 0 : Math.sqrt(ss / train.size());
        double[] sigmas = new double[entities.rows()];
        for (int x = 0; x < sigmas.length; x++) {
            double s = 0;
            for (int p = entities.rowStart(x); p < entities.rowEnd(x); p++) {
                double d = entities.value(p) - means[x];
                s += d * d;
            }
            int n = entities.rowLength(x);
            double sigma = n == 0 ? 0 : Math.sqrt(s / n);
            sigmas[x] = sigma == 0 ? overall : sigma;
        }
        return sigmas;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        boolean knowsUser = train.knowsUser(user);
        boolean knowsItem = train.knowsItem(item);
        KnnVariant variant = options.variant();
        double est;
        if (variant == KnnVariant.BASELINE) {
            est = mu + (knowsUser ? bu[user] : 0) + (knowsItem ? bi[item] : 0);
            if (!knowsUser || !knowsItem) {
                return est;
            }
        } else if (!knowsUser || !knowsItem) {
            return Double.NaN;
        } else {
            est = 0;
        }
        int x = options.userBased() ? user : item;
        int y = options.userBased() ? item : user;
        int from = byTarget.rowStart(y);
        int to = byTarget.rowEnd(y);
        int k = options.k();
        // the k most similar candidates with positive similarity, in a heap whose root is the worst
        int[] heap = new int[Math.min(k, to - from)];
        float[] heapSim = new float[heap.length];
        int size = 0;
        for (int q = from; q < to; q++) {
            int x2 = byTarget.columnIndex(q);
            float s = sim.get(x, x2);
            if (!(s > 0f)) {
                continue;
            }
            if (size < heap.length) {
                int at = size++;
                while (at > 0) {
                    int parent = (at - 1) >>> 1;
                    if (!worse(s, q, heapSim[parent], heap[parent])) {
                        break;
                    }
                    heap[at] = heap[parent];
                    heapSim[at] = heapSim[parent];
                    at = parent;
                }
                heap[at] = q;
                heapSim[at] = s;
            } else if (size > 0 && worse(heapSim[0], heap[0], s, q)) {
                int at = 0;
                while (true) {
                    int child = 2 * at + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && worse(heapSim[child + 1], heap[child + 1], heapSim[child], heap[child])) {
                        child++;
                    }
                    if (!worse(heapSim[child], heap[child], s, q)) {
                        break;
                    }
                    heap[at] = heap[child];
                    heapSim[at] = heapSim[child];
                    at = child;
                }
                heap[at] = q;
                heapSim[at] = s;
            }
        }
        double sumSim = 0;
        double sumRatings = 0;
        for (int t = 0; t < size; t++) {
            int q = heap[t];
            double s = heapSim[t];
            int nb = byTarget.columnIndex(q);
            double r = byTarget.value(q);
            sumSim += s;
            switch (variant) {
                case BASIC -> sumRatings += s * r;
                case WITH_MEANS -> sumRatings += s * (r - means[nb]);
                case WITH_Z_SCORE -> sumRatings += s * (r - means[nb]) / sigmas[nb];
                case BASELINE -> sumRatings += s * (r - (mu + (options.userBased() ? bu[nb] + bi[y] : bu[y] + bi[nb])));
                default -> throw new AssertionError(variant);
            }
        }
        int actualK = size;
        switch (variant) {
            case BASIC:
                return actualK < options.minK() ? Double.NaN : sumRatings / sumSim;
            case WITH_MEANS:
                return means[x] + (actualK < options.minK() || sumSim == 0 ? 0 : sumRatings / sumSim);
            case WITH_Z_SCORE:
                return means[x] + (actualK < options.minK() || sumSim == 0 ? 0 : sumRatings / sumSim * sigmas[x]);
            case BASELINE:
                return est + (actualK < options.minK() || sumSim == 0 ? 0 : sumRatings / sumSim);
            default:
                throw new AssertionError(variant);
        }
    }

    /**
     * Whether candidate (sa, qa) ranks below (sb, qb): smaller similarity, or equal similarity and a
     * later position (positions increase with the neighbour index).
     */
    private static boolean worse(float sa, int qa, float sb, int qb) {
        return sa < sb || (sa == sb && qa > qb);
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return train.knowsUser(user) && train.knowsItem(item) ? NO_NEIGHBOURS : UNKNOWN;
    }

    /** The options used. */
    public KnnOptions options() {
        return options;
    }

    /** The similarities between users (user-based) or items (item-based). */
    public SimilarityMatrix similarities() {
        return sim;
    }

    @Override
    protected String modelType() {
        return MODEL_TYPE;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        SimilarityOptions so = options.similarity();
        file.putString("variant", options.variant().name())
                .putInts("knn", new int[] {options.userBased() ? 1 : 0, options.k(), options.minK()})
                .putString("similarity_options_measure", so.measure().label())
                .putString("similarity_options_representation", so.representation().name())
                .putInts("similarity_options_ints", new int[] {so.minSupport(), so.neighbours(), so.parallelism()})
                .putDouble("similarity_options_shrinkage", so.shrinkage())
                .putLong("similarity_options_max_dense_bytes", so.maxDenseBytes());
        RatingModelFiles.putBaselineOptions(file, options.baseline());
        RatingModelFiles.putRatings(file, train);
        sim.writeTo(file, "similarity");
        putIfPresent(file, "means", means);
        putIfPresent(file, "sigmas", sigmas);
        putIfPresent(file, "user_biases", bu);
        putIfPresent(file, "item_biases", bi);
    }

    private static void putIfPresent(ModelFile.Writer file, String name, double[] values) {
        if (values != null) {
            file.putDoubles(name, values);
        }
    }

    /**
     * Reads a model written by {@link #save(Path)} (any variant); its predictions equal the saved model's.
     *
     * @throws ModelFormatException if the file is not a valid model file of this type
     * @throws IOException          if it cannot be read
     */
    public static Knn load(Path path) throws IOException {
        return RatingModelFiles.read(path, MODEL_TYPE, (f, h) -> {
            int[] knn = f.ints("knn");
            int[] so = f.ints("similarity_options_ints");
            RatingModelFiles.requireLength(f, "knn", knn.length, 3);
            RatingModelFiles.requireLength(f, "similarity_options_ints", so.length, 3);
            SimilarityOptions similarity = new SimilarityOptions(
                    SimilarityMeasure.parse(f.string("similarity_options_measure")), so[0],
                    f.doubleValue("similarity_options_shrinkage"),
                    SimilarityOptions.Representation.valueOf(f.string("similarity_options_representation")), so[1],
                    f.longValue("similarity_options_max_dense_bytes"), so[2]);
            KnnOptions options = new KnnOptions(KnnVariant.valueOf(f.string("variant")), knn[0] != 0, knn[1], knn[2],
                    similarity, RatingModelFiles.baselineOptions(f));
            Ratings train = RatingModelFiles.ratings(f, h);
            SimilarityMatrix sim = SimilarityMatrix.readFrom(f, "similarity");
            int entities = options.userBased() ? h.userCount() : h.itemCount();
            if (sim.size() != entities || sim.measure() != similarity.measure()) {
                throw new ModelFormatException(f.source() + ": the similarities are " + sim.measure().label()
                        + " over " + sim.size() + " rows, expected " + similarity.measure().label() + " over "
                        + entities);
            }
            KnnVariant v = options.variant();
            boolean centred = v == KnnVariant.WITH_MEANS || v == KnnVariant.WITH_Z_SCORE;
            double[] means = optional(f, "means", centred, entities);
            double[] sigmas = optional(f, "sigmas", v == KnnVariant.WITH_Z_SCORE, entities);
            double[] bu = optional(f, "user_biases", options.usesBaselines(), h.userCount());
            double[] bi = optional(f, "item_biases", options.usesBaselines(), h.itemCount());
            return new Knn(train, options, sim, means, sigmas, bu, bi, h.fit());
        });
    }

    /** A section the variant needs (checked for length), or null when it does not need it. */
    private static double[] optional(ModelFile f, String name, boolean needed, int length) throws ModelFormatException {
        if (!needed) {
            return null;
        }
        return RatingModelFiles.finiteDoubles(f, name, length);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s-based, k %d, min_k %d, %s similarity, %,d ratings%n%s", name(),
                options.userBased() ? "user" : "item", options.k(), options.minK(),
                options.similarity().measure().label(), train.size(), fitSummary());
    }
}
