package dev.retention.churn.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link CustomerTableReader} reads a customer table.
 *
 * <p><b>Policy.</b> A cell is <em>missing</em> when it is blank after trimming or equals one of
 * {@link #missingTokens()} (ignoring case). A column is numeric when at least {@link #numericShare()}
 * of its non-missing cells are decimal numbers ({@code [+-]digits[.digits][e[+-]digits]}, finite);
 * the other cells of a numeric column are <em>unparseable</em>: they count as missing and are counted
 * per column in the table's {@link ReadReport}. Other columns are categorical. A column whose values are
 * all distinct (on at least 20 rows) and are either text or integers written without a fraction
 * (customer ids, row numbers) is taken for an identifier and left out of the features (reported). {@link #numeric()} and {@link #categorical()} override the
 * inference. The label column must hold exactly two distinct values, one of them {@link #positive()};
 * a row with a blank label is an error (or, with {@link #lenient()}, skipped and counted).
 *
 * @param label         the label column, or {@code null} for an unlabelled table (to score)
 * @param positive      the label value counted as positive (churned); required with a label, compared
 *                      after trimming
 * @param drop          columns to leave out entirely
 * @param idColumn      a column holding the customer id, kept as the row key and never a feature, or
 *                      {@code null}
 * @param numeric       columns forced numeric
 * @param categorical   columns forced categorical
 * @param missingTokens cell values meaning "missing", compared ignoring case (blank always is)
 * @param numericShare  share of non-missing cells that must parse for a column to be numeric, in (0.5, 1]
 *                      (default 0.95)
 * @param separator     field separator (default ',')
 * @param lenient       skip and count malformed records (wrong field count, blank label) instead of failing
 */
public record TableOptions(String label, String positive, List<String> drop, String idColumn, List<String> numeric,
                           List<String> categorical, List<String> missingTokens, double numericShare, char separator,
                           boolean lenient) {

    /** The default missing-value tokens: {@code NA}, {@code N/A}, {@code NaN}, {@code null}, {@code ?}. */
    public static final List<String> DEFAULT_MISSING = List.of("NA", "N/A", "NaN", "null", "?");

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param label         the label column, or {@code null} for an unlabelled table (to score)
     * @param positive      the label value counted as positive (churned); required with a label, compared after
     *                      trimming
     * @param drop          columns to leave out entirely
     * @param idColumn      a column holding the customer id, kept as the row key and never a feature, or {@code null}
     * @param numeric       columns forced numeric
     * @param categorical   columns forced categorical
     * @param missingTokens cell values meaning "missing", compared ignoring case (blank always is)
     * @param numericShare  share of non-missing cells that must parse for a column to be numeric, in (0.5, 1] (default
     *                      0.95)
     * @param separator     field separator (default ',')
     * @param lenient       skip and count malformed records (wrong field count, blank label) instead of failing
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public TableOptions {
        drop = List.copyOf(drop);
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        missingTokens = List.copyOf(missingTokens);
        if (label != null && (positive == null || positive.isBlank())) {
            throw new IllegalArgumentException("a positive label value is required with label column '" + label + "'");
        }
        if (!(numericShare > 0.5 && numericShare <= 1)) {
            throw new IllegalArgumentException("numericShare must be in (0.5, 1], got " + numericShare);
        }
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("separator must not be a quote or a line break, got '" + separator + "'");
        }
        for (String c : numeric) {
            if (categorical.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is forced both numeric and categorical");
            }
        }
        positive = positive == null ? null : positive.trim();
    }

    /**
     * {@return options for a labelled table}
     *
     * @param label    the label column
     * @param positive the value meaning churned, for example {@code "Yes"}
     */
    public static TableOptions labelled(String label, String positive) {
        Objects.requireNonNull(label, "label");
        return new TableOptions(label, positive, List.of(), null, List.of(), List.of(), DEFAULT_MISSING, 0.95, ',',
                false);
    }

    /** {@return options for a table without labels (customers to score)} */
    public static TableOptions unlabelled() {
        return new TableOptions(null, null, List.of(), null, List.of(), List.of(), DEFAULT_MISSING, 0.95, ',', false);
    }

    /**
     * {@return a copy leaving these columns out}
     *
     * @param drop columns to leave out entirely
     */
    public TableOptions withDrop(List<String> drop) {
        return new TableOptions(label, positive, drop, idColumn, numeric, categorical, missingTokens, numericShare,
                separator, lenient);
    }

    /**
     * {@return a copy taking the customer id from this column}
     *
     * @param idColumn a column holding the customer id, kept as the row key and never a feature, or {@code null}
     */
    public TableOptions withIdColumn(String idColumn) {
        return new TableOptions(label, positive, drop, idColumn, numeric, categorical, missingTokens, numericShare,
                separator, lenient);
    }

    /**
     * {@return a copy forcing these columns numeric}
     *
     * @param numeric columns forced numeric
     */
    public TableOptions withNumeric(List<String> numeric) {
        return new TableOptions(label, positive, drop, idColumn, numeric, categorical, missingTokens, numericShare,
                separator, lenient);
    }

    /**
     * {@return a copy forcing these columns categorical}
     *
     * @param categorical columns forced categorical
     */
    public TableOptions withCategorical(List<String> categorical) {
        return new TableOptions(label, positive, drop, idColumn, numeric, categorical, missingTokens, numericShare,
                separator, lenient);
    }

    /**
     * {@return a copy with these missing-value tokens}
     *
     * @param missingTokens cell values meaning "missing", compared ignoring case (blank always is)
     */
    public TableOptions withMissingTokens(List<String> missingTokens) {
        return new TableOptions(label, positive, drop, idColumn, numeric, categorical, missingTokens, numericShare,
                separator, lenient);
    }

    /**
     * {@return a copy with this numeric share}
     *
     * @param numericShare share of non-missing cells that must parse for a column to be numeric, in (0.5, 1] (default
     *                     0.95)
     */
    public TableOptions withNumericShare(double numericShare) {
        return new TableOptions(label, positive, drop, idColumn, numeric, categorical, missingTokens, numericShare,
                separator, lenient);
    }

    /**
     * {@return a copy with this separator}
     *
     * @param separator field separator (default ',')
     */
    public TableOptions withSeparator(char separator) {
        return new TableOptions(label, positive, drop, idColumn, numeric, categorical, missingTokens, numericShare,
                separator, lenient);
    }

    /**
     * {@return a copy in lenient or strict mode}
     *
     * @param lenient skip and count malformed records (wrong field count, blank label) instead of failing
     */
    public TableOptions withLenient(boolean lenient) {
        return new TableOptions(label, positive, drop, idColumn, numeric, categorical, missingTokens, numericShare,
                separator, lenient);
    }

    /** Whether a trimmed cell is missing. */
    boolean isMissing(String trimmed) {
        if (trimmed.isEmpty()) {
            return true;
        }
        for (String t : missingTokens) {
            if (t.equalsIgnoreCase(trimmed)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "label=%s positive=%s drop=%s id=%s numeric=%s categorical=%s missing=%s "
                        + "numericShare=%g separator='%c' lenient=%b", label, positive, drop, idColumn, numeric,
                categorical, missingTokens, numericShare, separator, lenient);
    }
}
