package dev.retention.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted model of this library: immutable, thread-safe, with the summary of its fit, and saved as a model
 * file ({@link ModelFile}: versioned, checksummed, never Java serialization) that {@link Models#load} opens
 * again as the right type. A saved model carries the preprocessing it was fitted with, so it scores raw input
 * on its own.
 *
 * <p>Every learner of the library has the same shape: an options record, a static
 * {@code fit(data, options[, control])} and a model that implements this interface. Models are equal by value
 * when their parameters are: {@code equals} compares what decides their predictions (type, options,
 * parameters), not the {@link FitSummary}, whose wall time differs from fit to fit.
 */
public interface Model {

    /** {@return the model type written into its files, such as {@code "kmeans"}; unique in the library} */
    String modelType();

    /** {@return the schema version of this type's sections that this library writes} */
    int schemaVersion();

    /** {@return what the fit did: algorithm, options, choices, iterations, convergence, verdict, time, data} */
    FitSummary fitSummary();

    /** {@return the model as the bytes of a model file} O(size of the model). */
    byte[] toBytes();

    /**
     * Writes the model as a model file, atomically (to a temporary file, then moved into place).
     *
     * @param path written
     * @throws IOException if the file cannot be written
     */
    default void save(Path path) throws IOException {
        ModelFile.writeAtomically(path, toBytes());
    }
}
