package dev.retention.recsys.baseline;

/**
 * Options of {@link NormalPredictor#fit}.
 *
 * @param seed seed of the draws: a prediction for a (user, item) pair is a function of the seed and the pair;
 *             default 0
 */
public record NormalPredictorOptions(long seed) {

    /** {@return the defaults: seed 0} */
    public static NormalPredictorOptions defaults() {
        return new NormalPredictorOptions(0);
    }

    /**
     * {@return a copy with the given seed}
     *
     * @param seed seed of the draws: a prediction for a (user, item) pair is a function of the seed and the pair;
     *             default 0
     */
    public NormalPredictorOptions withSeed(long seed) {
        return new NormalPredictorOptions(seed);
    }
}
