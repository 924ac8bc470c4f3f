package dev.retention.recsys;

/**
 * The declared range of ratings, {@code [min, max]}, such as 1..5 stars. Predictions are clipped to it
 * (as Surprise's {@code predict(clip=True)}), and ratings outside it are refused or dropped and counted
 * when {@link Ratings} are made ({@link OutOfScale}).
 *
 * @param min lowest rating, finite
 * @param max highest rating, finite, {@code > min}
 */
public record RatingScale(double min, double max) {

    /** What to do with a rating outside the scale. */
    public enum OutOfScale {
        /** Throw {@link IllegalArgumentException} naming the user, item and rating. The default. */
        REJECT,
        /** Leave the rating out and count it in {@link Ratings#droppedOutOfScale()}. */
        DROP
    }

    /**
     * Validates the scale.
     *
     * @param min lowest rating, finite
     * @param max highest rating, finite, {@code > min}
     */
    public RatingScale {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("rating scale must have finite min < max, got [" + min + ", " + max
                    + "]");
        }
    }

    /** {@return the 1..5 scale of MovieLens} */
    public static RatingScale oneToFive() {
        return new RatingScale(1, 5);
    }

    /**
     * {@return whether {@code rating} lies in the scale}
     *
     * @param rating a rating
     */
    public boolean contains(double rating) {
        return rating >= min && rating <= max;
    }

    /**
     * {@return {@code rating} moved into the scale}
     *
     * @param rating a rating
     */
    public double clip(double rating) {
        return rating < min ? min : rating > max ? max : rating;
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "]";
    }
}
