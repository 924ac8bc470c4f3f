package dev.retention.random;

/**
 * A small seeded random number generator with the samplers the library needs: uniform, bounded integer,
 * standard normal, exponential, gamma and beta variates. The one implementation of these samplers: the
 * synthetic shop and the lifetime models' simulations draw from it. Not thread-safe; one instance per stream.
 *
 * <p>Design: the generator is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), written out here rather than taken from {@link java.util.SplittableRandom}
 * so that its output, including bounded integers and normal variates, is fixed by this file and not
 * by the JDK version. Independent streams are derived from (seed, stream, index) by hashing
 * ({@link Seeds#mix64}), so that the draws of one customer do not depend on those of any other. Transcendental functions go through
 * {@link StrictMath}, whose results are specified bit for bit, and all other arithmetic is IEEE 754
 * (strict in Java 17), so the same seed gives the same numbers on every platform.
 *
 * <p>Samplers, each O(1) expected time:
 * <ul>
 *   <li>normal: Marsaglia's polar method (Marsaglia and Bray 1964), one spare variate cached;</li>
 *   <li>gamma: Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3),
 *       2000, with the boost {@code Gamma(k) = Gamma(k + 1) * U^(1/k)} for shape {@code k < 1}
 *       (same paper, section 6); acceptance rate above 95% for every shape;</li>
 *   <li>beta: {@code X / (X + Y)} with {@code X ~ Gamma(a)}, {@code Y ~ Gamma(b)};</li>
 *   <li>bounded integers: Lemire, "Fast random integer generation in an interval", ACM TOMACS 29(1),
 *       2019, unbiased.</li>
 * </ul>
 */
public final class Variates {

    private static final double DOUBLE_UNIT = 0x1.0p-53;
    /**
     * Most draws of one rejection loop. Every loop here accepts with probability above one half per draw, so
     * reaching this bound has probability below 2^-1000: it can only mean a broken generator.
     */
    private static final int MAX_REJECTIONS = 1000;

    private long state;
    private double spareNormal;
    private boolean hasSpareNormal;

    /**
     * A generator whose sequence is fixed by {@code seed}.
     *
     * @param seed any value
     */
    public Variates(long seed) {
        this.state = seed;
    }

    /**
     * {@return the generator of stream {@code index} of kind {@code stream} under {@code seed}; distinct
     * (stream, index) pairs give statistically independent sequences}
     *
     * @param seed   the run's seed
     * @param stream the kind of draws, a constant of the caller
     * @param index  the stream's index within its kind, for example a customer
     */
    public static Variates stream(long seed, long stream, long index) {
        return new Variates(streamState(seed, stream, index));
    }

    /**
     * Restarts this generator as {@link #stream(long, long, long)} would, without allocating.
     *
     * @param seed   the run's seed
     * @param stream the kind of draws, a constant of the caller
     * @param index  the stream's index within its kind, for example a customer
     */
    public void reset(long seed, long stream, long index) {
        state = streamState(seed, stream, index);
        hasSpareNormal = false;
    }

    private static long streamState(long seed, long stream, long index) {
        return Seeds.mix64(Seeds.mix64(Seeds.mix64(seed) + stream) + index);
    }

    /** {@return 64 uniformly random bits} */
    public long nextLong() {
        state += Seeds.GOLDEN;
        return Seeds.mix64(state);
    }

    /** {@return the uniform in {@code [0, 1)}, a multiple of 2^-53} */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** {@return the uniform in {@code (0, 1]}, safe to take the logarithm of} */
    public double nextOpenClosed() {
        return 1.0 - nextDouble();
    }

