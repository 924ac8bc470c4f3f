package dev.retention.churn.dataset;

/** The kind of a feature column of a {@link CustomerTable}. */
public enum ColumnKind {
    /** Numbers; missing values are NaN until the preprocessing model imputes them. */
    NUMERIC,
    /** Text categories; missing values are {@code null}. One-hot encoded by the preprocessing model. */
    CATEGORICAL
}
