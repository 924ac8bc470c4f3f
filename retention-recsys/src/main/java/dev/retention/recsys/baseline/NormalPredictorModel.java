package dev.retention.recsys.baseline;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.FitSummary;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.RatingModelFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Predicts a random rating drawn from the normal distribution {@code N(mu, sigma^2)} whose mean and
 * standard deviation are the maximum-likelihood estimates over the training ratings (Surprise's
 * {@code NormalPredictor}; {@code sigma = sqrt(sum (r - mu)^2 / n)}). To stay immutable, thread-safe
 * and reproducible, the draw for a (user, item) pair is a function of the seed and the pair (a
 * SplitMix64 hash turned into a standard normal by the Box-Muller transform), so asking twice gives
 * the same estimate. Fit O(ratings); predict O(1). Saved and loaded with the model file format (type
 * {@value #MODEL_TYPE}).
 */
public final class NormalPredictor extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-normal-predictor";

    private final double mu;
    private final double sigma;
    private final long seed;

    private NormalPredictor(Ratings train, double sigma, long seed, FitSummary fit) {
        super("NormalPredictor", train, fit);
        this.mu = train.globalMean();
        this.sigma = sigma;
        this.seed = seed;
    }

    private NormalPredictor(RatingModelFiles.Header h, double sigma, long seed) {
        super("NormalPredictor", h.scale(), h.globalMean(), h.userCount(), h.itemCount(), h.fit());
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        this.mu = h.globalMean();
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
        long start = System.nanoTime();
        double mu = train.globalMean();
        double ss = 0;
        for (int p = 0; p < train.size(); p++) {
            double d = train.value(p) - mu;
            ss += d * d;
        }
        double sigma = train.size() == 0 ? 0 : Math.sqrt(ss / train.size());
        FitSummary fit = FitSummary.closedForm("NormalPredictor", "seed " + seed,
                String.format(Locale.ROOT, "maximum-likelihood mu %.6f, sigma %.6f over %,d ratings", mu, sigma,
                        train.size()), (System.nanoTime() - start) / 1e9);
        return new NormalPredictor(train, sigma, seed, fit);
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
    protected String modelType() {
        return MODEL_TYPE;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putDouble("sigma", sigma).putLong("seed", seed);
    }

    /**
     * Reads a model written by {@link #save(Path)}; its draws equal the saved model's.
     *
     * @throws ModelFormatException if the file is not a valid model file of this type
     * @throws IOException          if it cannot be read
     */
    public static NormalPredictor load(Path path) throws IOException {
        return RatingModelFiles.read(path, MODEL_TYPE,
                (f, h) -> new NormalPredictor(h, f.doubleValue("sigma"), f.longValue("seed")));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NormalPredictor: mu %.4f, sigma %.4f, seed %d%n%s", mu, sigma, seed,
                fitSummary());
    }
}
