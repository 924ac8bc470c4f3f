package dev.retention.lifetime.internal;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

/**
 * What reading the model files of the three lifetime models shares: the type and schema check, and the rule
 * that anything a model's factory refuses makes the file invalid, reported as a {@link ModelFormatException}
 * naming the file.
 */
public final class LifetimeFiles {

    /** Reads a model's sections; may throw either exception for an invalid file. */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * Reads the model.
         *
         * @throws ModelFormatException     if a section is missing or inconsistent
         * @throws IllegalArgumentException if a value is one the model refuses
         */
        T read() throws ModelFormatException;
    }

    private LifetimeFiles() {
    }

    /**
     * Checks the type and schema version, then lets {@code reader} build the model.
     *
     * @param file   read
     * @param type   the expected model type
     * @param schema the schema version this library writes, the only one it reads: schema 1 files of these types
     *               (written before the lifetime models carried a core fit summary) hold other sections
     * @throws ModelFormatException if the type or schema is wrong, a section is missing, or the reader refuses a
     *                              value (the message names the file)
     */
    public static <T> T read(ModelFile file, String type, int schema, Reader<T> reader) throws ModelFormatException {
        file.requireType(type, schema);
        if (file.schemaVersion() < schema) {
            throw new ModelFormatException(file.source() + ": the '" + type + "' model has schema version "
                    + file.schemaVersion() + ", written by a development build of the library (" + file.writtenBy()
                    + ") before the lifetime models carried their estimates and fit summary; this library reads "
                    + "schema " + schema + ": fit the model again");
        }
        try {
            return reader.read();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": invalid " + type + " model: " + e.getMessage());
        }
    }
}
