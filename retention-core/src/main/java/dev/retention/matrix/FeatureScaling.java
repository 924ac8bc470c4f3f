package dev.retention.matrix;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted per-column transform of raw features: optionally {@code log1p} of each value, then optionally the
 * z-score {@code (v - mean) / sd} with the column's mean and population standard deviation (divide by n, as
 * scikit-learn's {@code StandardScaler}) on the training rows; a constant column becomes 0. A model fitted on
 * scaled features keeps its scaling and saves it in its file ({@link #writeTo}), so that it scores raw input
 * on its own: k-means on RFM clusters {@code log1p}-standardised recency, frequency and monetary value, and its
 * model takes raw days, orders and spend. Immutable and thread-safe.
 *
 * <p>Fitting is two passes over the matrix, O(rows columns); applying is O(columns) per row.
 */
public final class FeatureScaling {

    /** Which transform. */
    public enum Kind {
        /** The raw values. */
        NONE,
        /** {@code log1p} of each value (values must be {@code > -1}). */
        LOG1P,
        /** z-scores of the raw values. */
        ZSCORE,
        /** z-scores of {@code log1p} of each value: the usual input of k-means on RFM. */
        LOG1P_ZSCORE;

        boolean log() {
            return this == LOG1P || this == LOG1P_ZSCORE;
        }

        boolean standardise() {
            return this == ZSCORE || this == LOG1P_ZSCORE;
        }
    }

    /**
     * The most standard deviations a column's mean may lie from 0: a fitted column's values differ by at least a unit
     * in the last place of their mean, so its ratio stays below about 1e21 for any row count an array holds; a larger
     * one (a corrupted model file) would send every ordinary point beyond the range where distances are finite.
     */
    private static final double MAX_STANDARD_SCORES = 1e100;

    private final Kind kind;
    private final double[] mean;   // per column; 0 without standardisation
    private final double[] sd;     // per column; 1 without standardisation, 0 for a constant column

    private FeatureScaling(Kind kind, double[] mean, double[] sd) {
        this.kind = kind;
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * Fits the transform on training rows.
     *
     * @param raw  read: the raw features
     * @param kind which transform
     * @return the fitted scaling
     * @throws IllegalArgumentException for {@code log1p} of a value {@code <= -1} (row, column and value named)
     */
    public static FeatureScaling fit(DenseMatrix raw, Kind kind) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        int n = raw.rows();
        int d = raw.columns();
        double[] mean = new double[d];
        double[] sd = new double[d];
        if (!kind.standardise()) {
            if (kind.log()) {
                for (int k = 0; k < n * d; k++) {
                    logValue(raw.valueAt(k), k / d, k % d, raw);
                }
            }
            Arrays.fill(sd, 1);
            return new FeatureScaling(kind, mean, sd);
        }
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += value(raw, i, j, kind);
            }
            double m = s / n;
            if (!Double.isFinite(m)) {                // the sum overflowed: add the values divided by n instead
                m = 0;
                for (int i = 0; i < n; i++) {
                    m += value(raw, i, j, kind) / n;
                }
            }
            double ss = 0;
            double largest = 0;
            for (int i = 0; i < n; i++) {
                double t = value(raw, i, j, kind) - m;
                ss += t * t;
                largest = Math.max(largest, Math.abs(t));
            }
            if (!Double.isFinite(ss)) {               // squares overflowed: sum them relative to the largest
                ss = 0;
                for (int i = 0; i < n; i++) {
                    double t = (value(raw, i, j, kind) - m) / largest;
                    ss += t * t;
                }
                sd[j] = largest * Math.sqrt(ss / n);
            } else {
                sd[j] = Math.sqrt(ss / n);
            }
            mean[j] = m;
            if (!Double.isFinite(sd[j])) {
                throw new IllegalArgumentException("column " + j + ": its values spread beyond the range of a double"
                        + " (standard deviation " + sd[j] + "); rescale the column first");
            }
        }
        return new FeatureScaling(kind, mean, sd);
    }

    /**
     * {@return a transform with given parameters (for example read from elsewhere)}
     *
     * @param kind which transform
     * @param mean read, copied: per column; all 0 unless {@code kind} standardises
     * @param sd   read, copied: per column, finite and {@code >= 0} (0 for a constant column); all 1 unless
     *             {@code kind} standardises; where positive, {@code |mean|} at most {@code 1e100} times it
     * @throws IllegalArgumentException if the lengths differ or a value is out of range
     */
    public static FeatureScaling of(Kind kind, double[] mean, double[] sd) {
        Objects.requireNonNull(kind, "kind");
        if (mean.length != sd.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and sd must have the same positive length, got " + mean.length
                    + " and " + sd.length);
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j]) || !(sd[j] >= 0) || Double.isInfinite(sd[j])) {
                throw new IllegalArgumentException("column " + j + ": mean must be finite and sd finite and >= 0, got "
                        + mean[j] + " and " + sd[j]);
            }
            if (sd[j] > 0 && Math.abs(mean[j]) > MAX_STANDARD_SCORES * sd[j]) {
                throw new IllegalArgumentException("column " + j + ": mean " + mean[j] + " lies more than "
                        + MAX_STANDARD_SCORES + " standard deviations (" + sd[j] + ") from 0, which no fitted scaling"
                        + " gives (the values of a column differ by at least a unit in the last place of its mean)");
            }
            if (!kind.standardise() && (mean[j] != 0 || sd[j] != 1)) {
                throw new IllegalArgumentException("column " + j + ": a " + kind + " scaling has mean 0 and sd 1, got "
                        + mean[j] + " and " + sd[j]);
            }
        }
        return new FeatureScaling(kind, mean.clone(), sd.clone());
    }

    /** {@return which transform} */
    public Kind kind() {
        return kind;
    }

    /** {@return the number of columns it applies to} */
    public int columns() {
        return mean.length;
    }

    /** {@return the column means (after {@code log1p} if any); zeros unless standardising; a copy} */
    public double[] means() {
        return mean.clone();
    }

    /** {@return the column standard deviations (population); ones unless standardising; a copy} */
    public double[] standardDeviations() {
        return sd.clone();
    }

    /**
     * Transforms one raw row.
     *
     * @param raw read: {@link #columns()} finite values
     * @return a new array
     * @throws IllegalArgumentException if the length is wrong, a value is not finite, or {@code log1p} gets a
     *                                  value {@code <= -1}
     */
    public double[] apply(double[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length != mean.length) {
            throw new IllegalArgumentException("the row has " + raw.length + " values, the scaling was fitted on "
                    + mean.length + " columns");
        }
        double[] out = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            double v = raw[j];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("column " + j + " is " + v + "; every value must be finite");
            }
            if (kind.log()) {
                if (v <= -1) {
                    throw new IllegalArgumentException("log1p needs values > -1, but column " + j + " is " + v);
                }
                v = Math.log1p(v);
            }
            out[j] = scale(v, j);
        }
        return out;
    }

    /**
     * Transforms every row of a raw matrix; the column names are kept.
     *
     * @param raw read: {@link #columns()} columns
     * @return the transformed matrix, a new one
     * @throws IllegalArgumentException if the number of columns is wrong or {@code log1p} gets a value
     *                                  {@code <= -1} (row, column and value named)
     */
    public DenseMatrix apply(DenseMatrix raw) {
        Objects.requireNonNull(raw, "raw");
        int d = mean.length;
        if (raw.columns() != d) {
            throw new IllegalArgumentException("the matrix has " + raw.columns() + " columns, the scaling was fitted on "
                    + d);
        }
        if (kind == Kind.NONE) {
            return raw;
        }
        String[] names = raw.names().toArray(String[]::new);
        DenseMatrix.Builder b = DenseMatrix.builder(raw.rows(), d, names);
        for (int i = 0; i < raw.rows(); i++) {
            for (int j = 0; j < d; j++) {
                b.set(i, j, scale(value(raw, i, j, kind), j));
            }
        }
        return b.build();
    }

    /**
     * Turns a scaled row back into raw values (for example cluster centres into days, orders and spend).
     *
     * @param scaled read: {@link #columns()} values
     * @return a new array
     */
    public double[] invert(double[] scaled) {
        Objects.requireNonNull(scaled, "scaled");
        if (scaled.length != mean.length) {
            throw new IllegalArgumentException("the row has " + scaled.length + " values, the scaling has "
                    + mean.length + " columns");
        }
        double[] out = new double[scaled.length];
        for (int j = 0; j < scaled.length; j++) {
            double v = kind.standardise() ? scaled[j] * sd[j] + mean[j] : scaled[j];
            out[j] = kind.log() ? Math.expm1(v) : v;
        }
        return out;
    }

    /**
     * Writes the scaling as sections {@code prefix.kind}, {@code prefix.mean} and {@code prefix.sd} of a model
     * file.
     *
     * @param file   written
     * @param prefix a section name prefix, such as {@code "scaling"}
     */
    public void writeTo(ModelFile.Writer file, String prefix) {
        file.putString(prefix + ".kind", kind.name())
                .putDoubles(prefix + ".mean", mean)
                .putDoubles(prefix + ".sd", sd);
    }

    /**
     * Reads a scaling written by {@link #writeTo}.
     *
     * @param file   read
     * @param prefix a section name prefix, such as {@code "scaling"}
     * @return the scaling read
     * @throws ModelFormatException if a section is missing or holds values {@link #of} refuses
     */
    public static FeatureScaling readFrom(ModelFile file, String prefix) throws ModelFormatException {
        String kind = file.string(prefix + ".kind");
        try {
            return of(Kind.valueOf(kind), file.doubles(prefix + ".mean"), file.doubles(prefix + ".sd"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file.source() + ": invalid feature scaling '" + kind + "': "
                    + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureScaling f && f.kind == kind && Arrays.equals(f.mean, mean)
                && Arrays.equals(f.sd, sd);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + 17 * Arrays.hashCode(mean) + Arrays.hashCode(sd);
    }

    /** {@code "LOG1P_ZSCORE scaling of 3 columns: mean [..], sd [..]"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s scaling of %d columns", kind, mean.length));
        if (kind.standardise()) {
            sb.append(": mean");
            for (double m : mean) {
                sb.append(String.format(Locale.ROOT, " %.6g", m));
            }
            sb.append(", sd");
            for (double s : sd) {
                sb.append(String.format(Locale.ROOT, " %.6g", s));
            }
        }
        return sb.toString();
    }

    private double scale(double v, int j) {
        if (!kind.standardise()) {
            return v;
        }
        return sd[j] > 0 ? (v - mean[j]) / sd[j] : 0;
    }

    private static double value(DenseMatrix raw, int i, int j, Kind kind) {
        double v = raw.valueAt(i * raw.columns() + j);
        return kind.log() ? logValue(v, i, j, raw) : v;
    }

    private static double logValue(double v, int i, int j, DenseMatrix raw) {
        if (v <= -1) {
            throw new IllegalArgumentException("log1p needs values > -1, but row " + i + ", column " + j + " ("
                    + raw.name(j) + ") is " + v);
        }
        return Math.log1p(v);
    }
}
