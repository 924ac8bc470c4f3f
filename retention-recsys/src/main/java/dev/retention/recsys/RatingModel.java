package dev.retention.recsys;

import java.util.Objects;

/**
 * The shared part of the rating models of this module: clipping to the scale, falling back to the
 * global mean when a model cannot predict and saying why, and scoring every item for top-N.
 * Subclasses supply the unclipped estimate. Immutable and thread-safe when subclasses are.
 */
public abstract class RatingModel implements RatingPredictor {

    /** Why a prediction was impossible: the user or item has no rating in the training data. */
    protected static final String UNKNOWN = "user and/or item is unknown";
    /** Why a prediction was impossible: no neighbour with positive similarity. */
    protected static final String NO_NEIGHBOURS = "not enough neighbours";

    private final String name;
    private final RatingScale scale;
    private final double globalMean;
    private final int userCount;
    private final int itemCount;

    /**
     * @param name   algorithm name
     * @param train  the training ratings (scale, global mean, id spaces are read)
     */
    protected RatingModel(String name, Ratings train) {
        this.name = Objects.requireNonNull(name, "name");
        this.scale = train.scale();
        this.globalMean = train.globalMean();
        this.userCount = train.userCount();
        this.itemCount = train.itemCount();
    }

    /**
     * The unclipped estimate, or {@link Double#NaN} when the model cannot predict; then
     * {@link #impossibleReason} says why. Must be thread-safe and must not log.
     */
    protected abstract double unclippedEstimate(int user, int item);

    /** Why {@link #unclippedEstimate} returned NaN for this pair. */
    protected abstract String impossibleReason(int user, int item);

    /** Mean of the training ratings, the fallback estimate. */
    public double globalMean() {
        return globalMean;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final RatingScale scale() {
        return scale;
    }

    @Override
    public final double estimate(int user, int item) {
        double e = unclippedEstimate(user, item);
        return scale.clip(Double.isNaN(e) ? globalMean : e);
    }

    @Override
    public final Prediction predict(int user, int item) {
        double e = unclippedEstimate(user, item);
        if (Double.isNaN(e)) {
            return new Prediction(user, item, scale.clip(globalMean), true, impossibleReason(user, item));
        }
        return new Prediction(user, item, scale.clip(e), false, "");
    }

    @Override
    public void scoreItems(int user, double[] out) {
        checkScores(out);
        for (int i = 0; i < itemCount; i++) {
            double e = unclippedEstimate(user, i);
            out[i] = Double.isNaN(e) ? globalMean : e;
        }
    }

    /** Checks the length of a score array. */
    protected final void checkScores(double[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length != itemCount) {
            throw new IllegalArgumentException("out must have length itemCount() = " + itemCount + ", got "
                    + out.length);
        }
    }

    @Override
    public final int userCount() {
        return userCount;
    }

    @Override
    public final int itemCount() {
        return itemCount;
    }
}
