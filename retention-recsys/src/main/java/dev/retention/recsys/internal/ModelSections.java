package dev.retention.recsys.internal;

import dev.retention.data.IdIndex;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Objects;

/**
 * Checked reads of model-file sections that the recommenders' models share, and the id indexes they keep.
 * Imports nothing of the module's API packages (they import this one). Every failure is a
 * {@link ModelFormatException} that names the file and the section.
 *
 * <p>An id index is written as {@code prefix + "_kind"} ({@code "numeric"} or {@code "text"}) and
 * {@code prefix + "_ids"} (longs or strings, in index order), and read back with the same ids at the same
 * indexes.
 */
public final class ModelSections {

    private ModelSections() {
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
     * A double section that must hold {@code length} finite values (model parameters: a NaN there would
     * come out of a prediction).
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

    /** {@return the largest absolute value of {@code values}, 0 when empty} O(n). */
    public static double maxAbs(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * Throws unless the largest magnitude a model's estimates could reach, computed by the model from the
     * parameters it read, is finite: parameters that are finite one by one (say factors of 1e308) may still give
     * an estimate of Infinity, which a fitted model never does (its objective would have overflowed first).
     *
     * @param f     the file, for the message
     * @param what  which parameters, such as {@code "biases and factors"}
     * @param bound the worst-case magnitude of an estimate
     * @throws ModelFormatException naming the file, the parameters and the bound
     */
    public static void requireFiniteEstimates(ModelFile f, String what, double bound) throws ModelFormatException {
        if (!(bound <= Double.MAX_VALUE)) {
            throw new ModelFormatException(f.source() + ": the " + what + " could give estimates of magnitude "
                    + bound + "; a fitted model's are finite");
        }
    }

    /**
     * Adds an id index as the sections {@code prefix + "_kind"} and {@code prefix + "_ids"}. O(ids).
     *
     * @param file   written
     * @param prefix such as {@code "users"}
     * @param ids    read
     */
    public static void putIds(ModelFile.Writer file, String prefix, IdIndex ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isNumeric()) {
            file.putString(prefix + "_kind", "numeric").putLongs(prefix + "_ids", ids.longIds());
        } else {
            String[] text = new String[ids.size()];
            for (int i = 0; i < text.length; i++) {
                text[i] = ids.id(i);
            }
            file.putString(prefix + "_kind", "text").putStrings(prefix + "_ids", text);
        }
    }

    /**
     * Reads an id index written by {@link #putIds}. O(ids).
     *
     * @throws ModelFormatException if a section is missing, the kind is unknown or an id repeats
     */
    public static IdIndex ids(ModelFile file, String prefix) throws ModelFormatException {
        String kind = file.string(prefix + "_kind");
        try {
            return switch (kind) {
                case "numeric" -> IdIndex.ofLongs(file.longs(prefix + "_ids"));
                case "text" -> IdIndex.ofStrings(file.strings(prefix + "_ids"));
                default -> throw new ModelFormatException(file.source() + ": section '" + prefix
                        + "_kind' holds '" + kind + "', expected numeric or text");
            };
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": the " + prefix + " ids are invalid: " + e.getMessage());
        }
    }
}
