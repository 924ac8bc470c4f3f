package dev.retention.data;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many input lines were read, kept and skipped, by {@link SkipReason}. Immutable. Nothing is
 * dropped silently: {@code read() == kept() + skipped()} always holds.
 */
public final class LineCounts {

    private static final SkipReason[] REASONS = SkipReason.values();

    private final long kept;
    private final long netted;
    private final long[] skipped;

    /**
     * @param kept    lines kept (purchases, plus netted cancellations)
     * @param netted  of the kept lines, cancellations netted against spend (0 unless
     *                {@link PurchaseRules.Cancellations#NET})
     * @param skipped read, copied: lines skipped per reason, indexed by {@link SkipReason#ordinal()}
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
        this.skipped = skipped.clone();
    }

    /** No lines at all. */
    public static LineCounts none() {
        return new LineCounts(0, 0, new long[REASONS.length]);
    }

    /** Lines read, kept or skipped. */
    public long read() {
        return kept + skipped();
    }

    /** Lines kept: purchases plus netted cancellations. */
    public long kept() {
        return kept;
    }

    /** Of the kept lines, cancellations netted against the customer's spend. */
    public long netted() {
        return netted;
    }

    /** Lines skipped for any reason. */
    public long skipped() {
        long s = 0;
        for (long c : skipped) {
            s += c;
        }
        return s;
    }

    /** Lines skipped for the given reason. */
    public long skipped(SkipReason reason) {
        return skipped[reason.ordinal()];
    }

    /** Skipped lines per reason, in the declaration order of {@link SkipReason}, zero counts included. */
    public Map<SkipReason, Long> skippedByReason() {
        Map<SkipReason, Long> m = new EnumMap<>(SkipReason.class);
        for (SkipReason r : REASONS) {
            m.put(r, skipped[r.ordinal()]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineCounts other && kept == other.kept && netted == other.netted
                && Arrays.equals(skipped, other.skipped);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(kept) + Long.hashCode(netted)) + Arrays.hashCode(skipped);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("lines read %,d, kept %,d", read(), kept));
        if (netted > 0) {
            sb.append(String.format(" (%,d netted cancellations)", netted));
        }
        sb.append(String.format(", skipped %,d", skipped()));
        String sep = ": ";
        for (SkipReason r : REASONS) {
            long c = skipped[r.ordinal()];
            if (c > 0) {
                sb.append(sep).append(r.label()).append(' ').append(String.format("%,d", c));
                sep = ", ";
            }
        }
        return sb.toString();
    }
}
