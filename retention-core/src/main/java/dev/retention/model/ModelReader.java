package dev.retention.model;

import java.util.Set;

/**
 * Reads the model files of some model types: the service through which {@link Models} finds the reader of
 * any model type in the library's modules. Each module provides one ({@code provides
 * dev.retention.model.ModelReader with ...} in its module descriptor, and a
 * {@code META-INF/services/dev.retention.model.ModelReader} entry for the class path). Implementations are
 * stateless and thread-safe, with a public no-argument constructor.
 */
public interface ModelReader {

    /** {@return the model types this reader reads, such as {@code "kmeans"}} */
    Set<String> modelTypes();

    /**
     * Reads a model from a checked model file whose type is one of {@link #modelTypes()}.
     *
     * @param file read
     * @return the model the file holds
     * @throws ModelFormatException if the file's sections are missing, inconsistent or hold values the model
     *                              refuses (the message names the file)
     */
    Model read(ModelFile file) throws ModelFormatException;
}
