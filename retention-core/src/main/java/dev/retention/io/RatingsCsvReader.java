package dev.retention.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.retention.data.Interactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads ratings from a CSV file with a header naming the columns {@code user}, {@code item},
 * {@code rating} and optionally {@code timestamp} (epoch seconds), in any order, as
 * {@link Interactions}; other columns are ignored, and names match ignoring case. This is the shape
 * of the MovieLens {@code ratings.csv} files after renaming, and of most exported rating tables.
 *
 * <p>Without a timestamp column, or where the field is empty, the time is 0 (unknown). Several
 * ratings of the same user and item are resolved with {@link Interactions.Duplicates#KEEP_LAST}: the
 * last in the file wins, and {@link Interactions#duplicatesResolved()} counts the replaced ones. A
 * record that cannot be parsed raises a {@link DataFormatException}, or, when reading leniently, is
 * skipped, logged and passed to the {@link ReadOptions#skipListener() skip listener}. One pass,
 * O(n log n) for sorting the entries.
 */
public final class RatingsCsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(RatingsCsvReader.class);

    private RatingsCsvReader() {
    }

    /**
     * Reads a ratings CSV file; messages name it by its file name.
     *
     * @param file    read, UTF-8
     * @param options strictness and skip listener; the purchase rules and zone are not used
     * @return the ratings read
     * @throws DataFormatException if the header lacks a column, or a record cannot be parsed (strict mode)
     * @throws IOException         if the file cannot be read
     */
    public static Interactions read(Path file, ReadOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Reader reader = TextFiles.open(file)) {
            return read(reader, String.valueOf(file.getFileName()), options);
        }
    }

    /**
     * Reads ratings CSV from a character stream, which is read to its end and not closed.
     *
     * @param reader  read
     * @param source  name of the source in messages
     * @param options strictness and skip listener
     * @return the ratings read
     * @throws DataFormatException if the header lacks a column, or a record cannot be parsed (strict mode)
     * @throws IOException         if reading fails
     */
    public static Interactions read(Reader reader, String source, ReadOptions options) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        CsvInput in = new CsvInput(reader, source, ',');
        in.readHeader("user,item,rating[,timestamp]");
        int userCol = in.requireColumn("user");
        int itemCol = in.requireColumn("item");
        int ratingCol = in.requireColumn("rating");
        int timeCol = in.column("timestamp");
        Interactions.Builder builder = Interactions.builder(Interactions.Duplicates.KEEP_LAST);
        MalformedRecords malformed = new MalformedRecords(source, options, () -> { });
        while (true) {
            try {
                CsvRecord r = in.next();
                if (r == null) {
                    break;
                }
                in.checkFieldCount(r);
                String user = in.nonEmpty(r, userCol);
                String item = in.nonEmpty(r, itemCol);
                float rating = rating(source, in.line(), in.columnName(ratingCol), r.getField(ratingCol),
                        in.number(r, ratingCol), user, item, options);
                long time = timeCol < 0 || r.getField(timeCol).isBlank() ? 0 : in.integer(r, timeCol);
                builder.add(user, item, rating, time);
            } catch (DataFormatException e) {
                malformed.skip(e);
            }
        }
        malformed.finish();
        Interactions result = builder.build();
        LOG.debug("Read {}: {}", source, result);
        return result;
    }

    /** A parsed rating as a float, refusing values beyond the float range or the options' rating range. */
    static float rating(String source, long line, String column, String text, double value, String user,
                        String item, ReadOptions options) throws DataFormatException {
        float f = (float) value;
        if (!Float.isFinite(f)) {
            throw new DataFormatException(source, line, column, text, DataFormatException.quote(text)
                    + " is not a finite number");
        }
        if (value < options.ratingMin() || value > options.ratingMax()) {
            throw new DataFormatException(source, line, column, text, "rating " + value + " ("
                    + DataFormatException.quote(text) + ") of user " + DataFormatException.quote(user) + " and item "
                    + DataFormatException.quote(item) + " is outside the rating scale [" + options.ratingMin() + ", "
                    + options.ratingMax() + "]");
        }
        return f;
    }
}
