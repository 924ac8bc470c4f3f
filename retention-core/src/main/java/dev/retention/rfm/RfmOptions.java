package dev.retention.rfm;

import java.time.Instant;
import java.util.Objects;

/**
 * Options of {@link Rfm#compute(dev.retention.data.TransactionLog, RfmOptions)}.
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

    public RfmOptions {
        Objects.requireNonNull(ties, "ties");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(segments, "segments");
    }

    /** As of the latest purchase plus 24 hours, ties by id, equal weights, the default segments. */
    public static RfmOptions defaults() {
        return new RfmOptions(null, Ties.BY_ID, RfmWeights.equal(), RfmSegments.defaults());
    }

    /** A copy computed as of the given instant ({@code null} for the default). */
    public RfmOptions withAsOf(Instant asOf) {
        return new RfmOptions(asOf, ties, weights, segments);
    }

    /** A copy with the given tie policy. */
    public RfmOptions withTies(Ties ties) {
        return new RfmOptions(asOf, ties, weights, segments);
    }

    /** A copy with the given weights. */
    public RfmOptions withWeights(RfmWeights weights) {
        return new RfmOptions(asOf, ties, weights, segments);
    }

    /** A copy with the given segment map. */
    public RfmOptions withSegments(RfmSegments segments) {
        return new RfmOptions(asOf, ties, weights, segments);
    }
}
