package dev.retention.recsys;

import dev.retention.model.ModelFile;
import dev.retention.recsys.internal.RatingModelFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The shared part of the rating models of this module: clipping to the scale, falling back to the
 * global mean when a model cannot predict and saying why, and scoring every item for top-N.
 * Subclasses supply the unclipped estimate and their model-file sections; every model carries a
 * {@link FitSummary} and saves as a {@link ModelFile} ({@link #save}). Immutable and thread-safe when
 * subclasses are.
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

    private final FitSummary fitSummary;

    /**
     * A model fitted on {@code train}.
     *
     * @param name       algorithm name
     * @param train      the training ratings (scale, global mean and id spaces are read)
     * @param fitSummary what the fit did
     */
    protected RatingModel(String name, Ratings train, FitSummary fitSummary) {
        this(name, train.scale(), train.globalMean(), train.userCount(), train.itemCount(), fitSummary);
    }

    /**
     * A model from its parts, as read from a model file.
     *
     * @param name       algorithm name
     * @param scale      the rating scale predictions are clipped to
     * @param globalMean the fallback estimate, finite
     * @param userCount  size of the user id space, {@code >= 0}
     * @param itemCount  size of the item id space, {@code >= 0}
     * @param fitSummary what the fit did
     * @throws IllegalArgumentException if the mean is not finite or a count is negative
     */
    protected RatingModel(String name, RatingScale scale, double globalMean, int userCount, int itemCount,
                          FitSummary fitSummary) {
        this.name = Objects.requireNonNull(name, "name");
        this.scale = Objects.requireNonNull(scale, "scale");
        this.fitSummary = Objects.requireNonNull(fitSummary, "fitSummary");
        if (!Double.isFinite(globalMean)) {
            throw new IllegalArgumentException("globalMean must be finite, got " + globalMean);
        }
        if (userCount < 0 || itemCount < 0) {
            throw new IllegalArgumentException("userCount and itemCount must be >= 0, got " + userCount + " and "
                    + itemCount);
        }
        this.globalMean = globalMean;
        this.userCount = userCount;
        this.itemCount = itemCount;
    }

    /**
     * The unclipped estimate, or {@link Double#NaN} when the model cannot predict; then
     * {@link #impossibleReason} says why. Must be thread-safe and must not log.
     */
    protected abstract double unclippedEstimate(int user, int item);

    /** Why {@link #unclippedEstimate} returned NaN for this pair. */
    protected abstract String impossibleReason(int user, int item);

    /** The model type written into this model's files, such as {@code "recsys-knn"}. */
    protected abstract String modelType();

    /**
     * Adds the model's own sections to a model file whose common part (type, scale, global mean, id
     * spaces, fit summary) is already written.
     *
     * @param file written
     */
    protected abstract void writeSections(ModelFile.Writer file);

    /**
     * Writes the model as a model file ({@link ModelFile}: versioned, checksummed): its type, the rating
     * scale, the global mean, the sizes of the id spaces, the fit summary, and the model's own arrays.
     * The matching {@code load} of each model class reads it back into a model with identical predictions.
     * O(size of the model).
     *
     * @param path written (atomically, through a temporary file)
     * @throws IOException if the file cannot be written
     */
    public final void save(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        ModelFile.Writer file = RatingModelFiles.writer(modelType(), this);
        writeSections(file);
        file.write(path);
    }

    /** What the fit did: algorithm, options, iterations, convergence, objective history, time. */
    public FitSummary fitSummary() {
        return fitSummary;
    }

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
