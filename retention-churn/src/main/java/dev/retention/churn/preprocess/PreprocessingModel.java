package dev.retention.churn.preprocess;

import dev.retention.churn.dataset.ColumnKind;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.internal.LinearScore;
import dev.retention.churn.internal.ModelSections;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted preprocessing: for each kept numeric column a fill value for missing cells, a centre and a
 * scale ({@code (x - centre) / scale}) and optionally a missing indicator; for each kept categorical
 * column its one-hot levels (and an {@code "(other)"} column for rare levels). Output features are the
 * numeric columns in table order, each followed by its indicator, then the one-hot columns of each
 * categorical column in table order, levels sorted. Immutable and thread-safe; saved as a model file of type
 * {@value #MODEL_TYPE}, read back by {@code Models.load(path, PreprocessingModel.class)}. Built by
 * {@link Preprocessor#fit}. Equal to another preprocessing when its columns (fill, centre, scale, levels) and
 * options are.
 *
 * <p>{@link #transform} looks columns up by name, so a table with extra or reordered columns works;
 * a missing column, or one whose kind changed, is an error. Cost O(rows * features).
 */
public final class PreprocessingModel implements Model {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "churn-preprocessing";
    /** The schema version of this type's sections: 2 since the shared fit summary. */
    public static final int SCHEMA_VERSION = 2;
    /** The level standing for a missing category. */
    public static final String MISSING_LEVEL = "(missing)";
    /** The one-hot level of the rare categories grouped by {@link PreprocessOptions#maxCategories()}. */
    public static final String OTHER_LEVEL = "(other)";

    /** One kept source column. */
    static final class Column {
        private final String name;
        private final ColumnKind kind;
        private final double fill;
        private final double center;
        private final double scale;
        private final boolean emitValue;
        private final boolean indicator;
        private final String[] levels;
        private final String[] rare;

        Column(String name, ColumnKind kind, double fill, double center, double scale, boolean emitValue,
               boolean indicator, String[] levels, String[] rare) {
            this.name = name;
            this.kind = kind;
            this.fill = fill;
            this.center = center;
            this.scale = scale;
            this.emitValue = emitValue;
            this.indicator = indicator;
            this.levels = levels;
            this.rare = rare;
        }

        static Column numeric(String name, double fill, double center, double scale, boolean emitValue,
                              boolean indicator) {
            return new Column(name, ColumnKind.NUMERIC, fill, center, scale, emitValue, indicator, null, null);
        }

        static Column categorical(String name, String[] levels, String[] rare) {
            return new Column(name, ColumnKind.CATEGORICAL, 0, 0, 1, false, false, levels, rare);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Column c && c.name.equals(name) && c.kind == kind
                    && Double.compare(c.fill, fill) == 0 && Double.compare(c.center, center) == 0
                    && Double.compare(c.scale, scale) == 0 && c.emitValue == emitValue && c.indicator == indicator
                    && Arrays.equals(c.levels, levels) && Arrays.equals(c.rare, rare);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, kind, fill, center, scale, emitValue, indicator, Arrays.hashCode(levels),
                    Arrays.hashCode(rare));
        }

        @Override
        public String toString() {
            return "Column[" + name + ", " + kind + "]";
        }

        int width() {
            if (kind == ColumnKind.NUMERIC) {
                return (emitValue ? 1 : 0) + (indicator ? 1 : 0);
            }
            return levels.length + (rare.length > 0 ? 1 : 0);
        }

        public String name() {
            return name;
        }

        public ColumnKind kind() {
            return kind;
        }

        public double fill() {
            return fill;
        }

        public double center() {
            return center;
        }

        public double scale() {
            return scale;
        }

        public boolean emitValue() {
            return emitValue;
        }

        public boolean indicator() {
            return indicator;
        }

        public String[] levels() {
            return levels;
        }

        public String[] rare() {
            return rare;
        }
    }

    private final List<Column> columns;
    private final Map<String, String> dropped;
    private final PreprocessOptions options;
    private final String[] featureNames;
    private final int[] featureSource;     // index into columns
    private final String[] featureLevel;   // one-hot level, null for numeric values and indicators
    private final List<Map<String, Integer>> levelIndex;   // per column, level -> offset within its one-hot block
    private final List<java.util.Set<String>> rareSets;
    private final FitSummary summary;

    PreprocessingModel(List<Column> columns, Map<String, String> dropped, PreprocessOptions options,
                       FitSummary summary) {
        this.summary = Objects.requireNonNull(summary, "summary");
        this.columns = List.copyOf(columns);
        this.dropped = Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
        this.options = options;
        List<String> names = new ArrayList<>();
        List<Integer> source = new ArrayList<>();
        List<String> level = new ArrayList<>();
        levelIndex = new ArrayList<>();
        rareSets = new ArrayList<>();
        for (int c = 0; c < this.columns.size(); c++) {
            Column col = this.columns.get(c);
            Map<String, Integer> idx = new HashMap<>();
            if (col.kind() == ColumnKind.NUMERIC) {
                if (col.emitValue()) {
                    names.add(col.name());
                    source.add(c);
                    level.add(null);
                }
                if (col.indicator()) {
                    names.add(col.name() + "=missing");
                    source.add(c);
                    level.add(null);
                }
                rareSets.add(java.util.Set.of());
            } else {
                for (int k = 0; k < col.levels().length; k++) {
                    names.add(col.name() + "=" + col.levels()[k]);
                    source.add(c);
                    level.add(col.levels()[k]);
                    idx.put(col.levels()[k], k);
                }
                if (col.rare().length > 0) {
                    names.add(col.name() + "=" + OTHER_LEVEL);
                    source.add(c);
                    level.add(OTHER_LEVEL);
                }
                rareSets.add(java.util.Set.of(col.rare()));
            }
            levelIndex.add(idx);
        }
        featureNames = names.toArray(new String[0]);
        featureSource = source.stream().mapToInt(Integer::intValue).toArray();
        featureLevel = level.toArray(new String[0]);
    }

    /** {@return the number of output features} */
    public int featureCount() {
        return featureNames.length;
    }

    /** {@return names of the output features ({@code "tenure"}, {@code "Contract=Two year"}, ...); a copy} */
    public String[] featureNames() {
        return featureNames.clone();
    }

    /**
     * {@return the source column of output feature {@code f}}
     *
     * @param f output feature, in [0, featureCount())
     */
    public String sourceColumn(int f) {
        return columns.get(featureSource[Objects.checkIndex(f, featureNames.length)]).name();
    }

    /**
     * {@return the one-hot level of output feature {@code f}, or {@code null} for a numeric value or indicator}
     *
     * @param f output feature, in [0, featureCount())
     */
    public String level(int f) {
        return featureLevel[Objects.checkIndex(f, featureNames.length)];
    }

    /** {@return names of the source columns used, in output order} */
    public List<String> sourceColumns() {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            out.add(c.name());
        }
        return out;
    }

    /** {@return columns left out at fit time, with the reason} */
    public Map<String, String> dropped() {
        return dropped;
    }

    /** {@return the options of the fit} */
    public PreprocessOptions options() {
        return options;
    }

    /**
     * Transforms every row of a table.
     *
     * @param table read: a table with (at least) the columns this model was fitted on, of the same kinds
     * @return the features of every row, with the unseen-category counts
     */
    public Transformed transform(CustomerTable table) {
        int[] all = new int[table.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return transform(table, all);
    }

    /**
     * Transforms the given rows of a table into features.
     *
     * @param table read: a table with (at least) the columns this model was fitted on, of the same kinds
     * @param rows  read: row indexes, at least one
     * @return the features of the given rows, with the unseen-category counts
     * @throws IllegalArgumentException if a column is missing or of another kind, or a row index is bad
     */
    public Transformed transform(CustomerTable table, int[] rows) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rows, "rows");
        int[] at = locate(table);
        int p = featureNames.length;
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must hold at least one row index, got none");
        }
        DenseMatrix.Builder b = DenseMatrix.builder(rows.length, p, featureNames);
        long[] unseen = new long[columns.size()];
        double[] out = new double[p];
        for (int k = 0; k < rows.length; k++) {
            int row = rows[k];
            if (row < 0 || row >= table.rows()) {
                throw new IllegalArgumentException("rows[" + k + "] must be in [0, " + table.rows() + "), got " + row);
            }
            Arrays.fill(out, 0);
            int f = 0;
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                if (col.kind() == ColumnKind.NUMERIC) {
                    double v = table.numeric(row, at[c]);
                    boolean missing = Double.isNaN(v);
                    if (col.emitValue()) {
                        // clamped: a value far outside the training range (1e308 against a centre of -1e308) overflows
                        out[f++] = LinearScore.clamp(((missing ? col.fill() : v) - col.center()) / col.scale());
                    }
                    if (col.indicator()) {
                        out[f++] = missing ? 1 : 0;
                    }
                } else {
                    String v = table.categorical(row, at[c]);
                    String level = v == null ? MISSING_LEVEL : v;
                    Integer idx = levelIndex.get(c).get(level);
                    if (idx != null) {
                        out[f + idx] = 1;
                    } else if (rareSets.get(c).contains(level)) {
                        out[f + col.levels().length] = 1;
                    } else {
                        unseen[c]++;
                    }
                    f += col.width();
                }
            }
            b.setRow(k, out);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            if (unseen[c] > 0) {
                counts.put(columns.get(c).name(), unseen[c]);
            }
        }
        return new Transformed(b.build(), counts);
    }

    /** The table column of each model column, checked by name and kind. */
    private int[] locate(CustomerTable table) {
        int[] at = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            int j = table.indexOf(col.name());
            if (j < 0) {
                throw new IllegalArgumentException("column '" + col.name() + "', which the preprocessing was fitted on, "
                        + "is not in the table " + Arrays.toString(table.names()));
            }
            if (table.kind(j) != col.kind()) {
                throw new IllegalArgumentException("column '" + col.name() + "' is " + table.kind(j)
                        + " in the table but was " + col.kind() + " when the preprocessing was fitted");
            }
            at[c] = j;
        }
        return at;
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public FitSummary fitSummary() {
        return summary;
    }

    /** The model file: the fit summary, then each column's kind, statistics and levels, the dropped columns. */
    @Override
    public byte[] toBytes() {
        int m = columns.size();
        String[] names = new String[m];
        String[] kinds = new String[m];
        double[] numbers = new double[5 * m];
        int[] counts = new int[2 * m];
        List<String> levels = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            Column col = columns.get(c);
            names[c] = col.name();
            kinds[c] = col.kind().name();
            numbers[5 * c] = col.fill();
            numbers[5 * c + 1] = col.center();
            numbers[5 * c + 2] = col.scale();
            numbers[5 * c + 3] = col.emitValue() ? 1 : 0;
            numbers[5 * c + 4] = col.indicator() ? 1 : 0;
            if (col.kind() == ColumnKind.CATEGORICAL) {
                counts[2 * c] = col.levels().length;
                counts[2 * c + 1] = col.rare().length;
                levels.addAll(Arrays.asList(col.levels()));
                levels.addAll(Arrays.asList(col.rare()));
            }
        }
        return ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary)
                .putStrings("columns", names)
                .putStrings("kinds", kinds)
                .putDoubles("numbers", numbers)
                .putInts("level_counts", counts)
                .putStrings("levels", levels.toArray(new String[0]))
                .putStrings("dropped", dropped.keySet().toArray(new String[0]))
                .putStrings("dropped_reasons", dropped.values().toArray(new String[0]))
                .putStrings("options", new String[] {options.imputation().name()})
                .putInts("options_flags", new int[] {options.standardize() ? 1 : 0, options.missingIndicators() ? 1 : 0,
                    options.maxCategories()})
                .toBytes();
    }

    /**
     * Reads a model from a checked model file of type {@value #MODEL_TYPE}; {@code Models.load} calls it.
     *
     * @param f read
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type or schema, a section is missing or inconsistent,
     *                              or a statistic is not finite (the message names the file)
     */
    public static PreprocessingModel read(ModelFile f) throws ModelFormatException {
        ModelSections.open(f, MODEL_TYPE, SCHEMA_VERSION);
        try {
            String[] names = f.strings("columns");
            String[] kinds = f.strings("kinds");
            double[] numbers = f.doubles("numbers");
            int[] counts = f.ints("level_counts");
            String[] levels = f.strings("levels");
            int m = names.length;
            if (kinds.length != m || numbers.length != 5 * m || counts.length != 2 * m) {
                throw new ModelFormatException(f.source() + ": column sections of different lengths");
            }
            List<Column> columns = new ArrayList<>();
            int pos = 0;
            for (int c = 0; c < m; c++) {
                ColumnKind kind = ColumnKind.valueOf(kinds[c]);
                int nl = counts[2 * c];
                int nr = counts[2 * c + 1];
                // long arithmetic: a level count of 2^31 - 1 used to overflow pos + nl + nr and pass this check
                if (nl < 0 || nr < 0 || (long) pos + nl + nr > levels.length
                        || (kind == ColumnKind.NUMERIC && nl + nr != 0)) {
                    throw new ModelFormatException(f.source() + ": section 'level_counts' gives column '" + names[c]
                            + "' " + nl + " levels and " + nr + " rare levels, with " + (levels.length - pos)
                            + " of the 'levels' section left");
                }
                if (kind == ColumnKind.NUMERIC) {
                    double scale = numbers[5 * c + 2];
                    if (!(scale > 0) || Double.isInfinite(scale) || !Double.isFinite(numbers[5 * c])
                            || !Double.isFinite(numbers[5 * c + 1])) {
                        throw new ModelFormatException(f.source() + ": column '" + names[c] + "' has fill "
                                + numbers[5 * c] + ", centre " + numbers[5 * c + 1] + ", scale " + scale
                                + "; expected finite values and a scale > 0");
                    }
                    columns.add(Column.numeric(names[c], numbers[5 * c], numbers[5 * c + 1], scale,
                            numbers[5 * c + 3] == 1, numbers[5 * c + 4] == 1));
                } else {
                    columns.add(Column.categorical(names[c], Arrays.copyOfRange(levels, pos, pos + nl),
                            Arrays.copyOfRange(levels, pos + nl, pos + nl + nr)));
                    pos += nl + nr;
                }
            }
            if (pos != levels.length) {
                throw new ModelFormatException(f.source() + ": section 'levels' holds " + levels.length
                        + " levels, the level counts account for " + pos);
            }
            String[] droppedNames = f.strings("dropped");
            String[] reasons = f.strings("dropped_reasons");
            if (droppedNames.length != reasons.length) {
                throw new ModelFormatException(f.source() + ": dropped columns and reasons differ in length");
            }
            Map<String, String> dropped = new LinkedHashMap<>();
            for (int k = 0; k < droppedNames.length; k++) {
                dropped.put(droppedNames[k], reasons[k]);
            }
            int[] flags = f.ints("options_flags");
            String[] imp = f.strings("options");
            if (flags.length != 3 || imp.length != 1) {
                throw new ModelFormatException(f.source() + ": malformed options sections");
            }
            PreprocessOptions options = new PreprocessOptions(PreprocessOptions.Imputation.valueOf(imp[0]),
                    flags[0] == 1, flags[1] == 1, flags[2]);
            return new PreprocessingModel(columns, dropped, options, FitSummary.readFrom(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid churn-preprocessing model: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreprocessingModel m && m.columns.equals(columns) && m.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, options);
    }

    /** One line per kept column (kind, statistics or levels), then the columns left out and why. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "PreprocessingModel: %d columns -> %d features (%s)%n", columns.size(), featureNames.length, options));
        for (Column c : columns) {
            if (c.kind() == ColumnKind.NUMERIC) {
                sb.append(String.format(Locale.ROOT, "  %-28s numeric      fill %.4g, (x - %.4g) / %.4g%s%n", c.name(),
                        c.fill(), c.center(), c.scale(), c.indicator() ? ", missing indicator" : ""));
            } else {
                sb.append(String.format(Locale.ROOT, "  %-28s categorical  %d levels%s%n", c.name(), c.levels().length,
                        c.rare().length > 0 ? " + (other) for " + c.rare().length + " rare" : ""));
            }
        }
        dropped.forEach((n, why) -> sb.append(String.format(Locale.ROOT, "  %-28s left out: %s%n", n, why)));
        return sb.toString();
    }
}
