package dev.retention.recsys.knn;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Verdict;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.internal.ModelSections;
import dev.retention.recsys.similarity.SimilarityMatrix;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A neighbourhood model fitted by {@link Knn#fit}: Surprise's {@code KNNBasic}, {@code KNNWithMeans},
 * {@code KNNWithZScore} or {@code KNNBaseline} ({@link KnnVariant}), user- or item-based. Immutable and
 * thread-safe.
 *
 * <p>A prediction for {@code (u, i)} scans the entities that rated the target ({@code O(m log k)} for
 * {@code m} of them) and keeps the {@code k} most similar with positive similarity, ties to the smaller index
 * (Surprise breaks ties by the order of the training data). Unknown users or items fall back to the global
 * mean and are reported impossible, except in {@code KNNBaseline}, which falls back to the baseline. A model
 * whose baselines diverged (verdict {@code UNUSABLE}) answers the global mean for every pair, flagged with the
 * fit's message.
 *
 * <p>Model file type {@value #MODEL_TYPE} (every variant), schema {@value #SCHEMA_VERSION}: besides the common
 * sections of {@link RatingModel}, the options ({@code variant}, {@code knn}, {@code similarity_options_*},
 * {@code baseline_*}), the training ratings ({@code ratings_*}), the similarities ({@code similarity_*}) and,
 * as the variant needs them, {@code means}, {@code sigmas}, {@code user_biases}, {@code item_biases}.
 */
public final class KnnModel extends RatingModel {

    /** The model type written into model files (for every variant). */
    public static final String MODEL_TYPE = "recsys-knn";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final KnnOptions options;
    private final Ratings train;
    private final CsrMatrix byTarget;      // row y: the entities x2 that rated y, with ratings
    private final SimilarityMatrix sim;
    private final double[] means;          // per entity x, or null
    private final double[] sigmas;         // per entity x, or null
    private final double mu;
    private final double[] bu;             // or null
    private final double[] bi;             // or null
    private final boolean unusable;        // the baselines diverged: every prediction falls back

    KnnModel(Ratings train, KnnOptions options, SimilarityMatrix sim, double[] means, double[] sigmas,
             double[] bu, double[] bi, FitSummary fit) {
        this(Common.of(train, fit), train, options, sim, means, sigmas, bu, bi);
    }

    private KnnModel(Common common, Ratings train, KnnOptions options, SimilarityMatrix sim, double[] means,
                     double[] sigmas, double[] bu, double[] bi) {
        super(options.variant().surpriseName(), MODEL_TYPE, SCHEMA_VERSION, common);
        this.options = options;
        this.train = train;
        this.byTarget = options.userBased() ? train.byItem() : train.byUser();
        this.sim = sim;
        this.means = means;
        this.sigmas = sigmas;
        this.mu = train.globalMean();
        this.bu = bu;
        this.bi = bi;
        this.unusable = common.fitSummary().verdict() == Verdict.UNUSABLE;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (unusable) {
            return Double.NaN;
        }
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
        return switch (variant) {
            case BASIC -> actualK < options.minK() ? Double.NaN : sumRatings / sumSim;
            case WITH_MEANS -> means[x] + (actualK < options.minK() || sumSim == 0 ? 0 : sumRatings / sumSim);
            case WITH_Z_SCORE ->
                    means[x] + (actualK < options.minK() || sumSim == 0 ? 0 : sumRatings / sumSim * sigmas[x]);
            case BASELINE -> est + (actualK < options.minK() || sumSim == 0 ? 0 : sumRatings / sumSim);
        };
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
        if (unusable) {
            return fitSummary().warnings().get(0);
        }
        return train.knowsUser(user) && train.knowsItem(item) ? NO_NEIGHBOURS : UNKNOWN;
    }

    /** {@return the options used} */
    public KnnOptions options() {
        return options;
    }

    /** {@return the similarities between users (user-based) or items (item-based), with their external ids} */
    public SimilarityMatrix similarities() {
        return sim;
    }

    /**
     * {@return the {@code k} users (user-based) or items (item-based) most similar to one, by dense index, with their
     * external ids (see {@link SimilarityMatrix#neighbours})}
     *
     * @param index a dense user index (user-based) or item index (item-based)
     * @param k     how many at most, {@code >= 1}
     */
    public SimilarityMatrix.Neighbours neighbours(int index, int k) {
        return sim.neighbours(index, k);
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        SimilarityOptions so = options.similarity();
        file.putString("variant", options.variant().name())
                .putInts("knn", new int[] {options.userBased() ? 1 : 0, options.k(), options.minK()})
                .putString("similarity_options_measure", so.measure().label())
                .putString("similarity_options_representation", so.representation().name())
                .putInts("similarity_options_ints", new int[] {so.minSupport(), so.neighbours(), so.threads()})
                .putDouble("similarity_options_shrinkage", so.shrinkage())
                .putLong("similarity_options_max_dense_bytes", so.maxDenseBytes());
        options.baseline().writeTo(file, "baseline");
        putRatings(file, train);
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
     * Reads a model written by {@link #toBytes()} or {@link #save} (any variant); it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed, inconsistent or refused (the message names the file)
     */
    public static KnnModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            int[] knn = f.ints("knn");
            int[] so = f.ints("similarity_options_ints");
            ModelSections.requireLength(f, "knn", knn.length, 3);
            ModelSections.requireLength(f, "similarity_options_ints", so.length, 3);
            SimilarityOptions similarity = new SimilarityOptions(
                    SimilarityMeasure.parse(f.string("similarity_options_measure")), so[0],
                    f.doubleValue("similarity_options_shrinkage"),
                    SimilarityOptions.Representation.valueOf(f.string("similarity_options_representation")), so[1],
                    f.longValue("similarity_options_max_dense_bytes"), so[2]);
            KnnOptions options = new KnnOptions(KnnVariant.valueOf(f.string("variant")), knn[0] != 0, knn[1],
                    knn[2], similarity, BaselineOptions.readFrom(f, "baseline"));
            Ratings train = readRatings(f, common);
            int entities = options.userBased() ? common.userCount() : common.itemCount();
            SimilarityMatrix sim = SimilarityMatrix.readFrom(f, "similarity");
            if (sim.size() != entities || sim.measure() != similarity.measure()) {
                throw new ModelFormatException(f.source() + ": the similarities are " + sim.measure().label()
                        + " over " + sim.size() + " rows, expected " + similarity.measure().label() + " over "
                        + entities);
            }
            sim = sim.withIds(options.userBased() ? common.users() : common.items());
            KnnVariant v = options.variant();
            boolean centred = v == KnnVariant.WITH_MEANS || v == KnnVariant.WITH_Z_SCORE;
            double[] means = optional(f, "means", centred, entities);
            double[] sigmas = optional(f, "sigmas", v == KnnVariant.WITH_Z_SCORE, entities);
            double[] bu = optional(f, "user_biases", options.usesBaselines(), common.userCount());
            double[] bi = optional(f, "item_biases", options.usesBaselines(), common.itemCount());
            requireSoundStatistics(f, common, means, sigmas, bu, bi);
            return new KnnModel(common, train, options, sim, means, sigmas, bu, bi);
        });
    }

    /**
     * Refuses statistics a fit never gives, which would put estimates off the scale or make them infinite: means
     * outside the scale (0 for an entity without ratings), standard deviations that are not positive (a fit uses the overall one, or 1 when every
     * rating is equal, where an entity's is 0) or whose ratio overflows, baselines whose sum overflows.
     */
    private static void requireSoundStatistics(ModelFile f, Common common, double[] means, double[] sigmas,
                                               double[] bu, double[] bi) throws ModelFormatException {
        RatingScale scale = common.scale();
        if (means != null) {
            for (int x = 0; x < means.length; x++) {
                if (!scale.contains(means[x]) && means[x] != 0) {   // 0: an entity without ratings
                    throw new ModelFormatException(f.source() + ": section 'means' holds " + means[x] + " at position "
                            + x + ", outside the rating scale " + scale + " (and not 0)");
                }
            }
        }
        if (sigmas != null) {
            double smallest = Double.POSITIVE_INFINITY;
            for (int x = 0; x < sigmas.length; x++) {
                if (!(sigmas[x] > 0)) {
                    throw new ModelFormatException(f.source() + ": section 'sigmas' holds " + sigmas[x]
                            + " at position " + x + ", expected standard deviations > 0");
                }
                smallest = Math.min(smallest, sigmas[x]);
            }
            ModelSections.requireFiniteEstimates(f, "standard deviations", scale.max() - scale.min()
                    + ModelSections.maxAbs(sigmas) / smallest * (scale.max() - scale.min()));
        }
        if (bu != null) {
            ModelSections.requireFiniteEstimates(f, "baselines", 2 * (Math.abs(common.globalMean())
                    + ModelSections.maxAbs(bu) + ModelSections.maxAbs(bi)) + scale.max() - scale.min());
        }
    }

    /** A section the variant needs (checked for length), or null when it does not need it. */
    private static double[] optional(ModelFile f, String name, boolean needed, int length) throws ModelFormatException {
        if (!needed) {
            return null;
        }
        return ModelSections.finiteDoubles(f, name, length);
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        KnnModel m = (KnnModel) other;
        return m.options.withThreads(1).equals(options.withThreads(1)) && m.train.byUser().equals(train.byUser())
                && m.sim.equals(sim) && Arrays.equals(m.means, means) && Arrays.equals(m.sigmas, sigmas)
                && Arrays.equals(m.bu, bu) && Arrays.equals(m.bi, bi);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options.withThreads(1), train.size(), sim.size(), Arrays.hashCode(means),
                Arrays.hashCode(bu));
    }

    /**
     * The options, then the nearest neighbours of the first few users or items by external id, then the fit
     * summary.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s-based, k %d, min_k %d, %s "
                        + "similarity, %,d ratings of %,d users x %,d items%n", name(),
                options.userBased() ? "user" : "item", options.k(), options.minK(),
                options.similarity().measure().label(), train.size(), userCount(), itemCount()));
        String entity = options.userBased() ? "user" : "item";
        sb.append(String.format(Locale.ROOT, "  %12s  nearest %ss (similarity)%n", entity, entity));
        for (int x = 0; x < Math.min(3, sim.size()); x++) {
            SimilarityMatrix.Neighbours nb = sim.neighbours(x, 3);
            sb.append(String.format(Locale.ROOT, "  %12s ", sim.ids().id(x)));
            for (int t = 0; t < nb.size(); t++) {
                sb.append(String.format(Locale.ROOT, " %s (%.3f)", nb.id(t), nb.similarity(t)));
            }
            sb.append(nb.size() == 0 ? " none" : "").append(System.lineSeparator());
        }
        return sb.append(fitSummary()).toString();
    }
}
