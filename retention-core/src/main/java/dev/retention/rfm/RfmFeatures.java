package dev.retention.rfm;

/**
 * How {@link RfmTable#features(RfmFeatures)} turns raw recency (days), frequency (orders) and monetary
 * (spend) into a feature matrix for clustering. Standardisation uses the population standard
 * deviation (divide by n, as scikit-learn's {@code StandardScaler}); a constant column becomes 0.
 */
public enum RfmFeatures {
    /** The raw values. */
    RAW,
    /** {@code log1p} of each value. */
    LOG1P,
    /** z-scores of the raw values. */
    ZSCORE,
    /** z-scores of {@code log1p} of each value: the usual input of k-means on RFM. */
    LOG1P_ZSCORE
}
