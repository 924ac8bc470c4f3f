package dev.retention.experiment;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.retention.io.DataFormatException;
import dev.retention.primitive.DoubleList;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an {@link ExperimentTable} from CSV (RFC 4180, FastCSV, a header row): the group column and the named
 * numeric columns; other columns are ignored. Strict: a missing or blank group label, a record with fewer fields
 * than the header, or a numeric cell that is blank or not a finite number is a {@link DataFormatException}
 * naming the file, the line, the column and the value. One pass, O(cells) time.
 */
public final class ExperimentTableReader {

    private ExperimentTableReader() {
    }

    /**
     * Reads a UTF-8 CSV file.
     *
     * @param file           the file
     * @param groupColumn    the column holding each unit's arm label
     * @param numericColumns the outcome and covariate columns to read, each once
     * @return the table
     * @throws DataFormatException if the content breaks the rules above or a named column is not in the header
     * @throws IOException         if the file cannot be read
     */
    public static ExperimentTable read(Path file, String groupColumn, List<String> numericColumns) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString(), groupColumn, numericColumns);
        }
    }

    /**
     * Reads CSV text.
     *
     * @param reader         read to its end, not closed
     * @param source         the name used in messages
     * @param groupColumn    the column holding each unit's arm label
     * @param numericColumns the outcome and covariate columns to read, each once
     * @return the table
     * @throws DataFormatException if the content breaks the rules above or a named column is not in the header
     * @throws IOException         if reading fails
     */
    public static ExperimentTable read(Reader reader, String source, String groupColumn, List<String> numericColumns)
            throws IOException {
        Objects.requireNonNull(groupColumn, "groupColumn");
        Objects.requireNonNull(numericColumns, "numericColumns");
        CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(',').quoteCharacter('"').skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false).ofCsvRecord(reader);
        try {
            return parse(csv, source, groupColumn, numericColumns);
        } catch (CsvParseException e) {
            throw new DataFormatException(source, 0, null, "", "malformed CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ExperimentTable parse(CsvReader<CsvRecord> csv, String source, String groupColumn,
                                         List<String> numericColumns) throws IOException {
        var it = csv.iterator();
        if (!it.hasNext()) {
            throw new DataFormatException(source, 1, null, "", "the file is empty; expected a header row");
        }
        CsvRecord head = it.next();
        long headerLine = head.getStartingLineNumber();
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < head.getFieldCount(); j++) {
            String name = head.getField(j).trim();
            if (j == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).trim();
            }
            index.putIfAbsent(name, j);
        }
        int groupCol = column(index, groupColumn, source, headerLine);
        int m = numericColumns.size();
        int[] cols = new int[m];
        DoubleList[] values = new DoubleList[m];
        for (int k = 0; k < m; k++) {
            String c = numericColumns.get(k);
            if (numericColumns.indexOf(c) != k) {
                throw new IllegalArgumentException("column '" + c + "' is named twice");
            }
            cols[k] = column(index, c, source, headerLine);
            values[k] = new DoubleList();
        }
        List<String> groups = new ArrayList<>();
        while (it.hasNext()) {
            CsvRecord rec = it.next();
            long line = rec.getStartingLineNumber();
            String g = field(rec, groupCol);
            if (g == null || g.isBlank()) {
                throw new DataFormatException(source, line, groupColumn, g == null ? "" : g,
                        "missing group label: every unit must belong to an arm");
            }
            groups.add(g.trim());
            for (int k = 0; k < m; k++) {
                String cell = field(rec, cols[k]);
                double v;
                try {
                    v = cell == null || cell.isBlank() ? Double.NaN : Double.parseDouble(cell.trim());
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    throw new DataFormatException(source, line, numericColumns.get(k), cell == null ? "" : cell,
                            "expected a finite number, got '" + (cell == null ? "" : cell) + "'");
                }
                values[k].add(v);
            }
        }
        if (groups.isEmpty()) {
            throw new DataFormatException(source, headerLine, null, "", "no data rows after the header");
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            columns.put(numericColumns.get(k), values[k].toArray());
        }
        return ExperimentTable.of(groups.toArray(String[]::new), columns, source);
    }

    private static String field(CsvRecord rec, int j) {
        return j < rec.getFieldCount() ? rec.getField(j) : null;
    }

    private static int column(Map<String, Integer> index, String name, String source, long line)
            throws DataFormatException {
        Integer j = index.get(name);
        if (j == null) {
            throw new DataFormatException(source, line, name, name, "no such column in the header; it has "
                    + index.keySet());
        }
        return j;
    }
}
