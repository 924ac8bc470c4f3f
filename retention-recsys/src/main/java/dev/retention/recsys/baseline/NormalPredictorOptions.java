package dev.retention.recsys.baseline;

/**
 * Options of {@link NormalPredictor#fit}.
 *
 * @param seed seed of the draws: a prediction for a (user, item) pair is a function of the seed and the pair;
 *             default 0
 */
public record NormalPredictorOptions(long seed) {

    /** Seed 0. */
    public static NormalPredictorOptions defaults() {
        return new NormalPredictorOptions(0);
    }

    /** A copy with the given seed. */
    public NormalPredictorOptions withSeed(long seed) {
        return new NormalPredictorOptions(seed);
    }
}
