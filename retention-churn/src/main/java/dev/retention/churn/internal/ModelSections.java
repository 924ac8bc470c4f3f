package dev.retention.churn.internal;

import dev.retention.churn.classifier.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

/** Writes and reads the sections every classifier file shares: feature names and the fit summary. */
public final class ModelSections {

    private ModelSections() {
    }

    /** Adds the feature names and the summary to a model file being written. */
    public static ModelFile.Writer write(ModelFile.Writer w, String[] featureNames, FitSummary s) {
        return w.putStrings("feature_names", featureNames)
                .putStrings("summary_text", new String[] {s.algorithm(), s.options(), s.message()})
                .putInts("summary_counts", new int[] {s.rows(), s.features(), s.iterations(), s.converged() ? 1 : 0})
                .putDoubles("summary_history", s.history())
                .putDoubles("summary_seconds", new double[] {s.seconds()});
    }

    /** The summary stored by {@link #write}. */
    public static FitSummary summary(ModelFile f) throws ModelFormatException {
        String[] text = f.strings("summary_text");
        int[] counts = f.ints("summary_counts");
        double[] seconds = f.doubles("summary_seconds");
        if (text.length != 3 || counts.length != 4 || seconds.length != 1) {
            throw new ModelFormatException(f.source() + ": malformed fit summary sections");
        }
        return new FitSummary(text[0], text[1], counts[0], counts[1], counts[2], counts[3] == 1, text[2],
                f.doubles("summary_history"), seconds[0]);
    }

    /** The feature names stored by {@link #write}, checked against the expected count. */
    public static String[] featureNames(ModelFile f, int expected) throws ModelFormatException {
        String[] names = f.strings("feature_names");
        if (names.length != expected) {
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
}
