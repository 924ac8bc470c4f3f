package dev.retention.recsys.popularity;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Objects;

/**
 * Fits the most-popular-items recommender, the baseline every personal recommender must beat (Cremonesi,
 * Koren and Turrin, "Performance of recommender algorithms on top-N recommendation tasks", RecSys 2010, section
 * 3: "TopPop"), as a {@link PopularityModel}: each item's popularity over the training data. Entry point
 * {@link #fit}. Closed form, O(ratings + items).
 */
public final class Popularity {

    private Popularity() {
    }

    /**
     * Counts the popularity of every item.
     *
     * @param train   read: purchases ({@link Ratings#ofPurchases}) or ratings
     * @param options how popularity is counted
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating
     */
    public static PopularityModel fit(Ratings train, PopularityOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Counts the popularity of every item. A closed-form fit: {@code control} is only asked whether to cancel
     * before it starts.
     *
     * @param train   read: purchases ({@link Ratings#ofPurchases}) or ratings
     * @param options how popularity is counted
     * @param control may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static PopularityModel fit(Ratings train, PopularityOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Limits.requireRatings("train", train.size());
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        control.checkCancelled("popularity", 0);
        long start = System.nanoTime();
        CsrMatrix byItem = train.byItem();
        double[] popularity = new double[train.itemCount()];
        for (int i = 0; i < popularity.length; i++) {
            if (options.measure() == PopularityOptions.Measure.USERS) {
                popularity[i] = byItem.rowLength(i);
            } else {
                double s = 0;
                for (int p = byItem.rowStart(i), end = byItem.rowEnd(i); p < end; p++) {
                    s += byItem.value(p);
                }
                popularity[i] = s;
            }
        }
        FitSummary.Builder summary = FitSummary.builder("most popular items").options(options)
                .choice("popularity: " + (options.measure() == PopularityOptions.Measure.USERS
                        ? "the number of users with an entry for the item" : "the sum of the item's values")
                        + "; ties ranked by the smaller item index")
                .data(train.fingerprint());
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(Popularity.class);
        return new PopularityModel(train, popularity, options, s);
    }
}
