package dev.retention.random;

/**
 * The one seed mixer of the library: every randomized algorithm derives the seeds of its independent streams
 * (a tree of a forest, a customer of a simulation, a restart, a repeat of a permutation) from the user's
 * seed with these functions, so that each stream depends on the seed and its own index alone, never on which
 * thread ran it or in what order.
 *
 * <p>{@link #mix64} is Stafford's variant 13 of the MurmurHash3 finaliser, the output function of SplitMix64
 * (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): a bijection on
 * longs. {@link #split} is the {@code index + 1}-th output of a SplitMix64 generator started at {@code seed}.
 */
public final class Seeds {

    /** The SplitMix64 increment, {@code 2^64 / phi}. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * {@return Stafford's variant 13 of the MurmurHash3 finaliser: a bijection on longs that mixes every bit}
     *
     * @param z the value to mix
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * {@return the seed of stream {@code index} under {@code seed}: {@code mix64(seed + (index + 1) * GOLDEN)}}
     * Distinct
     * indexes give statistically independent streams; nest calls for two-level streams
     * ({@code split(split(seed, group), repeat)}).
     *
     * @param seed  the seed of the parent stream
     * @param index the child stream's index, &gt;= 0
     */
    public static long split(long seed, long index) {
        return mix64(seed + (index + 1) * GOLDEN);
    }
}
