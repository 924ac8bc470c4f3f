package dev.retention.rfm;

import java.time.Instant;
import java.util.Objects;

/**
 * Options of {@link Rfm#fit(dev.retention.data.TransactionLog, RfmOptions)}. Immutable; start from
 * {@link #defaults()} and change one option at a time with the {@code withX} methods.
 *
 * @param asOf     the instant the RFM values are computed at; only purchases strictly before it count.
 *                 {@code null} (the default) means the latest purchase's timestamp plus 24 hours.
 * @param ties     how equal values are scored
 * @param weights  weights of the weighted score
 * @param segments the segment map over the (R, F) scores
 */
public record RfmOptions(Instant asOf, Ties ties, RfmWeights weights, RfmSegments segments) {

    /** How customers with equal raw values are scored. */
    public enum Ties {
        /**
         * Equal values are ranked by customer id (natural id order), then cut into five bins of equal
         * size over the rank: the result of pandas {@code qcut(x.rank(method="first"), 5)} on a frame
         * sorted by id. Bins have equal sizes; equal values may get different scores. The default.
         */
        BY_ID,
        /**
         * Equal values always get equal scores: each value is binned by its lowest rank (pandas
         * {@code rank(method="min")}), so bins may have unequal sizes, or be empty under heavy ties.
         */
        EQUAL
    }

    /**
     * Checks the options.
     *
     * @param asOf     the instant the RFM values are computed at; only purchases strictly before it count. {@code null}
     *                 (the default) means the latest purchase's timestamp plus 24 hours.
     * @param ties     how equal values are scored
     * @param weights  weights of the weighted score
     * @param segments the segment map over the (R, F) scores
     * @throws NullPointerException if {@code ties}, {@code weights} or {@code segments} is null ({@code asOf} may be)
     */
    public RfmOptions {
        Objects.requireNonNull(ties, "ties must not be null");
        Objects.requireNonNull(weights, "weights must not be null");
        Objects.requireNonNull(segments, "segments must not be null");
    }

    /**
     * {@return the defaults: as of the latest purchase plus 24 hours, ties by id, equal weights, the default segments}
     */
    public static RfmOptions defaults() {
        return new RfmOptions(null, Ties.BY_ID, RfmWeights.equal(), RfmSegments.defaults());
    }

    /**
     * {@return a copy computed as of the given instant ({@code null} for the default)}
     *
     * @param asOf the instant the RFM values are computed at; only purchases strictly before it count. {@code null}
     *             (the default) means the latest purchase's timestamp plus 24 hours.
     */
    public RfmOptions withAsOf(Instant asOf) {
        return new RfmOptions(asOf, ties, weights, segments);
    }

    /**
     * {@return a copy with the given tie policy}
     *
     * @param ties how equal values are scored
     */
    public RfmOptions withTies(Ties ties) {
        return new RfmOptions(asOf, ties, weights, segments);
    }

    /**
     * {@return a copy with the given weights}
     *
     * @param weights weights of the weighted score
     */
    public RfmOptions withWeights(RfmWeights weights) {
        return new RfmOptions(asOf, ties, weights, segments);
    }

    /**
     * {@return a copy with the given segment map}
     *
     * @param segments the segment map over the (R, F) scores
     */
    public RfmOptions withSegments(RfmSegments segments) {
        return new RfmOptions(asOf, ties, weights, segments);
    }

    /**
     * One line, for fit summaries: {@code "asOf=latest purchase + 24 h, ties=BY_ID, weights=1*R + 1*F + 1*M,
     * segments=[Champions, ...]"}.
     */
    @Override
    public String toString() {
        return "asOf=" + (asOf == null ? "latest purchase + 24 h" : asOf) + ", ties=" + ties + ", weights=" + weights
                + ", segments=" + segments.names();
    }
}
