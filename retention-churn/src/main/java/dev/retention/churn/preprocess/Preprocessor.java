package dev.retention.churn.preprocess;

import dev.retention.churn.dataset.ColumnKind;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.model.FitSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fits the preprocessing of a {@link CustomerTable} on its training rows only: imputation of missing
 * numbers, standardisation, one-hot encoding of categories (scikit-learn's {@code SimpleImputer},
 * {@code StandardScaler} and {@code OneHotEncoder(handle_unknown="ignore")} in a
 * {@code ColumnTransformer}). Statistics come from the given rows alone, so that test rows never leak
 * into them; the result is one {@link PreprocessingModel} applied unchanged at prediction time.
 *
 * <p>Policies, stated once: a column that is constant or entirely missing on the training rows is left
 * out (reported in {@link PreprocessingModel#dropped()}), as it cannot inform a model and would divide
 * by a zero scale; a missing category is a category of its own, {@code "(missing)"}; categories are
 * ordered as strings (as NumPy's {@code unique}); a category not seen in training becomes an all-zero
 * one-hot and is counted ({@link Transformed#unseen()}).
 *
 * <p>Cost O(rows * columns) plus O(r log r) per numeric column for the median.
 */
public final class Preprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(Preprocessor.class);

    private Preprocessor() {
    }

    /**
     * Fits on every row of the table.
     *
     * @param table   read: the table
     * @param options the options
     * @return the fitted model
     * @throws IllegalArgumentException if no column is left once constant columns are dropped
     */
    public static PreprocessingModel fit(CustomerTable table, PreprocessOptions options) {
        int[] all = new int[table.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return fit(table, all, options);
    }

    /**
     * Fits the preprocessing on the given training rows.
     *
     * @param table   read: the table
     * @param rows    read: training row indexes (at least one)
     * @param options the options
     * @return the fitted model
     * @throws IllegalArgumentException if no row is given, an index is out of range, or no column is
     *                                  left once constant columns are dropped
     */
    public static PreprocessingModel fit(CustomerTable table, int[] rows, PreprocessOptions options) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        if (rows.length == 0) {
            throw new IllegalArgumentException("preprocessing needs at least one training row, got none");
        }
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] < 0 || rows[k] >= table.rows()) {
                throw new IllegalArgumentException("rows[" + k + "] must be in [0, " + table.rows() + "), got " + rows[k]);
            }
        }
        List<PreprocessingModel.Column> columns = new ArrayList<>();
        Map<String, String> dropped = new LinkedHashMap<>();
        // numeric columns first, then categorical ones, each in table order (as a ColumnTransformer lists them)
        int[] order = new int[table.columns()];
        int filled = 0;
        for (ColumnKind kind : ColumnKind.values()) {
            for (int j = 0; j < table.columns(); j++) {
                if (table.kind(j) == kind) {
                    order[filled++] = j;
                }
            }
        }
        for (int j : order) {
            String name = table.name(j);
            if (table.kind(j) == ColumnKind.NUMERIC) {
                double[] v = new double[rows.length];
                int present = 0;
                boolean anyMissing = false;
                for (int row : rows) {
                    double x = table.numeric(row, j);
                    if (Double.isNaN(x)) {
                        anyMissing = true;
                    } else {
                        v[present++] = x;
                    }
                }
                if (present == 0) {
                    dropped.put(name, "all " + rows.length + " training values are missing");
                    continue;
                }
                double fill = switch (options.imputation()) {
                    case MEAN -> mean(v, present);
                    case MEDIAN -> median(v, present);
                    case ZERO -> 0;
                };
                // mean and variance after imputation, as a StandardScaler after a SimpleImputer sees them, of the
                // values times a power of two that brings the largest near 1: exact, so the same bits as unscaled
                // sums where those do not overflow, and finite where they would (values of 1e154 and more)
                double largest = Math.abs(fill);
                for (int k = 0; k < present; k++) {
                    largest = Math.max(largest, Math.abs(v[k]));
                }
                int exponent = Math.getExponent(largest);
                double sum = 0;
                for (int k = 0; k < present; k++) {
                    sum += Math.scalb(v[k], -exponent);
                }
                int missingCount = rows.length - present;
                double scaledFill = Math.scalb(fill, -exponent);
                double scaledMean = (sum + missingCount * scaledFill) / rows.length;
                double ss = 0;
                boolean constant = true;
                double first = present > 0 ? v[0] : fill;
                for (int k = 0; k < present; k++) {
                    double d = Math.scalb(v[k], -exponent) - scaledMean;
                    ss += d * d;
                    constant &= v[k] == first;
                }
                ss += missingCount * (scaledFill - scaledMean) * (scaledFill - scaledMean);
                constant &= missingCount == 0 || fill == first;
                double mean = Math.scalb(scaledMean, exponent);
                boolean indicator = options.missingIndicators() && anyMissing;
                if (constant && !indicator) {
                    dropped.put(name, "constant on the " + rows.length + " training rows");
                    continue;
                }
                double std = Math.scalb(Math.sqrt(ss / rows.length), exponent);
                double scale = options.standardize() && std > 0 ? std : 1;
                double center = options.standardize() ? mean : 0;
                columns.add(PreprocessingModel.Column.numeric(name, fill, center, scale, !constant, indicator));
            } else {
                Map<String, Integer> counts = new HashMap<>();
                for (int row : rows) {
                    String c = table.categorical(row, j);
                    counts.merge(c == null ? PreprocessingModel.MISSING_LEVEL : c, 1, Integer::sum);
                }
                if (counts.size() < 2) {
                    dropped.put(name, "a single category on the " + rows.length + " training rows");
                    continue;
                }
                TreeMap<String, Integer> sorted = new TreeMap<>(counts);
                if (sorted.size() <= options.maxCategories()) {
                    columns.add(PreprocessingModel.Column.categorical(name, sorted.keySet().toArray(new String[0]),
                            new String[0]));
                    continue;
                }
                List<Map.Entry<String, Integer>> byCount = new ArrayList<>(sorted.entrySet());
                byCount.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));   // stable: ties by name
                String[] keep = new String[options.maxCategories() - 1];
                for (int k = 0; k < keep.length; k++) {
                    keep[k] = byCount.get(k).getKey();
                }
                String[] rare = new String[byCount.size() - keep.length];
                for (int k = 0; k < rare.length; k++) {
                    rare[k] = byCount.get(keep.length + k).getKey();
                }
                Arrays.sort(keep);
                Arrays.sort(rare);
                columns.add(PreprocessingModel.Column.categorical(name, keep, rare));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no feature is left: every column is constant or missing on the "
                    + rows.length + " training rows " + dropped);
        }
        FitSummary.Builder summary = FitSummary.builder("churn preprocessing").options(options)
                .data(rows.length == table.rows() && isIdentity(rows) ? table.fingerprint() : table.fingerprint(rows));
        dropped.forEach((name, why) -> summary.choice("left out column '" + name + "': " + why));
        PreprocessingModel model = new PreprocessingModel(columns, dropped, options,
                summary.secondsSince(start).build());
        LOG.info("preprocessing fitted on {} rows: {} columns -> {} features{}", rows.length, table.columns(),
                model.featureCount(), dropped.isEmpty() ? "" : "; left out " + dropped);
        return model;
    }

    private static boolean isIdentity(int[] rows) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The mean, summed over the values times a power of two (exact) so that values near 1e308 do not overflow. */
    private static double mean(double[] v, int n) {
        double largest = 0;
        for (int k = 0; k < n; k++) {
            largest = Math.max(largest, Math.abs(v[k]));
        }
        int exponent = Math.getExponent(largest);
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += Math.scalb(v[k], -exponent);
        }
        return Math.scalb(s / n, exponent);
    }

    /** The median as NumPy computes it: the middle value, or the mean of the two middle values. */
    private static double median(double[] v, int n) {
        double[] c = Arrays.copyOf(v, n);
        Arrays.sort(c);
        if (n % 2 == 1) {
            return c[n / 2];
        }
        double m = (c[n / 2 - 1] + c[n / 2]) / 2;
        return Double.isInfinite(m) ? c[n / 2 - 1] / 2 + c[n / 2] / 2 : m;
    }
}
