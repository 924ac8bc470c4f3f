package dev.retention.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.retention.data.TransactionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a caller's order CSV, with a header row and a {@link GenericCsvFormat} column mapping, as a
 * {@link TransactionLog}.
 *
 * <p>Each record is one order line: customer, order (or the line number when the format has no order
 * column), item (optional), time, quantity (1 when the format has none) and either a unit price or a
 * line amount. An order whose id starts with the format's cancellation prefix is a cancellation. The
 * {@link ReadOptions#rules() purchase rules} decide which lines are kept and
 * {@link TransactionLog#lineCounts()} says how many were skipped and why; an empty customer is a
 * missing customer. A record that cannot be parsed (wrong field count, broken quoting, an empty order
 * or item id, a bad number or time) raises a {@link DataFormatException}, or is skipped and counted as
 * {@link dev.retention.data.SkipReason#MALFORMED} when reading leniently.
 *
 * <p>Times are parsed with a {@link java.time.format.DateTimeFormatter} built once from the pattern,
 * and the last text and its value are cached, so repeated order times cost a string comparison. One
 * pass, O(n) plus the log's sort.
 */
public final class GenericCsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(GenericCsvReader.class);

    private GenericCsvReader() {
    }

    /**
     * Reads a file; messages name it by its file name.
     *
     * @param file    read, UTF-8
     * @param format  the column mapping
     * @param options strictness, purchase rules and zone
     * @return the log read
     * @throws DataFormatException if the file is empty, lacks a mapped column, or a record cannot be
     *                             parsed (strict mode)
     * @throws IOException         if the file cannot be read
     */
    public static TransactionLog read(Path file, GenericCsvFormat format, ReadOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Reader reader = TextFiles.open(file)) {
            return read(reader, String.valueOf(file.getFileName()), format, options);
        }
    }

    /**
     * Reads from a character stream, for example a decompressing one; the reader is read to its end
     * and not closed.
     *
     * @param reader  read
     * @param source  name of the source in messages
     * @param format  the column mapping
     * @param options strictness, purchase rules and zone
     * @return the log read
     * @throws DataFormatException if the input is empty, lacks a mapped column, or a record cannot be
     *                             parsed (strict mode)
     * @throws IOException         if reading fails
     */
    public static TransactionLog read(Reader reader, String source, GenericCsvFormat format, ReadOptions options)
            throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        CsvInput in = new CsvInput(reader, source, format.separator());
        in.readHeader(format.describeColumns());
        int customerCol = in.requireColumn(format.customerColumn());
        int orderCol = format.orderColumn() == null ? -1 : in.requireColumn(format.orderColumn());
        int itemCol = format.itemColumn() == null ? -1 : in.requireColumn(format.itemColumn());
        int timeCol = in.requireColumn(format.timeColumn());
        int quantityCol = format.quantityColumn() == null ? -1 : in.requireColumn(format.quantityColumn());
        boolean byPrice = format.unitPriceColumn() != null;
        int valueCol = in.requireColumn(byPrice ? format.unitPriceColumn() : format.amountColumn());
        String prefix = format.cancellationPrefix();

        TransactionLog.Builder builder = TransactionLog.builder(options.rules()).zone(options.zone());
        MalformedRecords malformed = new MalformedRecords(source, options, builder::countMalformed);
        TimestampParser times = TimestampParser.of(format.datePattern(), options.zone());
        while (true) {
            try {
                CsvRecord r = in.next();
                if (r == null) {
                    break;
                }
                in.checkFieldCount(r);
                String order = orderCol < 0 ? Long.toString(in.line()) : in.nonEmpty(r, orderCol);
                String item = itemCol < 0 ? null : in.nonEmpty(r, itemCol);
                long time = in.time(r, timeCol, times);
                double quantity = quantityCol < 0 ? 1 : in.number(r, quantityCol);
                double value = in.number(r, valueCol);
                String customer = in.id(r, customerCol).strip();
                boolean cancellation = prefix != null && order.startsWith(prefix);
                if (byPrice) {
                    builder.add(customer, order, item, time, quantity, value, cancellation);
                } else {
                    builder.addWithAmount(customer, order, item, time, quantity, value, cancellation);
                }
            } catch (DataFormatException e) {
                malformed.skip(e);
            }
        }
        malformed.finish();
        TransactionLog log = builder.build();
        LOG.debug("Read {}: {}", source, log.lineCounts());
        return log;
    }
}
