package dev.retention.cluster.internal;

import dev.retention.cluster.Points;

/**
 * Lets the clustering packages read the row-major array inside {@link Points} without copying it and
 * without a public accessor that would let callers change it. {@link Points} installs the accessor in
 * its static initialiser (the JDK's {@code SharedSecrets} pattern); this package is not exported.
 */
public final class PointsAccess {

    /** Implemented by {@link Points}. */
    public interface Accessor {
        /** The points' own row-major array; callers must not write to it. */
        double[] data(Points p);

        /** Points over {@code data} without a copy or a check; the caller hands the array over. */
        Points wrap(double[] data, int rows, int columns);
    }

    private static volatile Accessor accessor;

    private PointsAccess() {
    }

    /**
     * Called once by {@link Points}.
     *
     * @throws IllegalStateException on a second call
     */
    public static void install(Accessor a) {
        if (accessor != null) {
            throw new IllegalStateException("the Points accessor is already installed");
        }
        accessor = a;
    }

    /** The row-major array of {@code p}, not a copy: read only. */
    public static double[] data(Points p) {
        return accessor().data(p);
    }

    /**
     * Points over an array that the caller gives up (finite values, length {@code rows * columns}),
     * without a copy or a check.
     */
    public static Points wrap(double[] data, int rows, int columns) {
        assert data.length == (long) rows * columns;
        return accessor().wrap(data, rows, columns);
    }

    private static Accessor accessor() {
        Accessor a = accessor;
        if (a == null) {
            try {   // no Points instance exists yet: initialise the class, which installs the accessor
                Class.forName(Points.class.getName(), true, Points.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = accessor;
        }
        return a;
    }
}
