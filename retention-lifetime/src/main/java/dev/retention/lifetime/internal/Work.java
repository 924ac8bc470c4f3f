package dev.retention.lifetime.internal;

/**
 * A per-thread count of the terms and nodes the special functions of this package evaluate, so that tests can
 * bound the work of a prediction by a number, never by a clock. Off unless a test turns it on; then each series
 * and quadrature adds its count once when it ends (not per term). Not part of any API.
 */
final class Work {

    /** Whether counting is on; tests set it. */
    static volatile boolean counting;

    private static final ThreadLocal<long[]> STEPS = ThreadLocal.withInitial(() -> new long[1]);

    private Work() {
    }

    /** Adds {@code n} terms or nodes to the calling thread's count when counting is on. */
    static void add(long n) {
        if (counting) {
            STEPS.get()[0] += n;
        }
    }

    /** {@return the calling thread's count, and resets it to 0} */
    static long take() {
        long[] s = STEPS.get();
        long v = s[0];
        s[0] = 0;
        return v;
    }
}
