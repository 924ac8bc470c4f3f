package dev.retention.cluster.internal;

import dev.retention.matrix.FeatureScaling;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

/**
 * Reads and checks the model-file sections the clustering models share (column names, feature scaling, finite
 * arrays, labels), so that every model refuses a file its factory would refuse with a
 * {@link ModelFormatException} naming the file.
 */
public final class ModelSections {

    private ModelSections() {
    }

    /**
     * What every clustering model file starts with: the fit summary, the column names and the feature scaling.
     */
    public static final class Header {
        private final FitSummary summary;
        private final String[] names;
        private final FeatureScaling scaling;

        public Header(FitSummary summary, String[] names, FeatureScaling scaling) {
            this.summary = summary;
            this.names = names;
            this.scaling = scaling;
        }

        /** The fit summary. */
        public FitSummary summary() {
            return summary;
        }

        /** The column names, at least one. */
        public String[] names() {
            return names;
        }

        /** The scaling, of {@code names.length} columns. */
        public FeatureScaling scaling() {
            return scaling;
        }
    }

    /**
     * A writer for a model file of the given type that already holds the fit summary ({@code fit.*}), the scaling
     * ({@code scaling.*}) and the column names ({@code columns}).
     */
    public static ModelFile.Writer writer(String type, int schema, FitSummary summary, FeatureScaling scaling,
                                          String[] names) {
        ModelFile.Writer w = ModelFile.writer(type, schema);
        summary.writeTo(w);
        scaling.writeTo(w, "scaling");
        return w.putStrings("columns", names);
    }

    /**
     * Checks the type and schema of a model file and reads what {@link #writer} wrote.
     *
     * @throws ModelFormatException if the file holds another type or a newer schema, or a section is missing or
     *                              invalid
     */
    public static Header header(ModelFile file, String type, int schema) throws ModelFormatException {
        file.requireType(type, schema);
        FitSummary summary = FitSummary.readFrom(file);
        String[] names = columns(file);
        return new Header(summary, names, scaling(file, names.length));
    }

    /**
     * The column names of section {@code columns}: at least one, none null.
     *
     * @throws ModelFormatException if the section is missing or empty
     */
    static String[] columns(ModelFile file) throws ModelFormatException {
        String[] names = file.strings("columns");
        if (names.length == 0) {
            throw new ModelFormatException(file.source() + ": section 'columns' is empty; a model has at least one "
                    + "column");
        }
        return names;
    }

    /**
     * The feature scaling of sections {@code scaling.*}, which must apply to {@code columns} columns.
     *
     * @throws ModelFormatException if missing, invalid or of another width
     */
    static FeatureScaling scaling(ModelFile file, int columns) throws ModelFormatException {
        FeatureScaling s = FeatureScaling.readFrom(file, "scaling");
        if (s.columns() != columns) {
            throw new ModelFormatException(file.source() + ": the feature scaling has " + s.columns()
                    + " columns, the model " + columns);
        }
        return s;
    }

    /**
     * A double section whose values are all finite.
     *
     * @param length the expected length, or -1 for any
     * @throws ModelFormatException if missing, of another length, or holding a NaN or an infinity
     */
    public static double[] finite(ModelFile file, String name, long length) throws ModelFormatException {
        double[] v = file.doubles(name);
        if (length >= 0 && v.length != length) {
            throw new ModelFormatException(file.source() + ": section '" + name + "' holds " + v.length
                    + " values, expected " + length);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new ModelFormatException(file.source() + ": section '" + name + "' holds a non-finite value "
                        + v[i] + " at " + i);
            }
        }
        return v;
    }

    /**
     * A double section of points in the scaled space a fit clusters in (centres, core points): every value finite and
     * within {@link Checks#MAX_MAGNITUDE} in magnitude, as every fit's points are, so that distances to them stay
     * finite.
     *
     * @param length the expected length
     * @throws ModelFormatException if missing, of another length, or holding a value out of that range
     */
    public static double[] points(ModelFile file, String name, long length) throws ModelFormatException {
        double[] v = finite(file, name, length);
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) > Checks.MAX_MAGNITUDE) {
                throw new ModelFormatException(file.source() + ": section '" + name + "' holds " + v[i] + " at " + i
                        + ", beyond the magnitude " + Checks.MAX_MAGNITUDE + " a fit's points have");
            }
        }
        return v;
    }

    /**
     * A one-value double section that is finite and {@code >= 0}.
     *
     * @throws ModelFormatException if missing or out of range
     */
    public static double nonNegative(ModelFile file, String name) throws ModelFormatException {
        double v = file.doubleValue(name);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ModelFormatException(file.source() + ": section '" + name + "' must be finite and >= 0, got "
                    + v);
        }
        return v;
    }

    /**
     * An int section of labels, each in {@code [min, max)}.
     *
     * @throws ModelFormatException if missing or holding a value out of range
     */
    public static int[] labels(ModelFile file, String name, int min, int max) throws ModelFormatException {
        int[] labels = file.ints(name);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < min || labels[i] >= max) {
                throw new ModelFormatException(file.source() + ": section '" + name + "' holds " + labels[i] + " at "
                        + i + ", outside [" + min + ", " + max + ")");
            }
        }
        return labels;
    }
}
