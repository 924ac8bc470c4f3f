package dev.retention.churn.dataset;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.retention.io.DataFormatException;
import dev.retention.io.TextFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a customer table (one row per customer, a header row, a label column) from CSV, such as the
 * IBM Telco churn table, by the policy of {@link TableOptions}: missing cells, numeric or categorical
 * columns by inference (overridable), unparseable numbers counted and treated as missing, identifier
 * columns left out, a binary label. Parsing is RFC 4180 (FastCSV): quoted fields may hold separators,
 * doubled quotes and line breaks.
 *
 * <p>Errors are {@link DataFormatException}s naming the source, the line, the column and the value: a
 * record with a different number of fields than the header, a blank label, a label column with other
 * than two values or without the positive value, a named column ({@code drop}, {@code idColumn},
 * forced kinds, the label) missing from the header, an empty file. In lenient mode malformed records
 * (field count, blank label) are skipped and counted in {@link ReadReport#skippedRows()}; a broken
 * quote ends the read in both modes.
 *
 * <p>Cost: one pass over the input, O(cells) time; the cells are held as strings until the column kinds
 * are known (categorical values are shared per column), then numeric columns become {@code double[]}.
 */
public final class CustomerTableReader {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerTableReader.class);
    private static final int IDENTIFIER_MIN_ROWS = 20;

    private CustomerTableReader() {
    }

    /**
     * Reads a UTF-8 CSV file.
     *
     * @param file    the CSV file
     * @param options the label column, key column, missing-value markers and the columns to skip
     * @return the table, with the reader's report
     * @throws DataFormatException if the content breaks the rules above
     * @throws IOException         if the file cannot be read
     */
    public static CustomerTable read(Path file, TableOptions options) throws IOException {
        try (Reader r = TextFiles.open(file)) {
            return read(r, file.toString(), options);
        }
    }

    /**
     * Reads CSV text from a reader (not closed).
     *
     * @param reader  read, not closed: the CSV text
     * @param source a name for messages, for example the file name
     * @param options the label column, key column, missing-value markers and the columns to skip
     * @return the table, with the reader's report
     * @throws IOException if the reader fails
     */
    public static CustomerTable read(Reader reader, String source, TableOptions options) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(options.separator())
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .ofCsvRecord(reader);
        try {
            return parse(csv, source, options);
        } catch (CsvParseException e) {
            throw new DataFormatException(source, 0, null, "", "malformed CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static CustomerTable parse(CsvReader<CsvRecord> csv, String source, TableOptions o) throws IOException {
        var it = csv.iterator();
        if (!it.hasNext()) {
            throw new DataFormatException(source, 1, null, "", "the file is empty; expected a header row");
        }
        CsvRecord head = it.next();
        long headerLine = head.getStartingLineNumber();
        int width = head.getFieldCount();
        String[] header = new String[width];
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < width; j++) {
            String name = head.getField(j).trim();
            if (j == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).trim();
            }
            if (name.isEmpty()) {
                throw new DataFormatException(source, headerLine, null, "", "header column " + (j + 1) + " has no name");
            }
            if (index.put(name, j) != null) {
                throw new DataFormatException(source, headerLine, name, name, "column name occurs twice in the header");
            }
            header[j] = name;
        }
        int labelCol = require(index, o.label(), "label", source, headerLine);
        int idCol = require(index, o.idColumn(), "id", source, headerLine);
        Set<Integer> dropped = new HashSet<>();
        for (String d : o.drop()) {
            dropped.add(require(index, d, "dropped", source, headerLine));
        }
        for (String c : o.numeric()) {
            require(index, c, "numeric", source, headerLine);
        }
        for (String c : o.categorical()) {
            require(index, c, "categorical", source, headerLine);
        }
        List<Integer> featureCols = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            if (j != labelCol && j != idCol && !dropped.contains(j)) {
                featureCols.add(j);
            }
        }
        int m = featureCols.size();
        List<String[]> rows = new ArrayList<>();
        List<String> labelValues = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        long skipped = 0;
        List<Map<String, String>> interned = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            interned.add(new HashMap<>());
        }
        while (it.hasNext()) {
            CsvRecord rec = it.next();
            long line = rec.getStartingLineNumber();
            if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) {
                continue;
            }
            if (rec.getFieldCount() != width) {
                if (o.lenient()) {
                    skipped++;
                    LOG.warn("{}:{}: skipped a record of {} fields (the header has {})", source, line,
                            rec.getFieldCount(), width);
                    continue;
                }
                throw new DataFormatException(source, line, null, "", "the record has " + rec.getFieldCount()
                        + " fields, the header has " + width);
            }
            if (labelCol >= 0) {
                String lv = rec.getField(labelCol).trim();
                if (o.isMissing(lv)) {
                    if (o.lenient()) {
                        skipped++;
                        LOG.warn("{}:{}: skipped a record with a blank label", source, line);
                        continue;
                    }
                    throw new DataFormatException(source, line, o.label(), lv, "the label is missing");
                }
                labelValues.add(lv);
            }
            keys.add(idCol >= 0 ? rec.getField(idCol).trim() : null);
            String[] cells = new String[m];
            for (int k = 0; k < m; k++) {
                String v = rec.getField(featureCols.get(k)).trim();
                cells[k] = o.isMissing(v) ? null : interned.get(k).computeIfAbsent(v, x -> x);
            }
            rows.add(cells);
            lines.add(line);
        }
        int n = rows.size();
        if (n == 0) {
            throw new DataFormatException(source, headerLine + 1, null, "", "the table has a header but no rows");
        }
        CustomerTable.Builder b = CustomerTable.builder(n);
        Map<String, Long> missing = new LinkedHashMap<>();
        Map<String, Long> unparseable = new LinkedHashMap<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            String name = header[featureCols.get(k)];
            long nonMissing = 0;
            long numbers = 0;
            Set<String> distinct = new HashSet<>();
            for (String[] r : rows) {
                String v = r[k];
                if (v != null) {
                    nonMissing++;
                    distinct.add(v);
                    if (!Double.isNaN(parseDecimal(v))) {
                        numbers++;
                    }
                }
            }
            boolean isNumeric;
            if (o.numeric().contains(name)) {
                isNumeric = true;
            } else if (o.categorical().contains(name)) {
                isNumeric = false;
            } else {
                isNumeric = nonMissing > 0 && numbers >= o.numericShare() * nonMissing;
                boolean allDistinct = nonMissing >= IDENTIFIER_MIN_ROWS && distinct.size() == nonMissing;
                if (allDistinct && !isNumeric) {
                    excluded.put(name, "identifier-like: all " + nonMissing + " values are distinct text");
                    continue;
                }
                if (allDistinct && numbers == nonMissing && allIntegers(distinct)) {
                    excluded.put(name, "identifier-like: all " + nonMissing + " values are distinct integers (force "
                            + "it numeric to keep it)");
                    continue;
                }
            }
            long miss = n - nonMissing;
            if (isNumeric) {
                double[] values = new double[n];
                long bad = 0;
                for (int i = 0; i < n; i++) {
                    String v = rows.get(i)[k];
                    values[i] = v == null ? Double.NaN : parseDecimal(v);
                    if (v != null && Double.isNaN(values[i])) {
                        bad++;
                        if (bad <= 3) {
                            LOG.warn("{}:{}: column '{}': '{}' is not a number; counted as missing", source,
                                    lines.get(i), name, v);
                        }
                    }
                }
                if (bad > 0) {
                    unparseable.put(name, bad);
                }
                miss += bad;
                b.numeric(name, values);
            } else {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = rows.get(i)[k];
                }
                b.categorical(name, values);
            }
            if (miss > 0) {
                missing.put(name, miss);
            }
        }
        if (labelCol >= 0) {
            Set<String> values = new LinkedHashSet<>(labelValues);
            if (!values.contains(o.positive())) {
                throw new DataFormatException(source, headerLine, o.label(), o.positive(), "the label column never holds "
                        + "the positive value '" + o.positive() + "'; its values are " + new TreeSet<>(values));
            }
            if (values.size() > 2) {
                throw new DataFormatException(source, headerLine, o.label(), "", "the label column holds "
                        + values.size() + " distinct values " + new TreeSet<>(values) + "; expected two");
            }
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = labelValues.get(i).equals(o.positive()) ? 1 : 0;
            }
            b.labels(y, o.label(), o.positive());
        }
        if (idCol >= 0) {
            b.keys(keys.toArray(new String[0]));
        }
        ReadReport report = new ReadReport(missing, unparseable, excluded, skipped);
        b.report(report);
        CustomerTable t = b.build();
        if (t.columns() == 0) {
            throw new DataFormatException(source, headerLine, null, "", "no feature column is left after the label, "
                    + "the id and the dropped columns");
        }
        LOG.info("{}: {} rows, {} feature columns{}", source, n, t.columns(), report.isEmpty() ? "" : "; " + report);
        return t;
    }

    /** Whether every value is an integer written without a fraction or exponent (an id, a row number). */
    private static boolean allIntegers(Set<String> values) {
        for (String v : values) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (!(c >= '0' && c <= '9') && !(i == 0 && (c == '-' || c == '+'))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int require(Map<String, Integer> index, String name, String role, String source, long line)
            throws DataFormatException {
        if (name == null) {
            return -1;
        }
        Integer j = index.get(name);
        if (j == null) {
            throw new DataFormatException(source, line, name, name, "the " + role + " column '" + name
                    + "' is not in the header " + index.keySet());
        }
        return j;
    }

    /**
     * A decimal number {@code [+-]digits[.digits][(e|E)[+-]digits]} (a leading or trailing point allowed),
     * as a finite double; NaN for anything else (text, hexadecimal, "Infinity", overflow).
     */
    static double parseDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return Double.NaN;
            }
        }
        if (i != n) {
            return Double.NaN;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
