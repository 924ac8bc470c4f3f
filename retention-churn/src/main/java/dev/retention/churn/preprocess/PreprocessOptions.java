package dev.retention.churn.preprocess;

import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link Preprocessor}.
 *
 * @param imputation        how missing numbers are filled (default {@link Imputation#MEAN}, scikit-learn's
 *                          {@code SimpleImputer} default), from the training rows
 * @param standardize       whether numeric features are standardised to zero mean and unit variance
 *                          (population standard deviation, as {@code StandardScaler}; default true)
 * @param missingIndicators whether a numeric column with missing training values also gets a 0/1 feature
 *                          {@code "name=missing"} (default false)
 * @param maxCategories     one-hot columns per categorical column at most, &gt;= 2 (default 100): the
 *                          {@code maxCategories - 1} most frequent training values get their own column
 *                          and the rarer ones share {@code "name=(other)"}, as scikit-learn's
 *                          {@code max_categories}
 */
public record PreprocessOptions(Imputation imputation, boolean standardize, boolean missingIndicators,
                                int maxCategories) {

    /** How missing numbers are filled. */
    public enum Imputation {
        /** The mean of the training rows' values. */
        MEAN,
        /** The median of the training rows' values. */
        MEDIAN,
        /** Zero. */
        ZERO
    }

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param imputation        how missing numbers are filled (default {@link Imputation#MEAN}, scikit-learn's {@code
     *                          SimpleImputer} default), from the training rows
     * @param standardize       whether numeric features are standardised to zero mean and unit variance (population
     *                          standard deviation, as {@code StandardScaler}; default true)
     * @param missingIndicators whether a numeric column with missing training values also gets a 0/1 feature {@code
     *                          "name=missing"} (default false)
     * @param maxCategories     one-hot columns per categorical column at most, &gt;= 2 (default 100): the {@code
     *                          maxCategories - 1} most frequent training values get their own column and the rarer ones
     *                          share {@code "name=(other)"}, as scikit-learn's {@code max_categories}
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public PreprocessOptions {
        Objects.requireNonNull(imputation, "imputation");
        if (maxCategories < 2) {
            throw new IllegalArgumentException("maxCategories must be >= 2, got " + maxCategories);
        }
    }

    /** {@return the defaults: mean imputation, standardisation, no indicators, at most 100 categories per column} */
    public static PreprocessOptions defaults() {
        return new PreprocessOptions(Imputation.MEAN, true, false, 100);
    }

    /**
     * {@return a copy with this imputation}
     *
     * @param imputation how missing numbers are filled (default {@link Imputation#MEAN}, scikit-learn's {@code
     *                   SimpleImputer} default), from the training rows
     */
    public PreprocessOptions withImputation(Imputation imputation) {
        return new PreprocessOptions(imputation, standardize, missingIndicators, maxCategories);
    }

    /**
     * {@return a copy with or without standardisation}
     *
     * @param standardize whether numeric features are standardised to zero mean and unit variance (population standard
     *                    deviation, as {@code StandardScaler}; default true)
     */
    public PreprocessOptions withStandardize(boolean standardize) {
        return new PreprocessOptions(imputation, standardize, missingIndicators, maxCategories);
    }

    /**
     * {@return a copy with or without missing-value indicators}
     *
     * @param missingIndicators whether a numeric column with missing training values also gets a 0/1 feature {@code
     *                          "name=missing"} (default false)
     */
    public PreprocessOptions withMissingIndicators(boolean missingIndicators) {
        return new PreprocessOptions(imputation, standardize, missingIndicators, maxCategories);
    }

    /**
     * {@return a copy with this category limit}
     *
     * @param maxCategories one-hot columns per categorical column at most, &gt;= 2 (default 100): the {@code
     *                      maxCategories - 1} most frequent training values get their own column and the rarer ones
     *                      share {@code "name=(other)"}, as scikit-learn's {@code max_categories}
     */
    public PreprocessOptions withMaxCategories(int maxCategories) {
        return new PreprocessOptions(imputation, standardize, missingIndicators, maxCategories);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "impute=%s standardize=%b missing_indicators=%b max_categories=%d",
                imputation.name().toLowerCase(Locale.ROOT), standardize, missingIndicators, maxCategories);
    }
}
