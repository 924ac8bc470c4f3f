package dev.retention.experiment.uplift;

/**
 * The options of the uplift learners ({@link TLearner}, {@link ClassTransformation}, {@link XLearner}); the base
 * classifier's own options travel with its {@code Learner}.
 *
 * @param seed  seed of the class transformation's balancing subsample (the larger arm is subsampled to the size of
 *              the smaller one); default 0
 * @param ridge the L2 penalty of the X-learner's second-stage linear regressions of the imputed effects, &gt;= 0
 *              (scikit-learn's {@code Ridge(alpha)}, intercept unpenalised); default 1.0
 */
public record UpliftOptions(long seed, double ridge) {

    /**
     * Checks the fields.
     *
     * @param seed  any value
     * @param ridge finite and &gt;= 0
     * @throws IllegalArgumentException if the ridge is out of range
     */
    public UpliftOptions {
        if (!(ridge >= 0 && Double.isFinite(ridge))) {
            throw new IllegalArgumentException("ridge must be finite and >= 0, got " + ridge);
        }
    }

    /** {@return seed 0, ridge 1.0} */
    public static UpliftOptions defaults() {
        return new UpliftOptions(0, 1.0);
    }

    /**
     * {@return a copy with another seed}
     *
     * @param seed the seed
     */
    public UpliftOptions withSeed(long seed) {
        return new UpliftOptions(seed, ridge);
    }

    /**
     * {@return a copy with another ridge penalty}
     *
     * @param ridge finite and &gt;= 0
     */
    public UpliftOptions withRidge(double ridge) {
        return new UpliftOptions(seed, ridge);
    }
}
