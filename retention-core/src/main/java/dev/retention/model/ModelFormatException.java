package dev.retention.model;

import java.io.IOException;

/**
 * A model file that cannot be read: truncated, corrupted (checksum mismatch), not a model file at all,
 * written by a newer format version, of another model type, or missing a section the model needs. The
 * message names the file and what is wrong.
 */
public class ModelFormatException extends IOException {

    /**
     * A model file that cannot be read.
     *
     * @param message what is wrong and where
     */
    public ModelFormatException(String message) {
        super(message);
    }
}