    /**
     * {@return the uniform in {@code [0, bound)}, unbiased (Lemire's multiply-and-reject)}
     *
     * @param bound one past the largest value, &gt; 0
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            for (int tries = 0; low < threshold; tries++) {
                checkTries(tries);
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * Shuffles {@code a} in place, every order equally likely (Fisher and Yates, from the last position down:
     * position {@code i} swaps with {@code nextInt(i + 1)}).
     *
     * @param a the values to shuffle
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * {@return {@code 0 .. n-1} in a random order, every order equally likely: the identity, then {@link #shuffle}}
     *
     * @param n the length, {@code >= 0}
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /**
     * {@return whether an event of probability {@code probability} happens}
     *
     * @param probability the event's probability, in [0, 1]
     */
    public boolean nextBoolean(double probability) {
        return nextDouble() < probability;
    }

    /** {@return a standard normal variate (mean 0, variance 1), by the polar method} */
    public double normal() {
        if (hasSpareNormal) {
            hasSpareNormal = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        int tries = 0;
        do {
            checkTries(tries++);
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double m = Math.sqrt(-2.0 * StrictMath.log(s) / s);
        spareNormal = v * m;
        hasSpareNormal = true;
        return u * m;
    }

    /** {@return a standard exponential variate (rate 1, mean 1)} */
    public double exponential() {
        return -StrictMath.log(nextOpenClosed());
    }

    /**
     * {@return a gamma variate with the given shape and rate (mean {@code shape / rate}, variance
     * {@code shape / rate^2}); both must be finite and &gt; 0} May underflow to 0 for tiny shapes.
     *
     * @param shape the shape, finite and &gt; 0
     * @param rate  the rate, finite and &gt; 0
     */
    public double gamma(double shape, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be finite and > 0, got " + rate);
        }
        return gamma(shape) / rate;
    }

    /**
     * {@return a gamma variate with the given shape and rate 1, by Marsaglia and Tsang (2000)}
     *
     * @param shape the shape, finite and &gt; 0
     * @throws IllegalArgumentException if the shape is not finite and &gt; 0
     */
    public double gamma(double shape) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("shape must be finite and > 0, got " + shape);
        }
        if (shape < 1.0) {
            // Gamma(k) = Gamma(k + 1) * U^(1/k) for U uniform on (0, 1]: Marsaglia and Tsang, section 6.
            double boosted = gamma(shape + 1.0);
            return boosted * StrictMath.pow(nextOpenClosed(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        for (int tries = 0; ; tries++) {
            checkTries(tries);
            double x;
            double v;
            int inner = 0;
            do {
                checkTries(inner++);
                x = normal();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) {        // squeeze: accepts about 98% without a logarithm
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * x2 + d * (1.0 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /**
     * {@return a beta variate with shapes {@code a, b} (mean {@code a / (a + b)}), as {@code X / (X + Y)}} When both
     * gamma variates underflow to 0 (shapes far below 1), the same ratio is taken from their logarithms,
     * {@code 1 / (1 + exp(ln Y - ln X))}, with {@code ln Gamma(k) = ln Gamma(k + 1) + ln(U) / k}: the value
     * is then 0 or 1 to double precision, on the side the distribution puts it.
     *
     * @param a the first shape, finite and &gt; 0
     * @param b the second shape, finite and &gt; 0
     * @throws IllegalArgumentException if a shape is not finite and &gt; 0
     */
    public double beta(double a, double b) {
        double x = gamma(a);
        double y = gamma(b);
        double sum = x + y;
        if (sum > 0.0) {
            return x / sum;
        }
        double lx = logGamma(a);
        double ly = logGamma(b);
        return 1.0 / (1.0 + StrictMath.exp(ly - lx));
    }

    /** The logarithm of a gamma variate of the given shape and rate 1, finite even where the variate underflows. */
    private double logGamma(double shape) {
        if (shape >= 1.0) {
            return StrictMath.log(gamma(shape));
        }
        return StrictMath.log(gamma(shape + 1.0)) + StrictMath.log(nextOpenClosed()) / shape;
    }

    private static void checkTries(int tries) {
        if (tries >= MAX_REJECTIONS) {
            throw new IllegalStateException("a rejection sampler drew " + MAX_REJECTIONS
                    + " times without accepting: the generator is broken");
        }
    }
}
