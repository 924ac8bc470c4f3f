package dev.retention.recsys.baseline;

import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;

import java.util.Objects;

/**
 * Predicts a random rating drawn from the normal distribution {@code N(mu, sigma^2)} whose mean and
 * standard deviation are the maximum-likelihood estimates over the training ratings (Surprise's
 * {@code NormalPredictor}; {@code sigma = sqrt(sum (r - mu)^2 / n)}). To stay immutable, thread-safe
 * and reproducible, the draw for a (user, item) pair is a function of the seed and the pair (a
 * SplitMix64 hash turned into a standard normal by the Box-Muller transform), so asking twice gives
 * the same estimate. Fit O(ratings); predict O(1).
 */
public final class NormalPredictor extends RatingModel {

    private final double mu;
    private final double sigma;
    private final long seed;

    private NormalPredictor(Ratings train, double sigma, long seed) {
        super("NormalPredictor", train);
        this.mu = train.globalMean();
        this.sigma = sigma;
        this.seed = seed;
    }

    /**
     * Fits mean and standard deviation.
     *
     * @param train read
     * @param seed  seed of the draws
     */
    public static NormalPredictor fit(Ratings train, long seed) {
        Objects.requireNonNull(train, "train");
        double mu = train.globalMean();
        double ss = 0;
        for (int p = 0; p < train.size(); p++) {
            double d = train.value(p) - mu;
            ss += d * d;
        }
        return new NormalPredictor(train, train.size() == 0 ? 0 : Math.sqrt(ss / train.size()), seed);
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        long h = mix(seed ^ mix(((long) user << 32) ^ (item & 0xFFFFFFFFL)));
        double u1 = ((h >>> 11) + 1) * 0x1.0p-53;          // (0, 1]
        double u2 = (mix(h) >>> 11) * 0x1.0p-53;           // [0, 1)
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return mu + sigma * z;
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return "";
    }

    /** The fitted mean. */
    public double mu() {
        return mu;
    }

    /** The fitted standard deviation. */
    public double sigma() {
        return sigma;
    }

    @Override
    public String toString() {
        return String.format("NormalPredictor: mu %.4f, sigma %.4f, seed %d", mu, sigma, seed);
    }
}
