package dev.retention.recsys.knn;

/**
 * The neighbourhood estimators of Surprise ({@code surprise.prediction_algorithms.knns}), with
 * {@code N^k(x, y)} the {@code k} entities most similar to {@code x} (users for user-based, items for
 * item-based) among those with a rating for {@code y}, and only positive similarities used:
 * Y. Koren, "Factor in the neighbors: scalable and accurate collaborative filtering", ACM TKDD 4(1),
 * 2010, and C. Aggarwal, <i>Recommender Systems: The Textbook</i>, Springer 2016, chapter 2.
 */
public enum KnnVariant {
    /**
     * {@code KNNBasic}: {@code sum sim(x, n) r_n / sum sim(x, n)}; impossible (fallback to the global
     * mean) with fewer than {@code min_k} neighbours.
     */
    BASIC("KNNBasic"),
    /**
     * {@code KNNWithMeans}: {@code mu_x + sum sim(x, n) (r_n - mu_n) / sum sim(x, n)}, the deviation
     * term dropped with fewer than {@code min_k} neighbours.
     */
    WITH_MEANS("KNNWithMeans"),
    /**
     * {@code KNNWithZScore}: {@code mu_x + sigma_x sum sim(x, n) (r_n - mu_n) / sigma_n / sum sim(x, n)},
     * with population standard deviations (the overall one where an entity's is 0).
     */
    WITH_Z_SCORE("KNNWithZScore"),
    /**
     * {@code KNNBaseline}: {@code b_xy + sum sim(x, n) (r_n - b_ny) / sum sim(x, n)} with baselines
     * {@code b = mu + b_u + b_i}; for an unknown user or item, the baseline alone (not impossible).
     */
    BASELINE("KNNBaseline");

    private final String surpriseName;

    KnnVariant(String surpriseName) {
        this.surpriseName = surpriseName;
    }

    /** {@return the name of the Surprise class, such as {@code "KNNWithMeans"}} */
    public String surpriseName() {
        return surpriseName;
    }
}
