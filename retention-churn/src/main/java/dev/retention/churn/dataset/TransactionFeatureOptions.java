package dev.retention.churn.dataset;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link TransactionFeatures}.
 *
 * @param cutoffs          the cutoff instants, at least one, strictly increasing: features are computed from
 *                         the lines strictly before each cutoff, the label from the horizon after it
 * @param horizonDays      the label horizon in days, &gt;= 1 (for example 90)
 * @param windowDays       the recent windows of the orders and spend counts, increasing, each &gt;= 1
 *                         (default 30, 90, 180); the spend trend compares the two halves of the longest
 * @param activeWithinDays only customers with a purchase in the last this many days before a cutoff get a
 *                         row (0, the default: every customer with a purchase before the cutoff)
 * @param observationEnd   the end of the data, exclusive: a labelled row at cutoff {@code t} needs
 *                         {@code t + horizon <= observationEnd}; {@code null} (the default) means one
 *                         second after the log's last purchase
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record TransactionFeatureOptions(List<Instant> cutoffs, int horizonDays, int[] windowDays, int activeWithinDays,
                                        Instant observationEnd) {

    /** Seconds in a day. */
    static final long DAY = 86_400;

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param cutoffs          the cutoff instants, at least one, strictly increasing: features are computed from the
     *                         lines strictly before each cutoff, the label from the horizon after it
     * @param horizonDays      the label horizon in days, &gt;= 1 (for example 90)
     * @param windowDays       the recent windows of the orders and spend counts, increasing, each &gt;= 1 (default 30,
     *                         90, 180); the spend trend compares the two halves of the longest
     * @param activeWithinDays only customers with a purchase in the last this many days before a cutoff get a row (0,
     *                         the default: every customer with a purchase before the cutoff)
     * @param observationEnd   the end of the data, exclusive: a labelled row at cutoff {@code t} needs {@code t +
     *                         horizon <= observationEnd}; {@code null} (the default) means one second after the log's
     *                         last purchase
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public TransactionFeatureOptions {
        Objects.requireNonNull(cutoffs, "cutoffs");
        cutoffs = List.copyOf(cutoffs);
        if (cutoffs.isEmpty()) {
            throw new IllegalArgumentException("at least one cutoff is needed, got none");
        }
        for (int k = 1; k < cutoffs.size(); k++) {
            if (!cutoffs.get(k).isAfter(cutoffs.get(k - 1))) {
                throw new IllegalArgumentException("cutoffs must be strictly increasing, got " + cutoffs.get(k - 1)
                        + " then " + cutoffs.get(k));
            }
        }
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be >= 1, got " + horizonDays);
        }
        Objects.requireNonNull(windowDays, "windowDays");
        windowDays = windowDays.clone();
        if (windowDays.length == 0) {
            throw new IllegalArgumentException("at least one window is needed, got none");
        }
        for (int k = 0; k < windowDays.length; k++) {
            if (windowDays[k] < 1 || (k > 0 && windowDays[k] <= windowDays[k - 1])) {
                throw new IllegalArgumentException("windowDays must be increasing and >= 1, got "
                        + Arrays.toString(windowDays));
            }
        }
        if (activeWithinDays < 0) {
            throw new IllegalArgumentException("activeWithinDays must be >= 0, got " + activeWithinDays);
        }
    }

    /**
     * {@return cutoffs with a horizon, windows of 30, 90 and 180 days, every customer active before the cutoff}
     *
     * @param cutoffs     strictly increasing cutoffs
     * @param horizonDays label horizon in days
     */
    public static TransactionFeatureOptions of(List<Instant> cutoffs, int horizonDays) {
        return new TransactionFeatureOptions(cutoffs, horizonDays, new int[] {30, 90, 180}, 0, null);
    }

    /** {@return the windows; a copy} */
    @Override
    public int[] windowDays() {
        return windowDays.clone();
    }

    /**
     * {@return a copy with these windows}
     *
     * @param windowDays the recent windows of the orders and spend counts, increasing, each &gt;= 1 (default 30, 90,
     *                   180); the spend trend compares the two halves of the longest
     */
    public TransactionFeatureOptions withWindowDays(int... windowDays) {
        return new TransactionFeatureOptions(cutoffs, horizonDays, windowDays, activeWithinDays, observationEnd);
    }

    /**
     * {@return a copy keeping only customers active in the last {@code days} days before each cutoff (0: all)}
     *
     * @param days the window before each cutoff in days, &gt;= 0 (0: all customers)
     */
    public TransactionFeatureOptions withActiveWithinDays(int days) {
        return new TransactionFeatureOptions(cutoffs, horizonDays, windowDays, days, observationEnd);
    }

    /**
     * {@return a copy with this observation end ({@code null}: just after the last purchase)}
     *
     * @param observationEnd the end of the data, exclusive: a labelled row at cutoff {@code t} needs {@code t + horizon
     *                       <= observationEnd}; {@code null} (the default) means one second after the log's last
     *                       purchase
     */
    public TransactionFeatureOptions withObservationEnd(Instant observationEnd) {
        return new TransactionFeatureOptions(cutoffs, horizonDays, windowDays, activeWithinDays, observationEnd);
    }

    /**
     * {@return a copy with these cutoffs}
     *
     * @param cutoffs the cutoff instants, at least one, strictly increasing: features are computed from the lines
     *                strictly before each cutoff, the label from the horizon after it
     */
    public TransactionFeatureOptions withCutoffs(List<Instant> cutoffs) {
        return new TransactionFeatureOptions(cutoffs, horizonDays, windowDays, activeWithinDays, observationEnd);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionFeatureOptions t && t.cutoffs.equals(cutoffs) && t.horizonDays == horizonDays
                && Arrays.equals(t.windowDays, windowDays) && t.activeWithinDays == activeWithinDays
                && Objects.equals(t.observationEnd, observationEnd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cutoffs, horizonDays, Arrays.hashCode(windowDays), activeWithinDays, observationEnd);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "cutoffs=%s horizon=%dd windows=%s active_within=%dd observation_end=%s",
                cutoffs, horizonDays, Arrays.toString(windowDays), activeWithinDays, observationEnd);
    }
}
