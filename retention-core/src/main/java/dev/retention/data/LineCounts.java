package dev.retention.data;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How many input lines were read, kept and skipped, by {@link SkipReason}. Immutable. Nothing is
 * dropped silently: {@code read() == kept() + skipped()} always holds.
 */
public final class LineCounts {

    private static final SkipReason[] REASONS = SkipReason.values();

    private final long kept;
    private final long netted;
    private final EnumMap<SkipReason, Long> skipped;   // every reason, zero counts included

    /**
     * Counts of lines kept and skipped.
     *
     * @param kept    lines kept (purchases, plus netted cancellations)
     * @param netted  of the kept lines, cancellations netted against spend (0 unless
     *                {@link PurchaseRules.Cancellations#NET})
     * @param skipped read, copied: lines skipped per reason, in the declaration order of {@link SkipReason}
     */
    public LineCounts(long kept, long netted, long[] skipped) {
        if (skipped.length != REASONS.length) {
            throw new IllegalArgumentException("skipped must have " + REASONS.length + " entries, got " + skipped.length);
        }
        if (kept < 0 || netted < 0 || netted > kept) {
            throw new IllegalArgumentException("need 0 <= netted <= kept, got kept=" + kept + ", netted=" + netted);
        }
        for (long c : skipped) {
            if (c < 0) {
                throw new IllegalArgumentException("skip counts must be >= 0, got " + Arrays.toString(skipped));
            }
        }
        this.kept = kept;
        this.netted = netted;
        this.skipped = new EnumMap<>(SkipReason.class);
        for (int r = 0; r < REASONS.length; r++) {
            this.skipped.put(REASONS[r], skipped[r]);
        }
    }

    /** Counts from the lines skipped per reason; absent reasons count zero. */
    static LineCounts of(long kept, long netted, Map<SkipReason, Long> skipped) {
        long[] counts = new long[REASONS.length];
        for (int r = 0; r < REASONS.length; r++) {
            counts[r] = skipped.getOrDefault(REASONS[r], 0L);
        }
        return new LineCounts(kept, netted, counts);
    }

    /**
     * No lines at all.
     *
     * @return counts of zero lines
     */
    public static LineCounts none() {
        return new LineCounts(0, 0, new long[REASONS.length]);
    }

    /** {@return lines read, kept or skipped} */
    public long read() {
        return kept + skipped();
    }

    /** {@return lines kept: purchases plus netted cancellations} */
    public long kept() {
        return kept;
    }

    /**
     * Of the kept lines, cancellations netted against the customer's spend.
     *
     * @return the number of kept lines that are netted cancellations
     */
    public long netted() {
        return netted;
    }

    /** {@return lines skipped for any reason} */
    public long skipped() {
        long s = 0;
        for (long c : skipped.values()) {
            s += c;
        }
        return s;
    }

    /**
     * {@return lines skipped for the given reason}
     *
     * @param reason why lines were skipped
     */
    public long skipped(SkipReason reason) {
        return skipped.get(reason);
    }

    /** {@return skipped lines per reason, in the declaration order of {@link SkipReason}, zero counts included} */
    public Map<SkipReason, Long> skippedByReason() {
        return new EnumMap<>(skipped);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineCounts other && kept == other.kept && netted == other.netted
                && skipped.equals(other.skipped);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(kept) + Long.hashCode(netted)) + skipped.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "lines read %,d, kept %,d", read(), kept));
        if (netted > 0) {
            sb.append(String.format(Locale.ROOT, " (%,d netted cancellations)", netted));
        }
        sb.append(String.format(Locale.ROOT, ", skipped %,d", skipped()));
        String sep = ": ";
        for (SkipReason r : REASONS) {
            long c = skipped.get(r);
            if (c > 0) {
                sb.append(sep).append(r.label()).append(' ').append(String.format(Locale.ROOT, "%,d", c));
                sep = ", ";
            }
        }
        return sb.toString();
    }
}
