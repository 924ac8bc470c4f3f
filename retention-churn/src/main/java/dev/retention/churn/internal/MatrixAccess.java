package dev.retention.churn.internal;

import dev.retention.churn.classifier.FeatureMatrix;

import java.util.Objects;

/**
 * Zero-copy access to the row-major array of a {@link FeatureMatrix} for the kernels of this module,
 * which live outside the matrix's package. The matrix registers the accessor when its class is
 * initialised (the "shared secrets" pattern of the JDK); this package is not exported, so callers
 * outside the module cannot reach the array. Kernels only read it.
 */
public final class MatrixAccess {

    /** Reads the backing array of a matrix. */
    public interface Accessor {
        /** The row-major backing array, not a copy. */
        double[] data(FeatureMatrix m);
    }

    private static volatile Accessor accessor;

    private MatrixAccess() {
    }

    /** Called once by {@link FeatureMatrix}'s static initialiser. */
    public static void register(Accessor a) {
        if (accessor != null) {
            throw new IllegalStateException("the matrix accessor is already registered");
        }
        accessor = Objects.requireNonNull(a);
    }

    /** The backing array of {@code m}, row-major, {@code rows * cols} long; read only. */
    public static double[] data(FeatureMatrix m) {
        return accessor.data(m);   // m exists, so FeatureMatrix is initialised and the accessor registered
    }
}
