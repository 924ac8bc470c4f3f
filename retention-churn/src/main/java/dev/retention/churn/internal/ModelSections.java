package dev.retention.churn.internal;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Verdict;
import org.slf4j.Logger;

import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * What every churn model file and fit share: the header (type, schema, fit summary), the feature names, checked
 * sections, and the one INFO line (plus a WARN line for a doubtful verdict) that every fit logs.
 */
public final class ModelSections {

    private ModelSections() {
    }

    /** A writer of {@code type} at {@code schema} with the fit summary already written. */
    public static ModelFile.Writer writer(String type, int schema, FitSummary summary) {
        ModelFile.Writer w = ModelFile.writer(type, schema);
        summary.writeTo(w);
        return w;
    }

    /**
     * Checks the type and schema of a file: a newer schema is refused (by {@link ModelFile#requireType}), and so is
     * an older one, written before the model contract, whose sections this library no longer reads.
     */
    public static ModelFile open(ModelFile f, String type, int schema) throws ModelFormatException {
        f.requireType(type, schema);
        if (f.schemaVersion() < schema) {
            throw new ModelFormatException(f.source() + ": the '" + type + "' model has schema version "
                    + f.schemaVersion() + ", written before the shared model contract; this library reads schema "
                    + schema + " only: fit and save the model again");
        }
        return f;
    }

    /** The feature names, checked against the expected count ({@code -1}: any). */
    public static String[] featureNames(ModelFile f, int expected) throws ModelFormatException {
        String[] names = f.strings("feature_names");
        if (expected >= 0 && names.length != expected) {
            throw new ModelFormatException(f.source() + ": " + names.length + " feature names for " + expected
                    + " features");
        }
        return names;
    }

    /** Requires a section's length. */
    public static double[] doubles(ModelFile f, String name, int expected) throws ModelFormatException {
        double[] v = f.doubles(name);
        if (v.length != expected) {
            throw new ModelFormatException(f.source() + ": section '" + name + "' holds " + v.length
                    + " values, expected " + expected);
        }
        return v;
    }

    /** Requires a section's length. */
    public static String[] strings(ModelFile f, String name, int expected) throws ModelFormatException {
        String[] v = f.strings(name);
        if (v.length != expected) {
            throw new ModelFormatException(f.source() + ": section '" + name + "' holds " + v.length
                    + " strings, expected " + expected);
        }
        return v;
    }

    /** A section of model parameters, each of which must be finite (a NaN weight would leak into every score). */
    public static double[] finiteDoubles(ModelFile f, String name) throws ModelFormatException {
        double[] v = f.doubles(name);
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new ModelFormatException(f.source() + ": section '" + name + "' value " + j + " is not finite: "
                        + v[j]);
            }
        }
        return v;
    }

    /** A section of one value that must be finite. */
    public static double finiteDouble(ModelFile f, String name) throws ModelFormatException {
        double[] v = finiteDoubles(f, name);
        if (v.length != 1) {
            throw new ModelFormatException(f.source() + ": section '" + name + "' holds " + v.length
                    + " values, expected 1");
        }
        return v[0];
    }

    /**
     * Marks a fit {@link Verdict#UNUSABLE} when it gives every training row the same probability (to 1e-9): such a
     * model ignores the features and cannot rank customers, whatever its convergence says. It happens when every
     * feature is constant, when features scaled far from 1 (1e150, 1e-300) defeat the solver, or when a penalty
     * removes every feature. O(rows) calls of {@code probability}.
     *
     * @param summary     written: the fit's summary
     * @param rows        the number of training rows
     * @param probability the fitted model's probability of a training row
     */
    public static void flagConstant(FitSummary.Builder summary, int rows, IntToDoubleFunction probability) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows; i++) {
            double p = probability.applyAsDouble(i);
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        if (max - min <= 1e-9) {
            summary.unusable(String.format(Locale.ROOT, "every training row gets the same probability "
                    + "%.6g: the model ignores the features and cannot rank customers (every feature constant, "
                    + "features scaled far from 1 such as 1e150 or 1e-300, or a penalty that removed every feature); "
                    + "standardise the features or lower the penalty", min));
        }
    }

    /** Whether every value is finite. */
    public static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
