package dev.retention.recsys.similarity;

/**
 * The similarity measures between two rows {@code x} and {@code y} of a sparse matrix, computed over
 * the columns {@code C} that both hold ("co-rated" entries), with {@code n = |C|}. Each is 0 when its
 * denominator is 0 (a zero or constant vector over {@code C}), never NaN, and lies in [-1, 1] (the
 * correlation-like measures) or [0, 1] (the others). Formulas as in Surprise 1.1
 * ({@code surprise.similarities}; N. Hug, "Surprise: a Python library for recommender systems",
 * JOSS 5(52), 2020), whose user guide names the sources below.
 */
public enum SimilarityMeasure {
    /**
     * Cosine over co-rated entries: {@code sum x_c y_c / sqrt(sum x_c^2 * sum y_c^2)} over {@code C}
     * (Surprise's {@code cosine}; not the cosine of the full vectors).
     */
    COSINE("cosine"),
    /**
     * Pearson correlation over co-rated entries, means taken over {@code C}:
     * {@code (n sum xy - sum x sum y) / sqrt((n sum x^2 - (sum x)^2)(n sum y^2 - (sum y)^2))}
     * (Surprise's {@code pearson}).
     */
    PEARSON("pearson"),
    /**
     * Pearson correlation of baseline residuals {@code r - (mu + b_x + b_c)} over co-rated entries
     * (centred at the baseline, not at the mean), shrunk by {@code (n - 1) / (n - 1 + shrinkage)}:
     * Y. Koren, "Factor in the neighbors: scalable and accurate collaborative filtering", ACM TKDD 4(1),
     * 2010, eq. 2 (Surprise's {@code pearson_baseline}, shrinkage 100 by default). Needs
     * {@link Baselines}.
     */
    PEARSON_BASELINE("pearson_baseline"),
    /**
     * Mean squared difference similarity {@code 1 / (msd + 1)} with
     * {@code msd = sum (x_c - y_c)^2 / n} (Surprise's {@code msd}, the default).
     */
    MSD("msd"),
    /** Jaccard index of the supports: {@code n / (|x| + |y| - n)}, values ignored. */
    JACCARD("jaccard"),
    /**
     * Adjusted cosine (B. Sarwar, G. Karypis, J. Konstan and J. Riedl, "Item-based collaborative
     * filtering recommendation algorithms", WWW 2001, section 3.1.3): cosine over co-rated entries of
     * the values centred by the mean of their column (for item-item similarity over a user x item
     * matrix read by item, the mean of each user).
     */
    ADJUSTED_COSINE("adjusted_cosine");

    private final String label;

    SimilarityMeasure(String label) {
        this.label = label;
    }

    /** {@return the name used by Surprise and the command line, such as {@code "pearson_baseline"}} */
    public String label() {
        return label;
    }

    /**
     * {@return the measure with the given label}
     *
     * @param label a measure's label, such as {@code "pearson_baseline"}
     * @throws IllegalArgumentException naming the label and the known ones
     */
    public static SimilarityMeasure parse(String label) {
        for (SimilarityMeasure m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown similarity '" + label
                + "'; expected cosine, pearson, pearson_baseline, msd, jaccard or adjusted_cosine");
    }
}
