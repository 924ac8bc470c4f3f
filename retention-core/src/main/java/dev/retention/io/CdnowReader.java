package dev.retention.io;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads the CDNOW purchase data (Fader and Hardie, "CDNOW_master.txt": 23,570 customers who first
 * bought in 1997Q1, followed to June 1998) as a {@link TransactionLog}.
 *
 * <p>The file has no header; each non-blank line holds four fields separated by spaces or tabs: the
 * customer id, the date {@code yyyyMMdd}, the number of CDs and the dollar value, for example
 * {@code 00001 19970101 1 11.77}. The published 1/10 sample ({@code CDNOW_sample.txt}, 2,357
 * customers) has a fifth field in second place, the customer's number within the sample
 * ({@code 00004 0001 19970101 2 29.33}); the layout is taken from the first line, and the customer id
 * is then the first field (the id in the master file). Each line is one order without items: its order
 * id is the line number (as text), its time is midnight of the date in {@link ReadOptions#zone()}, its
 * quantity the number of CDs and its amount the dollar value (the unit price is amount / quantity).
 * Customer ids are kept as written, so {@code 00001} stays {@code 00001}. Lines are then subject to the
 * {@link ReadOptions#rules() purchase rules}. The data has orders of $0.00 (free CDs), which the
 * published BG/NBD and Gamma-Gamma analyses count as purchases; {@link #defaultOptions()} keeps them
 * ({@link PurchaseRules#keepZeroPrice()}), while {@link ReadOptions#defaults()} would skip them as
 * non-positive prices and lose the customers whose only order was free. A line that cannot be parsed
 * raises a {@link DataFormatException}, or is skipped and counted as
 * {@link dev.retention.data.SkipReason#MALFORMED} when reading leniently.
 *
 * <p>Reference: P. S. Fader, B. G. S. Hardie and K. L. Lee, "Counting your customers the easy way:
 * an alternative to the Pareto/NBD model", Marketing Science 24(2), 2005. One pass, O(n) plus the
 * log's sort.
 */
public final class CdnowReader {

    private static final Logger LOG = LoggerFactory.getLogger(CdnowReader.class);
    private static final String[] COLUMNS = {"customer", "date", "quantity", "amount"};
    private static final String[] SAMPLE_COLUMNS = {"customer", "sample id", "date", "quantity", "amount"};

    private CdnowReader() {
    }

    /**
     * {@return the options this reader uses by default: strict, UTC, and the default purchase rules except that
     * orders of $0.00 are kept as purchases, as in the published analyses of the data}
     */
    public static ReadOptions defaultOptions() {
        return ReadOptions.defaults().withRules(PurchaseRules.defaults().withKeepZeroPrice(true));
    }

    /**
     * Reads a file with {@link #defaultOptions()}.
     *
     * @param file read
     * @return the log read
     * @throws DataFormatException if a line cannot be parsed
     * @throws IOException         if the file cannot be read
     */
    public static TransactionLog read(Path file) throws IOException {
        return read(file, defaultOptions());
    }

    /**
     * Reads a file; messages name it by its file name.
     *
     * @param file    read, UTF-8 (the data set is ASCII)
     * @param options strictness, purchase rules and zone
     * @return the log read
     * @throws DataFormatException if a line cannot be parsed (strict mode)
     * @throws IOException         if the file cannot be read
     */
    public static TransactionLog read(Path file, ReadOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Reader reader = TextFiles.open(file)) {
            return read(reader, String.valueOf(file.getFileName()), options);
        }
    }

    /** How many of the first lines tell the layout. */
    static final int LAYOUT_LINES = 100;

    /**
     * 1 when more of the given lines have the sample layout's five fields than the master layout's four, 0 when
     * fewer; on a tie, the first line's layout.
     */
    static int layout(int[] fieldCounts) {
        int master = 0;
        int sample = 0;
        for (int c : fieldCounts) {
            if (c == COLUMNS.length) {
                master++;
            } else if (c == SAMPLE_COLUMNS.length) {
                sample++;
            }
        }
        if (sample == master) {
            return fieldCounts.length > 0 && fieldCounts[0] == SAMPLE_COLUMNS.length ? 1 : 0;
        }
        return sample > master ? 1 : 0;
    }

    /**
     * Reads from a character stream, for example a decompressing one; the reader is read to its end
     * and not closed.
     *
     * @param reader  read
     * @param source  name of the source in messages
     * @param options strictness, purchase rules and zone
     * @return the log read
     * @throws DataFormatException if a line cannot be parsed (strict mode)
     * @throws IOException         if reading fails
     */
    public static TransactionLog read(Reader reader, String source, ReadOptions options) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        TextLines in = new TextLines(reader, source, TextLines.Split.WHITESPACE, COLUMNS);
        TransactionLog.Builder builder = TransactionLog.builder(options.rules()).zone(options.zone());
        MalformedRecords malformed = new MalformedRecords(source, options, builder::countMalformed);
        TimestampParser dates = TimestampParser.compactDate(options.zone());
        // 1 for the five-field layout of the sample file, told by the most of its first lines (not the first
        // alone: one stray line would make every other line malformed)
        int shift = layout(in.peekFieldCounts(LAYOUT_LINES));
        if (shift == 1) {
            in.expect(SAMPLE_COLUMNS);
        }
        while (in.next()) {
            try {
                in.checkFieldCount();
                String customer = in.field(0);
                long time = in.time(1 + shift, dates);
                double quantity = in.number(2 + shift);
                double amount = in.number(3 + shift);
                builder.addWithAmount(customer, Long.toString(in.line()), null, time, quantity, amount, false);
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
