package dev.retention.churn.dataset;

import dev.retention.model.DataFingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A table of customers in columnar form: named feature columns, numeric ({@code double[]}, NaN where
 * missing) or categorical ({@code String[]}, {@code null} where missing), an optional binary label per
 * row, an optional key per row (the customer id) and an optional cutoff per row (for datasets stacked
 * over several cutoffs, {@link TransactionFeatures}). The label, keys and cutoffs are never features.
 * Immutable and thread-safe: arrays are copied in and out.
 *
 * <p>Built by {@link CustomerTableReader} from CSV files, by {@link TransactionFeatures} from a
 * transaction log, or by {@link #builder}; turned into a feature matrix by the preprocessing model
 * ({@code dev.retention.churn.preprocess}), fitted on training rows only.
 */
public final class CustomerTable {

    private final int rows;
    private final String[] names;
    private final ColumnKind[] kinds;
    private final double[][] numeric;       // [column][row], null for categorical columns
    private final String[][] categorical;   // [column][row], null for numeric columns
    private final int[] labels;             // null when unlabelled
    private final String labelName;
    private final String positiveValue;
    private final String[] keys;            // null: row numbers
    private final long[] cutoffs;           // null: no cutoff column
    private final ReadReport report;
    private volatile DataFingerprint fingerprint;

    private CustomerTable(int rows, String[] names, ColumnKind[] kinds, double[][] numeric, String[][] categorical,
                          int[] labels, String labelName, String positiveValue, String[] keys, long[] cutoffs,
                          ReadReport report) {
        this.rows = rows;
        this.names = names;
        this.kinds = kinds;
        this.numeric = numeric;
        this.categorical = categorical;
        this.labels = labels;
        this.labelName = labelName;
        this.positiveValue = positiveValue;
        this.keys = keys;
        this.cutoffs = cutoffs;
        this.report = report;
    }

    /**
     * {@return a builder of a table with {@code rows} rows}
     *
     * @param rows number of rows, &gt;= 0
     */
    public static Builder builder(int rows) {
        return new Builder(rows);
    }

    /** {@return the number of rows} */
    public int rows() {
        return rows;
    }

    /** {@return the number of feature columns} */
    public int columns() {
        return names.length;
    }

    /**
     * {@return the name of feature column {@code j}}
     *
     * @param j feature column, in [0, columns())
     */
    public String name(int j) {
        return names[Objects.checkIndex(j, names.length)];
    }

    /** {@return names of the feature columns; a copy} */
    public String[] names() {
        return names.clone();
    }

    /**
     * {@return the index of the feature column of this name, or -1}
     *
     * @param name a feature column's name
     */
    public int indexOf(String name) {
        for (int j = 0; j < names.length; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * {@return the kind of feature column {@code j}}
     *
     * @param j feature column, in [0, columns())
     */
    public ColumnKind kind(int j) {
        return kinds[Objects.checkIndex(j, kinds.length)];
    }

    /**
     * {@return values of numeric column {@code j}, NaN where missing; a copy}
     *
     * @param j numeric feature column, in [0, columns())
     */
    public double[] numeric(int j) {
        requireKind(j, ColumnKind.NUMERIC);
        return numeric[j].clone();
    }

    /**
     * {@return the value of numeric column {@code j} at row {@code i}, NaN where missing}
     *
     * @param i row, in [0, rows())
     * @param j numeric feature column, in [0, columns())
     */
    public double numeric(int i, int j) {
        requireKind(j, ColumnKind.NUMERIC);
        return numeric[j][Objects.checkIndex(i, rows)];
    }

    /**
     * {@return values of categorical column {@code j}, {@code null} where missing; a copy}
     *
     * @param j categorical feature column, in [0, columns())
     */
    public String[] categorical(int j) {
        requireKind(j, ColumnKind.CATEGORICAL);
        return categorical[j].clone();
    }

    /**
     * {@return the value of categorical column {@code j} at row {@code i}, {@code null} where missing}
     *
     * @param i row, in [0, rows())
     * @param j categorical feature column, in [0, columns())
     */
    public String categorical(int i, int j) {
        requireKind(j, ColumnKind.CATEGORICAL);
        return categorical[j][Objects.checkIndex(i, rows)];
    }

    /**
     * {@return the value at row {@code i} of column {@code j} as text, for explanations: "" where missing, integers
     * as integers, other numbers to four significant digits (eight from 10,000 on, so that amounts keep
     * their cents), plain rather than in exponent notation between 0.001 and 10^9}
     *
     * @param i row, in [0, rows())
     * @param j feature column, in [0, columns())
     */
    public String text(int i, int j) {
        Objects.checkIndex(j, names.length);
        Objects.checkIndex(i, rows);
        if (kinds[j] == ColumnKind.CATEGORICAL) {
            return categorical[j][i] == null ? "" : categorical[j][i];
        }
        double v = numeric[j][i];
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e9 ? java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(a >= 1e4 ? 8 : 4))
                .stripTrailingZeros().toPlainString() : String.format(Locale.ROOT, "%.4g", v);
    }

    private void requireKind(int j, ColumnKind kind) {
        Objects.checkIndex(j, names.length);
        if (kinds[j] != kind) {
            throw new IllegalArgumentException("column " + j + " ('" + names[j] + "') is " + kinds[j] + ", not " + kind);
        }
    }

    /** {@return whether the rows have labels} */
    public boolean hasLabels() {
        return labels != null;
    }

    /** {@return the labels (1 = positive, churned), or throws if the table is unlabelled; a copy} */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException("this table has no labels");
        }
        return labels.clone();
    }

    /**
     * {@return the labels of the given rows}
     *
     * @param rowIndexes read: row indexes in {@code [0, rows)}, or {@code null} for every row
     */
    public int[] labels(int[] rowIndexes) {
        if (labels == null) {
            throw new IllegalStateException("this table has no labels");
        }
        int[] out = new int[rowIndexes.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = labels[Objects.checkIndex(rowIndexes[k], rows)];
        }
        return out;
    }

    /** {@return the name of the label column ({@code null} when unlabelled)} */
    public String labelName() {
        return labelName;
    }

    /** {@return the label value counted as positive ({@code null} when unlabelled)} */
    public String positiveValue() {
        return positiveValue;
    }

    /**
     * {@return the key of row {@code i}: its customer id, or its 1-based row number when the table has no keys}
     *
     * @param i row, in [0, rows())
     */
    public String key(int i) {
        Objects.checkIndex(i, rows);
        return keys == null ? Integer.toString(i + 1) : keys[i];
    }

    /** {@return whether rows carry a cutoff} */
    public boolean hasCutoffs() {
        return cutoffs != null;
    }

    /**
     * {@return the cutoff of row {@code i} (epoch seconds); throws if the table has none}
     *
     * @param i row, in [0, rows())
     */
    public long cutoff(int i) {
        if (cutoffs == null) {
            throw new IllegalStateException("this table has no cutoff column");
        }
        return cutoffs[Objects.checkIndex(i, rows)];
    }

    /** {@return the distinct cutoffs, increasing (empty when there is no cutoff column)} */
    public long[] distinctCutoffs() {
        if (cutoffs == null) {
            return new long[0];
        }
        return Arrays.stream(cutoffs).distinct().sorted().toArray();
    }

    /**
     * {@return the shape and a checksum of every row (each column's values by name, the labels), computed once: what
     * the
     * preprocessing and pipeline fitted on the whole table record in their fit summaries} O(rows columns) the
     * first time.
     */
    public DataFingerprint fingerprint() {
        DataFingerprint f = fingerprint;
        if (f == null) {
            f = fingerprint(null);
            fingerprint = f;
        }
        return f;
    }

    /**
     * {@return the shape and a checksum of the given rows, in the given order (not cached): what a model fitted on
     * those
     * rows records} O(rows.length columns).
     *
     * @param rowIndexes read: row indexes in {@code [0, rows)}, or {@code null} for every row
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public DataFingerprint fingerprint(int[] rowIndexes) {
        int n = rowIndexes == null ? rows : rowIndexes.length;
        DataFingerprint.Hasher h = DataFingerprint.hasher(n, names.length + (labels == null ? 0 : 1));
        for (int j = 0; j < names.length; j++) {
            h.add(names[j]);
            for (int k = 0; k < n; k++) {
                int i = rowIndexes == null ? k : Objects.checkIndex(rowIndexes[k], rows);
                if (kinds[j] == ColumnKind.NUMERIC) {
                    h.add(numeric[j][i]);
                } else {
                    String c = categorical[j][i];
                    if (c == null) {
                        h.add(-1L);   // a string adds its length first, never negative
                    } else {
                        h.add(c);
                    }
                }
            }
        }
        if (labels != null) {
            for (int k = 0; k < n; k++) {
                h.add(labels[rowIndexes == null ? k : rowIndexes[k]]);
            }
        }
        return h.finish();
    }

    /**
     * What the reader counted (unparseable numbers, missing cells, skipped columns and rows).
     *
     * @return the reader's counts; empty for a table that was built, not read
     */
    public ReadReport report() {
        return report;
    }

    /**
     * {@return the table of the given rows in the given order (repeats allowed)} O(rows.length * columns).
     *
     * @param rowIndexes read: rows in [0, rows)
     */
    public CustomerTable selectRows(int[] rowIndexes) {
        Objects.requireNonNull(rowIndexes, "rowIndexes");
        for (int k = 0; k < rowIndexes.length; k++) {
            if (rowIndexes[k] < 0 || rowIndexes[k] >= rows) {
                throw new IllegalArgumentException("rowIndexes[" + k + "] must be in [0, " + rows + "), got "
                        + rowIndexes[k]);
            }
        }
        int n = rowIndexes.length;
        double[][] num = new double[names.length][];
        String[][] cat = new String[names.length][];
        for (int j = 0; j < names.length; j++) {
            if (kinds[j] == ColumnKind.NUMERIC) {
                num[j] = new double[n];
                for (int k = 0; k < n; k++) {
                    num[j][k] = numeric[j][rowIndexes[k]];
                }
            } else {
                cat[j] = new String[n];
                for (int k = 0; k < n; k++) {
                    cat[j][k] = categorical[j][rowIndexes[k]];
                }
            }
        }
        int[] lab = labels == null ? null : labels(rowIndexes);
        String[] key = new String[n];
        for (int k = 0; k < n; k++) {
            key[k] = key(rowIndexes[k]);
        }
        long[] cut = null;
        if (cutoffs != null) {
            cut = new long[n];
            for (int k = 0; k < n; k++) {
                cut[k] = cutoffs[rowIndexes[k]];
            }
        }
        return new CustomerTable(n, names, kinds, num, cat, lab, labelName, positiveValue, key, cut, report);
    }

    /**
     * {@return the rows whose cutoff satisfies {@code from <= cutoff < to}, increasing}
     *
     * @param from first cutoff included, epoch seconds
     * @param to   first cutoff excluded, epoch seconds
     */
    public int[] rowsWithCutoffIn(long from, long to) {
        if (cutoffs == null) {
            throw new IllegalStateException("this table has no cutoff column");
        }
        int count = 0;
        for (long c : cutoffs) {
            if (c >= from && c < to) {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (cutoffs[i] >= from && cutoffs[i] < to) {
                out[k++] = i;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int positives = 0;
        if (labels != null) {
            for (int v : labels) {
                positives += v;
            }
        }
        sb.append(String.format(Locale.ROOT, "CustomerTable: %,d rows, %d feature columns", rows, names.length));
        if (labels != null) {
            sb.append(String.format(Locale.ROOT, ", label '%s' = '%s' in %,d rows (%.1f%%)", labelName, positiveValue,
                    positives, 100.0 * positives / Math.max(rows, 1)));
        }
        if (cutoffs != null) {
            sb.append(", ").append(distinctCutoffs().length).append(" cutoffs");
        }
        sb.append('\n');
        for (int j = 0; j < names.length; j++) {
            int missing = 0;
            for (int i = 0; i < rows; i++) {
                if (kinds[j] == ColumnKind.NUMERIC ? Double.isNaN(numeric[j][i]) : categorical[j][i] == null) {
                    missing++;
                }
            }
            sb.append(String.format(Locale.ROOT, "  %-28s %-11s %s%n", names[j], kinds[j].name().toLowerCase(Locale.ROOT),
                    missing == 0 ? "" : missing + " missing"));
        }
        if (report != null && !report.isEmpty()) {
            sb.append(report);
        }
        return sb.toString();
    }

    /**
     * Assembles a table column by column. Not thread-safe; {@link #build()} once.
     */
    public static final class Builder {
        private final int rows;
        private final List<String> names = new ArrayList<>();
        private final List<ColumnKind> kinds = new ArrayList<>();
        private final List<double[]> numeric = new ArrayList<>();
        private final List<String[]> categorical = new ArrayList<>();
        private int[] labels;
        private String labelName;
        private String positiveValue;
        private String[] keys;
        private long[] cutoffs;
        private ReadReport report = ReadReport.EMPTY;
        private boolean built;

        private Builder(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("a table needs at least one row, got " + rows);
            }
            this.rows = rows;
        }

        private void addName(String name) {
            Objects.requireNonNull(name, "name");
            if (names.contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' is already in the table");
            }
            names.add(name);
        }

        /**
         * Adds a numeric column.
         *
         * @param name   the column's name, not used by another column
         * @param values read, copied: one value per row, NaN where missing; infinities are refused
         * @return this builder
         */
        public Builder numeric(String name, double[] values) {
            check(values.length, name);
            for (int i = 0; i < values.length; i++) {
                if (Double.isInfinite(values[i])) {
                    throw new IllegalArgumentException("column '" + name + "' row " + i + " is infinite: " + values[i]
                            + "; use NaN for a missing value");
                }
            }
            addName(name);
            kinds.add(ColumnKind.NUMERIC);
            numeric.add(values.clone());
            categorical.add(null);
            return this;
        }

        /**
         * Adds a categorical column.
         *
         * @param name   the column's name, not used by another column
         * @param values read, copied: one value per row, {@code null} where missing
         * @return this builder
         */
        public Builder categorical(String name, String[] values) {
            check(values.length, name);
            addName(name);
            kinds.add(ColumnKind.CATEGORICAL);
            numeric.add(null);
            categorical.add(values.clone());
            return this;
        }

        /**
         * Sets the labels.
         *
         * @param labels        read, copied: 0 or 1 per row
         * @param labelName     the label's column name
         * @param positiveValue the value counted as 1, for messages
         * @return this builder
         */
        public Builder labels(int[] labels, String labelName, String positiveValue) {
            check(labels.length, "labels");
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != 0 && labels[i] != 1) {
                    throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1, got " + labels[i]);
                }
            }
            this.labels = labels.clone();
            this.labelName = Objects.requireNonNull(labelName, "labelName");
            this.positiveValue = Objects.requireNonNull(positiveValue, "positiveValue");
            return this;
        }

        /**
         * Sets the row keys (customer ids); read, copied.
         *
         * @param keys read, copied: one customer id per row
         * @return this builder
         */
        public Builder keys(String[] keys) {
            check(keys.length, "keys");
            this.keys = keys.clone();
            return this;
        }

        /**
         * Sets the cutoff of each row (epoch seconds); read, copied.
         *
         * @param cutoffs read, copied: one cutoff per row, epoch seconds
         * @return this builder
         */
        public Builder cutoffs(long[] cutoffs) {
            check(cutoffs.length, "cutoffs");
            this.cutoffs = cutoffs.clone();
            return this;
        }

        /**
         * Sets the reader's report.
         *
         * @param report what the reader counted
         * @return this builder
         */
        public Builder report(ReadReport report) {
            this.report = Objects.requireNonNull(report, "report");
            return this;
        }

        private void check(int length, String what) {
            if (built) {
                throw new IllegalStateException("this builder has already built its table");
            }
            if (length != rows) {
                throw new IllegalArgumentException(what + " has " + length + " values, the table has " + rows + " rows");
            }
        }

        /** {@return the table} */
        public CustomerTable build() {
            if (built) {
                throw new IllegalStateException("this builder has already built its table");
            }
            built = true;
            int m = names.size();
            return new CustomerTable(rows, names.toArray(new String[0]), kinds.toArray(new ColumnKind[0]),
                    numeric.toArray(new double[m][]), categorical.toArray(new String[m][]), labels, labelName,
                    positiveValue, keys, cutoffs, report);
        }
    }
}
