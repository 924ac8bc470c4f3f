package dev.retention.io;

import dev.retention.data.PurchaseRules;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How the readers of this package read a file.
 *
 * @param strict       {@code true} (the default) to throw a {@link DataFormatException} on the first
 *                     record that cannot be parsed; {@code false} to skip such records, count them
 *                     (as {@link dev.retention.data.SkipReason#MALFORMED} in a transaction log), log
 *                     them and tell the {@code skipListener}. Problems with the file as a whole (an
 *                     empty file, a missing column, a malformed header) are thrown in both modes.
 * @param rules        which order lines count as purchases (default {@link PurchaseRules#defaults()});
 *                     used by the readers that return a {@link dev.retention.data.TransactionLog}
 * @param zone         the time zone in which local dates and times of the file are read (default UTC);
 *                     it also becomes the {@link dev.retention.data.TransactionLog#zone() zone of the log}.
 *                     Local times that fall in a daylight-saving gap are moved forward by the length of
 *                     the gap, and ambiguous ones take the earlier offset ({@link java.time.ZonedDateTime#of}).
 * @param skipListener told about each skipped record in lenient mode (default {@link SkipListener#NONE})
 * @param ratingMin    the smallest rating the rating readers accept (default no bound); a rating below it is a
 *                     malformed record, with its file and line
 * @param ratingMax    the largest rating the rating readers accept (default no bound)
 */
public record ReadOptions(boolean strict, PurchaseRules rules, ZoneId zone, SkipListener skipListener,
                          double ratingMin, double ratingMax) {

    /**
     * Validates the options.
     *
     * @param strict       {@code true} (the default) to throw a {@link DataFormatException} on the first record that
     *                     cannot be parsed; {@code false} to skip such records, count them (as {@link
     *                     dev.retention.data.SkipReason#MALFORMED} in a transaction log), log them and tell the {@code
     *                     skipListener}. Problems with the file as a whole (an empty file, a missing column, a
     *                     malformed header) are thrown in both modes.
     * @param rules        which order lines count as purchases (default {@link PurchaseRules#defaults()}); used by the
     *                     readers that return a {@link dev.retention.data.TransactionLog}
     * @param zone         the time zone in which local dates and times of the file are read (default UTC); it also
     *                     becomes the {@link dev.retention.data.TransactionLog#zone() zone of the log}. Local times
     *                     that fall in a daylight-saving gap are moved forward by the length of the gap, and ambiguous
     *                     ones take the earlier offset ({@link java.time.ZonedDateTime#of}).
     * @param skipListener told about each skipped record in lenient mode (default {@link SkipListener#NONE})
     * @param ratingMin    the smallest rating the rating readers accept (default no bound)
     * @param ratingMax    the largest rating the rating readers accept (default no bound)
     * @throws IllegalArgumentException if a rating bound is NaN or {@code ratingMin > ratingMax}
     */
    public ReadOptions {
        if (!(ratingMin <= ratingMax)) {
            throw new IllegalArgumentException("ratingMin must be at most ratingMax, got [" + ratingMin + ", "
                    + ratingMax + "]");
        }
        Objects.requireNonNull(rules, "rules must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(skipListener, "skipListener must not be null");
    }

    /** {@return the defaults: strict reading, the default purchase rules, UTC, no skip listener} */
    public static ReadOptions defaults() {
        return new ReadOptions(true, PurchaseRules.defaults(), ZoneOffset.UTC, SkipListener.NONE, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    /**
     * {@return a copy that is strict ({@code true}) or lenient ({@code false})}
     *
     * @param strict {@code true} (the default) to throw a {@link DataFormatException} on the first record that cannot
     *               be parsed; {@code false} to skip such records, count them (as {@link
     *               dev.retention.data.SkipReason#MALFORMED} in a transaction log), log them and tell the {@code
     *               skipListener}. Problems with the file as a whole (an empty file, a missing column, a malformed
     *               header) are thrown in both modes.
     */
    public ReadOptions withStrict(boolean strict) {
        return new ReadOptions(strict, rules, zone, skipListener, ratingMin, ratingMax);
    }

    /**
     * {@return a copy with the given purchase rules}
     *
     * @param rules which order lines count as purchases (default {@link PurchaseRules#defaults()}); used by the readers
     *              that return a {@link dev.retention.data.TransactionLog}
     */
    public ReadOptions withRules(PurchaseRules rules) {
        return new ReadOptions(strict, rules, zone, skipListener, ratingMin, ratingMax);
    }

    /**
     * {@return a copy that reads local times in the given zone}
     *
     * @param zone the time zone in which local dates and times of the file are read (default UTC); it also becomes the
     *             {@link dev.retention.data.TransactionLog#zone() zone of the log}. Local times that fall in a
     *             daylight-saving gap are moved forward by the length of the gap, and ambiguous ones take the earlier
     *             offset ({@link java.time.ZonedDateTime#of}).
     */
    public ReadOptions withZone(ZoneId zone) {
        return new ReadOptions(strict, rules, zone, skipListener, ratingMin, ratingMax);
    }

    /**
     * {@return a copy that tells the given listener about skipped records}
     *
     * @param skipListener told about each skipped record in lenient mode (default {@link SkipListener#NONE})
     */
    public ReadOptions withSkipListener(SkipListener skipListener) {
        return new ReadOptions(strict, rules, zone, skipListener, ratingMin, ratingMax);
    }

    /**
     * {@return a copy whose rating readers refuse ratings outside {@code [min, max]}}: in strict mode a
     * {@link DataFormatException} with the file and line, in lenient mode a skipped and counted record.
     *
     * @param min the smallest rating accepted
     * @param max the largest rating accepted, at least {@code min}
     */
    public ReadOptions withRatingRange(double min, double max) {
        return new ReadOptions(strict, rules, zone, skipListener, min, max);
    }
}
