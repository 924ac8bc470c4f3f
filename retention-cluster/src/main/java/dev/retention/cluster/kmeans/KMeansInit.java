package dev.retention.cluster.kmeans;

import java.util.Arrays;
import java.util.Objects;

/**
 * How k-means picks its initial centres: greedy k-means++ (the default), k distinct points drawn
 * uniformly, or centres given by the caller (then there is a single run, whatever {@code nInit} says,
 * as in scikit-learn). Immutable.
 */
public final class KMeansInit {

    /** The kind of initialisation. */
    public enum Kind {
        /** Greedy k-means++ (Arthur and Vassilvitskii 2007) with several local trials per centre. */
        K_MEANS_PLUS_PLUS,
        /** k distinct points drawn uniformly (Forgy). */
        RANDOM,
        /** Centres given by the caller. */
        GIVEN
    }

    private static final KMeansInit PLUS_PLUS = new KMeansInit(Kind.K_MEANS_PLUS_PLUS, null);
    private static final KMeansInit RANDOM = new KMeansInit(Kind.RANDOM, null);

    private final Kind kind;
    private final double[][] centres;

    private KMeansInit(Kind kind, double[][] centres) {
        this.kind = kind;
        this.centres = centres;
    }

    /** {@return greedy k-means++: the default} */
    public static KMeansInit kMeansPlusPlus() {
        return PLUS_PLUS;
    }

    /** {@return k distinct points drawn uniformly} */
    public static KMeansInit random() {
        return RANDOM;
    }

    /**
     * {@return the start from these centres: k rows of the data's dimension}
     *
     * @param centres read, copied
     * @throws IllegalArgumentException if there are no rows, rows of different lengths or non-finite values
     */
    public static KMeansInit given(double[][] centres) {
        Objects.requireNonNull(centres, "centres");
        if (centres.length == 0) {
            throw new IllegalArgumentException("initial centres must hold at least one row, got 0");
        }
        double[][] copy = new double[centres.length][];
        for (int j = 0; j < centres.length; j++) {
            Objects.requireNonNull(centres[j], "initial centre " + j);
            if (centres[j].length != centres[0].length || centres[j].length == 0) {
                throw new IllegalArgumentException("initial centre " + j + " has " + centres[j].length
                        + " values, expected " + centres[0].length + " (the length of centre 0, at least 1)");
            }
            for (int q = 0; q < centres[j].length; q++) {
                if (!Double.isFinite(centres[j][q])) {
                    throw new IllegalArgumentException("initial centre " + j + ", column " + q + " is "
                            + centres[j][q] + "; every value must be finite");
                }
            }
            copy[j] = centres[j].clone();
        }
        return new KMeansInit(Kind.GIVEN, copy);
    }

    /** {@return the kind} */
    public Kind kind() {
        return kind;
    }

    /** {@return the given centres (a copy), or null for the other kinds} */
    public double[][] centres() {
        if (centres == null) {
            return null;
        }
        double[][] c = new double[centres.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = centres[j].clone();
        }
        return c;
    }

    int givenCount() {
        return centres == null ? 0 : centres.length;
    }

    int givenDimension() {
        return centres == null ? 0 : centres[0].length;
    }

    double givenValue(int j, int q) {
        return centres[j][q];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KMeansInit other && kind == other.kind && Arrays.deepEquals(centres, other.centres);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.deepHashCode(centres);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case K_MEANS_PLUS_PLUS -> "k-means++";
            case RANDOM -> "random";
            case GIVEN -> "given (" + centres.length + " centres)";
        };
    }
}
