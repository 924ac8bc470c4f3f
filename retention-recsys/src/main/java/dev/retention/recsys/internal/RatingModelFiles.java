package dev.retention.recsys.internal;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.FitSummary;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.baseline.BaselineOptions;
import dev.retention.recsys.sparse.CsrMatrix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the model files of the rating models share: the common sections every model writes (rating
 * scale, global mean, id-space sizes, fit summary), the training ratings of the models that keep them,
 * the baseline options, and the rule that a value a model's constructor or options reject makes the
 * file invalid, with a {@link ModelFormatException} naming the file and the model type.
 *
 * <p>Sections written here: {@code scale} (min, max), {@code global_mean}, {@code id_spaces} (users,
 * items), {@code fit_algorithm}, {@code fit_options}, {@code fit_details}, {@code fit_iterations},
 * {@code fit_converged} (0 or 1), {@code fit_objective}, {@code fit_seconds}; {@code ratings_*} (a
 * {@link CsrMatrix}, users x items); {@code baseline_method}, {@code baseline_epochs},
 * {@code baseline_params} (reg_u, reg_i, learning rate, reg).
 */
public final class RatingModelFiles {

    private RatingModelFiles() {
    }

    /**
     * The common part of a rating model's file.
     *
     * @param scale      the rating scale
     * @param globalMean the fallback estimate
     * @param userCount  size of the user id space
     * @param itemCount  size of the item id space
     * @param fit        the fit summary
     */
    public record Header(RatingScale scale, double globalMean, int userCount, int itemCount, FitSummary fit) {
    }

    /** Builds a model from a checked file and its header. */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * Reads the model's own sections.
         *
         * @throws ModelFormatException     if a section is missing or malformed
         * @throws IllegalArgumentException if the model's constructor or options reject a value (the caller
         *                                  turns it into a {@link ModelFormatException})
         */
        T read(ModelFile file, Header header) throws ModelFormatException;
    }

    /**
     * A writer of the given type holding the common sections of {@code model}; the caller adds its own.
     *
     * @param type  the model type
     * @param model read
     */
    public static ModelFile.Writer writer(String type, RatingModel model) {
        ModelFile.Writer w = ModelFile.writer(type)
                .putDoubles("scale", new double[] {model.scale().min(), model.scale().max()})
                .putDouble("global_mean", model.globalMean())
                .putInts("id_spaces", new int[] {model.userCount(), model.itemCount()});
        FitSummary fit = model.fitSummary();
        return w.putString("fit_algorithm", fit.algorithm())
                .putString("fit_options", fit.options())
                .putString("fit_details", fit.details())
                .putInt("fit_iterations", fit.iterations())
                .putInt("fit_converged", fit.converged() ? 1 : 0)
                .putDoubles("fit_objective", fit.objective())
                .putDouble("fit_seconds", fit.seconds());
    }

    /**
     * Reads a model file of the given type: checks the type, reads the common sections, then lets
     * {@code reader} build the model.
     *
     * @param path   read
     * @param type   the expected model type
     * @param reader builds the model
     * @throws ModelFormatException if the file is not a model file, holds another type, or is malformed
     * @throws IOException          if it cannot be read
     */
    public static <T> T read(Path path, String type, Reader<T> reader) throws IOException {
        Objects.requireNonNull(path, "path");
        ModelFile f = ModelFile.read(path).requireType(type);
        try {
            double[] scale = f.doubles("scale");
            int[] ids = f.ints("id_spaces");
            requireLength(f, "scale", scale.length, 2);
            requireLength(f, "id_spaces", ids.length, 2);
            FitSummary fit = new FitSummary(f.string("fit_algorithm"), f.string("fit_options"),
                    f.string("fit_details"), f.intValue("fit_iterations"), f.intValue("fit_converged") != 0,
                    f.doubles("fit_objective"), f.doubleValue("fit_seconds"));
            Header header = new Header(new RatingScale(scale[0], scale[1]), f.doubleValue("global_mean"), ids[0],
                    ids[1], fit);
            return reader.read(f, header);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ModelFormatException(f.source() + ": invalid " + type + " model: " + e.getMessage());
        }
    }

    /**
     * Throws unless a section holds the expected number of values.
     *
     * @throws ModelFormatException naming the file, the section and both lengths
     */
    public static void requireLength(ModelFile f, String section, int length, long expected)
            throws ModelFormatException {
        if (length != expected) {
            throw new ModelFormatException(f.source() + ": section '" + section + "' holds " + length
                    + " values, expected " + expected);
        }
    }

    /**
     * A double section that must hold {@code length} finite values (model parameters: a NaN there
     * would come out of a prediction).
     *
     * @throws ModelFormatException naming the section and the length or the first non-finite value
     */
    public static double[] finiteDoubles(ModelFile f, String section, long length) throws ModelFormatException {
        double[] values = f.doubles(section);
        requireLength(f, section, values.length, length);
        for (int p = 0; p < values.length; p++) {
            if (!Double.isFinite(values[p])) {
                throw new ModelFormatException(f.source() + ": section '" + section + "' holds " + values[p]
                        + " at position " + p + ", expected finite values");
            }
        }
        return values;
    }

    /** Adds the training ratings (the users x items matrix) as the {@code ratings_*} sections. */
    public static void putRatings(ModelFile.Writer w, Ratings ratings) {
        ratings.byUser().writeTo(w, "ratings");
    }

    /**
     * Reads the training ratings written by {@link #putRatings}, on the header's scale and id spaces.
     *
     * @throws ModelFormatException if the matrix is malformed or does not match the id spaces
     */
    public static Ratings ratings(ModelFile f, Header h) throws ModelFormatException {
        CsrMatrix byUser = CsrMatrix.readFrom(f, "ratings");
        if (byUser.rows() != h.userCount() || byUser.cols() != h.itemCount()) {
            throw new ModelFormatException(f.source() + ": the ratings are " + byUser.rows() + " x " + byUser.cols()
                    + ", the id spaces " + h.userCount() + " x " + h.itemCount());
        }
        return Ratings.of(byUser, h.scale());
    }

    /** Adds baseline options as the {@code baseline_*} sections. */
    public static void putBaselineOptions(ModelFile.Writer w, BaselineOptions o) {
        w.putString("baseline_method", o.method().name())
                .putInt("baseline_epochs", o.epochs())
                .putDoubles("baseline_params", new double[] {o.regUser(), o.regItem(), o.learningRate(), o.reg()});
    }

    /**
     * Reads baseline options written by {@link #putBaselineOptions}.
     *
     * @throws ModelFormatException     if a section is missing or has the wrong length
     * @throws IllegalArgumentException if a value is out of range
     */
    public static BaselineOptions baselineOptions(ModelFile f) throws ModelFormatException {
        double[] p = f.doubles("baseline_params");
        requireLength(f, "baseline_params", p.length, 4);
        return new BaselineOptions(BaselineOptions.Method.valueOf(f.string("baseline_method")),
                f.intValue("baseline_epochs"), p[0], p[1], p[2], p[3]);
    }
}
