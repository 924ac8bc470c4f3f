package dev.retention.experiment;

import dev.retention.model.DataFingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One row per experimental unit: the arm it was assigned to and numeric columns (outcomes, binary or
 * continuous, and pre-period covariates). Arms are numbered in the order they first appear. Immutable; the
 * columns are copied in and out.
 *
 * <p>Read one from CSV with {@link ExperimentTableReader}, derive one from a transaction log with
 * {@link LogOutcomes}, or build one with {@link #of}.
 */
public final class ExperimentTable {

    private final String[] armNames;
    private final int[] arms;
    private final Map<String, double[]> columns;
    private final String source;

    private ExperimentTable(String[] armNames, int[] arms, Map<String, double[]> columns, String source) {
        this.armNames = armNames;
        this.arms = arms;
        this.columns = columns;
        this.source = source;
    }

    /**
     * Builds a table.
     *
     * @param groups  read: the arm label of every unit, non-empty strings
     * @param columns read: numeric columns by name, each with one finite value per unit; copied
     * @return the table
     * @throws IllegalArgumentException if there are no units, a label is empty, a column has another length or a
     *                                  non-finite value
     */
    public static ExperimentTable of(String[] groups, Map<String, double[]> columns) {
        return of(groups, columns, "table");
    }

    static ExperimentTable of(String[] groups, Map<String, double[]> columns, String source) {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(columns, "columns");
        if (groups.length == 0) {
            throw new IllegalArgumentException("an experiment table needs at least one unit, got 0 rows");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] arms = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g == null || g.isBlank()) {
                throw new IllegalArgumentException("row " + i + " has no group label");
            }
            Integer a = index.get(g);
            if (a == null) {
                a = index.size();
                index.put(g, a);
            }
            arms[i] = a;
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double[] v = e.getValue();
            if (v.length != groups.length) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has " + v.length + " values for "
                        + groups.length + " units");
            }
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException("column '" + e.getKey() + "', row " + i + " is not finite: "
                            + v[i]);
                }
            }
            copy.put(e.getKey(), v.clone());
        }
        return new ExperimentTable(index.keySet().toArray(String[]::new), arms, copy, source);
    }

    /** {@return the number of units} */
    public int rows() {
        return arms.length;
    }

    /** {@return where the table came from (a file name, or "table")} */
    public String source() {
        return source;
    }

    /** {@return the arm labels, in order of first appearance} */
    public List<String> armNames() {
        return List.of(armNames);
    }

    /**
     * {@return the index of an arm label}
     *
     * @param name an arm label
     * @throws IllegalArgumentException if no unit has that label (the message lists the labels)
     */
    public int arm(String name) {
        for (int a = 0; a < armNames.length; a++) {
            if (armNames[a].equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no unit is in arm '" + name + "'; the arms are "
                + Arrays.toString(armNames));
    }

    /** {@return the arm index of every unit; a copy} */
    public int[] arms() {
        return arms.clone();
    }

    /** {@return the number of units per arm} */
    public long[] armCounts() {
        long[] c = new long[armNames.length];
        for (int a : arms) {
            c[a]++;
        }
        return c;
    }

    /** {@return the names of the numeric columns, in order} */
    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    /**
     * {@return a numeric column; a copy}
     *
     * @param name the column
     * @throws IllegalArgumentException if there is no such column (the message lists them)
     */
    public double[] column(String name) {
        return require(name).clone();
    }

    /**
     * {@return the values of a column for the units of one arm, in row order}
     *
     * @param name the column
     * @param arm  the arm index
     * @throws IllegalArgumentException if there is no such column or arm
     */
    public double[] column(String name, int arm) {
        return select(require(name), arm);
    }

    /**
     * {@return the values of a unit-aligned array for the units of one arm, in row order} For columns computed
     * from this table's columns, such as CUPED-adjusted outcomes. O(rows).
     *
     * @param values read: one value per unit of this table
     * @param arm    the arm index
     * @throws IllegalArgumentException if the length is not {@link #rows()} or there is no such arm
     */
    public double[] select(double[] values, int arm) {
        if (values.length != arms.length) {
            throw new IllegalArgumentException("values has " + values.length + " entries for " + arms.length
                    + " units");
        }
        if (arm < 0 || arm >= armNames.length) {
            throw new IllegalArgumentException("arm must be in [0, " + armNames.length + "), got " + arm);
        }
        int n = 0;
        for (int a : arms) {
            if (a == arm) {
                n++;
            }
        }
        double[] out = new double[n];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (arms[i] == arm) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    private double[] require(String name) {
        double[] v = columns.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no column '" + name + "' in " + source + "; the columns are "
                    + columns.keySet());
        }
        return v;
    }

    /** {@return a fingerprint of the arms and columns} O(rows x columns). */
    public DataFingerprint fingerprint() {
        DataFingerprint.Hasher h = DataFingerprint.hasher(arms.length, columns.size() + 1).add(arms);
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            h.add(e.getKey()).add(e.getValue());
        }
        return h.finish();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %,d units, columns %s%n", source,
                arms.length, columns.keySet()));
        long[] c = armCounts();
        for (int a = 0; a < armNames.length; a++) {
            sb.append(String.format(Locale.ROOT, "  %-24s %,10d%n", armNames[a], c[a]));
        }
        return sb.toString();
    }
}
