package dev.retention.recsys.hybrid;

import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.recsys.ItemRecommender;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.content.ContentModel;
import dev.retention.recsys.internal.Purchases;
import dev.retention.recsys.popularity.PopularityModel;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The hybrid recommender fitted by {@link Hybrid#fit}: a collaborative model, a content model and popularity, each
 * customer served by the part that can, and every item's {@link Source} told. Scores, per customer with {@code n}
 * purchases (distinct items):
 * <ul>
 *   <li>{@code n = 0}: popularity divided by the largest (in [0, 1]), source {@link Source#POPULARITY};</li>
 *   <li>{@code 0 < n < minPurchases}: items with a positive content score {@code c} (a neighbour of a bought item)
 *       score {@code 1 + c / max c}, source {@link Source#CONTENT}, ahead of the rest, ranked by popularity in [0, 1],
 *       source {@link Source#POPULARITY};</li>
 *   <li>otherwise: the collaborative scores of the items with purchases, scaled to [0, 1] over those items, source
 *       {@link Source#COLLABORATIVE}; an item without purchases scores the similarity-weighted mean of the scaled
 *       scores of its content neighbours with purchases (an item-kNN estimate: never above its best neighbour, and
 *       high only when its whole neighbourhood is), source {@link Source#CONTENT}, and 0 without such a
 *       neighbour.</li>
 * </ul>
 * The same rules apply to a new customer's purchases ({@link #scoreItems(int[], float[], double[])}, the collaborative
 * part by its own fold-in). Immutable and thread-safe when the collaborative model is.
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, {@code min_purchases} and the three models' own files as byte sections ({@code collaborative},
 * {@code content}, {@code popularity}), read back through {@link Models#fromBytes}.
 */
public final class HybridModel extends RatingModel implements ItemRecommender {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-hybrid";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final ItemRecommender collaborative;
    private final ContentModel content;
    private final PopularityModel popularity;
    private final HybridOptions options;
    private final int[] purchases;
    private final boolean[] coldItem;
    private final double maxPopularity;

    HybridModel(Ratings train, ItemRecommender collaborative, ContentModel content, PopularityModel popularity,
                HybridOptions options, FitSummary fit) {
        this(Common.of(train, fit), collaborative, content, popularity, options);
    }

    private HybridModel(Common common, ItemRecommender collaborative, ContentModel content,
                        PopularityModel popularity, HybridOptions options) {
        super("hybrid", MODEL_TYPE, SCHEMA_VERSION, common);
        for (ItemRecommender m : new ItemRecommender[] {collaborative, content, popularity}) {
            if (m.userCount() != common.userCount() || m.itemCount() != common.itemCount()) {
                throw new IllegalArgumentException("every part must have the id spaces " + common.userCount() + " x "
                        + common.itemCount() + ", got " + m.userCount() + " x " + m.itemCount());
            }
        }
        this.collaborative = collaborative;
        this.content = content;
        this.popularity = popularity;
        this.options = options;
        Ratings train = contentTrain(content);
        this.purchases = new int[common.userCount()];
        for (int u = 0; u < purchases.length; u++) {
            purchases[u] = train.byUser().rowLength(u);
        }
        this.coldItem = new boolean[common.itemCount()];
        for (int i = 0; i < coldItem.length; i++) {
            coldItem[i] = train.byItem().rowLength(i) == 0;
        }
        double max = 0;
        for (double p : popularity.popularity()) {
            max = Math.max(max, p);
        }
        this.maxPopularity = max;
    }

    /** The training purchases, as the content model keeps them. */
    private static Ratings contentTrain(ContentModel content) {
        return content.trainingData();
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (user < 0 || user >= userCount() || item < 0 || item >= itemCount()) {
            return Double.NaN;
        }
        double[] out = new double[itemCount()];
        scoreItems(user, out);
        return out[item];
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    /** {@inheritDoc} The rules of the class comment; a user outside the id space gets the global mean. */
    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        if (user < 0 || user >= userCount()) {
            super.scoreItems(user, out);
            return;
        }
        score(purchases[user], out, c -> content.scoreItems(user, c), c -> collaborative.scoreItems(user, c), null);
    }

    /** {@inheritDoc} The rules of the class comment on the new customer's purchases. */
    @Override
    public void scoreItems(int[] items, float[] values, double[] out) {
        Purchases.check(items, values, itemCount());
        checkScores(out);
        score(items.length, out, c -> content.scoreItems(items, values, c),
                c -> collaborative.scoreItems(items, values, c), null);
    }

    /**
     * {@return which part serves each item for a training customer (parallel to the item indexes)}
     *
     * @param user dense user index in [0, userCount())
     * @throws IndexOutOfBoundsException if the user is out of range
     */
    public Source[] sources(int user) {
        Objects.checkIndex(user, userCount());
        Source[] s = new Source[itemCount()];
        score(purchases[user], new double[itemCount()], c -> content.scoreItems(user, c),
                c -> collaborative.scoreItems(user, c), s);
        return s;
    }

    /**
     * {@return which part serves each item for a new customer with these purchases (parallel to the item indexes)}
     *
     * @param items  read; dense item indexes, each in [0, itemCount()), distinct
     * @param values read; the value of each purchase, finite and {@code > 0}
     */
    public Source[] sources(int[] items, float[] values) {
        Purchases.check(items, values, itemCount());
        Source[] s = new Source[itemCount()];
        score(items.length, new double[itemCount()], c -> content.scoreItems(items, values, c),
                c -> collaborative.scoreItems(items, values, c), s);
        return s;
    }

    private void score(int n, double[] out, java.util.function.Consumer<double[]> contentScores,
                       java.util.function.Consumer<double[]> collaborativeScores, Source[] sources) {
        int items = itemCount();
        double[] pop = popularity.popularity();
        if (n == 0) {
            for (int i = 0; i < items; i++) {
                out[i] = maxPopularity > 0 ? pop[i] / maxPopularity : 0;
            }
            if (sources != null) {
                Arrays.fill(sources, Source.POPULARITY);
            }
            return;
        }
        if (n < options.minPurchases()) {
            contentScores.accept(out);
            double max = 0;
            for (double c : out) {
                max = Math.max(max, c);
            }
            for (int i = 0; i < items; i++) {
                boolean byContent = out[i] > 0 && max > 0;
                out[i] = byContent ? 1 + out[i] / max : maxPopularity > 0 ? pop[i] / maxPopularity : 0;
                if (sources != null) {
                    sources[i] = byContent ? Source.CONTENT : Source.POPULARITY;
                }
            }
            return;
        }
        collaborativeScores.accept(out);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < items; i++) {
            if (!coldItem[i] && Double.isFinite(out[i])) {
                lo = Math.min(lo, out[i]);
                hi = Math.max(hi, out[i]);
            }
        }
        double range = hi > lo ? hi - lo : 1;
        for (int i = 0; i < items; i++) {
            if (!coldItem[i]) {
                out[i] = Double.isFinite(out[i]) && lo <= hi ? (out[i] - lo) / range : 0;
            }
        }
        CsrMatrix s = content.similarity();
        for (int i = 0; i < items; i++) {
            if (!coldItem[i]) {
                if (sources != null) {
                    sources[i] = Source.COLLABORATIVE;
                }
                continue;
            }
            double sum = 0;
            double weight = 0;
            for (int q = s.rowStart(i); q < s.rowEnd(i); q++) {
                int w = s.columnIndex(q);
                if (!coldItem[w] && s.value(q) > 0) {
                    sum += s.value(q) * out[w];
                    weight += s.value(q);
                }
            }
            out[i] = weight > 0 ? sum / weight : 0;
            if (sources != null) {
                sources[i] = Source.CONTENT;
            }
        }
    }

    /**
     * {@inheritDoc} The collaborative model's for an item with purchases, the content model's for an item without.
     */
    @Override
    public void similarItems(int item, double[] out) {
        Objects.checkIndex(item, itemCount());
        if (coldItem[item]) {
            content.similarItems(item, out);
        } else {
            collaborative.similarItems(item, out);
        }
    }

    /** {@return the collaborative part} */
    public ItemRecommender collaborative() {
        return collaborative;
    }

    /** {@return the content part} */
    public ContentModel content() {
        return content;
    }

    /** {@return the popularity part} */
    public PopularityModel popularity() {
        return popularity;
    }

    /** {@return the options used} */
    public HybridOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putInt("min_purchases", options.minPurchases())
                .putBytes("collaborative", ((Model) collaborative).toBytes())
                .putBytes("content", content.toBytes()).putBytes("popularity", popularity.toBytes());
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static HybridModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            Model c = Models.fromBytes(f.bytes("collaborative"), f.source() + " (collaborative)");
            if (!(c instanceof ItemRecommender collaborative)) {
                throw new ModelFormatException(f.source() + ": the collaborative part is a " + c.modelType()
                        + " model, not a top-N recommender");
            }
            ContentModel content = Models.fromBytes(f.bytes("content"), f.source() + " (content)",
                    ContentModel.class);
            PopularityModel popularity = Models.fromBytes(f.bytes("popularity"), f.source() + " (popularity)",
                    PopularityModel.class);
            return new HybridModel(common, collaborative, content, popularity,
                    new HybridOptions(f.intValue("min_purchases"), content.options()));
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        HybridModel m = (HybridModel) other;
        return m.options.minPurchases() == options.minPurchases()
                && m.options.content().withThreads(1).equals(options.content().withThreads(1))
                && m.collaborative.equals(collaborative) && m.content.equals(content)
                && m.popularity.equals(popularity);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options.minPurchases(), collaborative, content, popularity);
    }

    /** The parts, the sizes and the fit summary. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "hybrid (collaborative %s, content, popularity; content below %d purchases): "
                + "%,d users x %,d items%n", ((Model) collaborative).modelType(), options.minPurchases(), userCount(),
                itemCount()) + fitSummary();
    }
}
