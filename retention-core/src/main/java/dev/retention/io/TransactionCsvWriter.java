package dev.retention.io;

import dev.retention.data.TransactionLog;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@link TransactionLog} as CSV in the {@link GenericCsvFormat#canonical() canonical layout}:
 * header {@code customer,order,item,time,quantity,unit_price,amount}, one row per line in the log's
 * order, times in the log's zone as {@code yyyy-MM-dd HH:mm:ss}, numbers in their shortest exact form.
 * Reading the file back with {@link GenericCsvReader} and {@link GenericCsvFormat#canonical()} (in the
 * same zone) gives the same purchases. Netted cancellation lines are written with their negative
 * quantity; read back, they count as non-positive quantities, since the layout has no cancellation
 * marker. The item field is empty when the log has no items. O(n).
 */
public final class TransactionCsvWriter {

    /** The time layout of the canonical CSV. */
    static final String TIME_PATTERN = "yyyy-MM-dd HH:mm:ss";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(TIME_PATTERN);

    private TransactionCsvWriter() {
    }

    /**
     * Writes the log to a file, UTF-8, replacing it.
     *
     * @param log  read: the log to write
     * @param file the file, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public static void write(TransactionLog log, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(log, w);
        }
    }

    /**
     * Writes the log to a writer, which is flushed but not closed.
     *
     * @param log read: the log to write
     * @param out written: the CSV text, flushed, not closed
     * @throws IOException if the writer fails
     */
    public static void write(TransactionLog log, Writer out) throws IOException {
        out.write("customer,order,item,time,quantity,unit_price,amount\n");
        StringBuilder sb = new StringBuilder(128);
        long lastTime = Long.MIN_VALUE;
        String lastText = "";
        for (int i = 0; i < log.size(); i++) {
            long t = log.time(i);
            if (t != lastTime) {
                lastTime = t;
                lastText = TIME.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(t), log.zone()));
            }
            sb.setLength(0);
            field(sb, log.customers().id(log.customer(i))).append(',');
            field(sb, log.orders().id(log.order(i))).append(',');
            if (log.item(i) >= 0) {
                field(sb, log.items().id(log.item(i)));
            }
            sb.append(',').append(lastText).append(',');
            number(sb, log.quantity(i)).append(',');
            number(sb, log.unitPrice(i)).append(',');
            number(sb, log.amount(i)).append('\n');
            out.append(sb);
        }
        out.flush();
    }

    private static StringBuilder field(StringBuilder sb, String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return sb.append('"').append(s.replace("\"", "\"\"")).append('"');
        }
        return sb.append(s);
    }

    private static StringBuilder number(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return sb.append((long) v);
        }
        return sb.append(v);
    }
}
