package dev.retention.lifetime;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

/**
 * What the model files of the three lifetime models share: a {@code parameters} section, the fit summary, and
 * the rule that anything a model's factory rejects makes the file invalid, named by its source.
 */
final class LifetimeModelFiles {

    /** Reads a model from its parameters and fit summary; may throw either exception for an invalid file. */
    interface Reader<T> {
        T read(double[] parameters, LifetimeFitSummary fit) throws ModelFormatException;
    }

    private LifetimeModelFiles() {
    }

    /** A writer of the given type holding the parameters and the fit summary; the caller adds its own sections. */
    static ModelFile.Writer writer(String type, double[] parameters, LifetimeFitSummary fit) {
        ModelFile.Writer w = ModelFile.writer(type).putDoubles("parameters", parameters);
        fit.writeTo(w);
        return w;
    }

    /**
     * Checks the type and the number of parameters, then lets {@code reader} build the model.
     *
     * @throws ModelFormatException if the type or the parameter count is wrong, or the reader rejects the values
     */
    static <T> T read(ModelFile f, String type, int count, Reader<T> reader) throws ModelFormatException {
        f.requireType(type);
        try {
            double[] p = f.doubles("parameters");
            if (p.length != count) {
                throw new ModelFormatException(f.source() + ": section 'parameters' holds " + p.length
                        + " values, expected " + count);
            }
            return reader.read(p, LifetimeFitSummary.readFrom(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid " + type + " model: " + e.getMessage());
        }
    }
}
