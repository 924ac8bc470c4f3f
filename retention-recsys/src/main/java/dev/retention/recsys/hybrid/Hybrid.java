package dev.retention.recsys.hybrid;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.recsys.ItemRecommender;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.content.ContentModel;
import dev.retention.recsys.content.ContentRecommender;
import dev.retention.recsys.content.ItemAttributes;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.popularity.Popularity;
import dev.retention.recsys.popularity.PopularityModel;
import dev.retention.recsys.popularity.PopularityOptions;

import java.util.Locale;
import java.util.Objects;

/**
 * Fits the hybrid recommender around a collaborative model fitted by the caller on the same training data: it adds a
 * content model ({@link ContentRecommender}) and the most popular items ({@link Popularity}, by users) and serves each
 * customer from the part that can: no purchases from popularity, fewer than {@code minPurchases} from their items'
 * content neighbours, the rest from the collaborative model, with items nobody bought yet reached through their content
 * neighbours. See {@link HybridModel} for the scores. Entry point {@link #fit}.
 */
public final class Hybrid {

    private Hybrid() {
    }

    /**
     * Fits the model.
     *
     * @param train         read: the purchases the collaborative model was fitted on
     * @param collaborative a fitted model on {@code train}'s id spaces that can be saved ({@link Model})
     * @param attributes    read: tokens per external item id
     * @param options       the purchase threshold and the content options
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction, or the collaborative model has other id
     *                                  spaces or is not a {@link Model}
     */
    public static HybridModel fit(Ratings train, ItemRecommender collaborative, ItemAttributes attributes,
                                  HybridOptions options) {
        return fit(train, collaborative, attributes, options, FitControl.defaults());
    }

    /**
     * Fits the model; the content fit's control step.
     *
     * @param train         read: the purchases the collaborative model was fitted on
     * @param collaborative a fitted model on {@code train}'s id spaces that can be saved ({@link Model})
     * @param attributes    read: tokens per external item id
     * @param options       the purchase threshold and the content options
     * @param control       listener, cancellation and executor
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction, or the collaborative model has other id
     *                                  spaces or is not a {@link Model}
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static HybridModel fit(Ratings train, ItemRecommender collaborative, ItemAttributes attributes,
                                  HybridOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(collaborative, "collaborative");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Limits.requireRatings("train", train.size());
        if (!(collaborative instanceof Model fitted)) {
            throw new IllegalArgumentException("collaborative must be a fitted model that can be saved, got "
                    + collaborative.getClass().getName());
        }
        if (collaborative.userCount() != train.userCount() || collaborative.itemCount() != train.itemCount()) {
            throw new IllegalArgumentException("collaborative must have train's id spaces " + train.userCount()
                    + " x " + train.itemCount() + ", got " + collaborative.userCount() + " x "
                    + collaborative.itemCount());
        }
        long start = System.nanoTime();
        ContentModel content = ContentRecommender.fit(train, attributes, options.content(), control);
        PopularityModel popularity = Popularity.fit(train, new PopularityOptions(PopularityOptions.Measure.USERS));
        int[] perUser = new int[train.userCount()];
        for (int u = 0; u < perUser.length; u++) {
            perUser[u] = train.byUser().rowLength(u);
        }
        int cold = 0;
        int few = 0;
        for (int n : perUser) {
            cold += n == 0 ? 1 : 0;
            few += n > 0 && n < options.minPurchases() ? 1 : 0;
        }
        int coldItems = 0;
        for (int i = 0; i < train.itemCount(); i++) {
            coldItems += train.byItem().rowLength(i) == 0 ? 1 : 0;
        }
        FitSummary.Builder summary = FitSummary.builder("hybrid").options(options)
                .choice(String.format(Locale.ROOT, "collaborative: %s; %,d users without purchases served by "
                                + "popularity, %,d with fewer than %d by content; %,d items without purchases reachable "
                                + "through content", fitted.fitSummary().algorithm(), cold, few,
                        options.minPurchases(), coldItems))
                .data(train.fingerprint());
        for (String w : content.fitSummary().warnings()) {
            summary.warning("content: " + w);
        }
        for (String w : fitted.fitSummary().warnings()) {
            summary.warning("collaborative: " + w);
        }
        if (fitted.fitSummary().verdict() == dev.retention.model.Verdict.UNUSABLE) {
            summary.unusable("the collaborative model is unusable");
        }
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(Hybrid.class);
        return new HybridModel(train, collaborative, content, popularity, options, s);
    }
}
