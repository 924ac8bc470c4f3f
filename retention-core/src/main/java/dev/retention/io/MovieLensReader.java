package dev.retention.io;

import dev.retention.data.Interactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads the MovieLens rating files (F. M. Harper and J. A. Konstan, "The MovieLens Datasets: History
 * and Context", ACM TiiS 5(4), 2015) as {@link Interactions}: user, item (movie), rating and timestamp
 * (epoch seconds).
 *
 * <ul>
 *   <li>{@link #read100k(Path, ReadOptions)}: MovieLens 100K {@code u.data} (and its {@code u1.base}
 *       ... splits), tab-separated {@code user item rating timestamp};</li>
 *   <li>{@link #read1m(Path, ReadOptions)}: MovieLens 1M {@code ratings.dat},
 *       {@code user::item::rating::timestamp}.</li>
 * </ul>
 * Ids are kept as text (MovieLens ids are plain numbers, so the id indexes are numeric). Several
 * ratings of the same user and item are resolved with {@link Interactions.Duplicates#KEEP_LAST}: the
 * rating that comes last in the file wins, and {@link Interactions#duplicatesResolved()} says how
 * many were replaced (MovieLens 100K has none). Blank lines are skipped. A line that cannot be
 * parsed raises a {@link DataFormatException}, or, when reading leniently, is skipped, logged and
 * passed to the {@link ReadOptions#skipListener() skip listener}. The purchase rules and zone of the
 * options are not used. One pass, O(n log n) for sorting the entries.
 */
public final class MovieLensReader {

    private static final Logger LOG = LoggerFactory.getLogger(MovieLensReader.class);
    private static final String[] COLUMNS = {"user", "item", "rating", "timestamp"};

    private MovieLensReader() {
    }

    /**
     * Reads a MovieLens 100K {@code u.data} file, strictly.
     *
     * @param file read
     * @return the ratings read
     * @throws DataFormatException if a line cannot be parsed
     * @throws IOException         if the file cannot be read
     */
    public static Interactions read100k(Path file) throws IOException {
        return read100k(file, ReadOptions.defaults());
    }

    /**
     * Reads a MovieLens 100K {@code u.data} file: tab-separated {@code user item rating timestamp}
     * (runs of spaces are accepted too).
     *
     * @param file    read, UTF-8
     * @param options strictness and skip listener
     * @return the ratings read
     * @throws DataFormatException if a line cannot be parsed (strict mode)
     * @throws IOException         if the file cannot be read
     */
    public static Interactions read100k(Path file, ReadOptions options) throws IOException {
        return readFile(file, options, TextLines.Split.WHITESPACE);
    }

    /**
     * Reads MovieLens 100K ratings from a character stream, which is read to its end and not closed.
     *
     * @param reader  read
     * @param source  name of the source in messages
     * @param options strictness and skip listener
     * @return the ratings read
     * @throws DataFormatException if a line cannot be parsed (strict mode)
     * @throws IOException         if reading fails
     */
    public static Interactions read100k(Reader reader, String source, ReadOptions options) throws IOException {
        return read(reader, source, options, TextLines.Split.WHITESPACE);
    }

    /**
     * Reads a MovieLens 1M {@code ratings.dat} file, strictly.
     *
     * @param file read
     * @return the ratings read
     * @throws DataFormatException if a line cannot be parsed
     * @throws IOException         if the file cannot be read
     */
    public static Interactions read1m(Path file) throws IOException {
        return read1m(file, ReadOptions.defaults());
    }

    /**
     * Reads a MovieLens 1M {@code ratings.dat} file: {@code user::item::rating::timestamp}.
     *
     * @param file    read, UTF-8
     * @param options strictness and skip listener
     * @return the ratings read
     * @throws DataFormatException if a line cannot be parsed (strict mode)
     * @throws IOException         if the file cannot be read
     */
    public static Interactions read1m(Path file, ReadOptions options) throws IOException {
        return readFile(file, options, TextLines.Split.DOUBLE_COLON);
    }

    /**
     * Reads MovieLens 1M ratings from a character stream, which is read to its end and not closed.
     *
     * @param reader  read
     * @param source  name of the source in messages
     * @param options strictness and skip listener
     * @return the ratings read
     * @throws DataFormatException if a line cannot be parsed (strict mode)
     * @throws IOException         if reading fails
     */
    public static Interactions read1m(Reader reader, String source, ReadOptions options) throws IOException {
        return read(reader, source, options, TextLines.Split.DOUBLE_COLON);
    }

    private static Interactions readFile(Path file, ReadOptions options, TextLines.Split split) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Reader reader = TextFiles.open(file)) {
            return read(reader, String.valueOf(file.getFileName()), options, split);
        }
    }

    private static Interactions read(Reader reader, String source, ReadOptions options, TextLines.Split split)
            throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        TextLines in = new TextLines(reader, source, split, COLUMNS);
        Interactions.Builder builder = Interactions.builder(Interactions.Duplicates.KEEP_LAST);
        MalformedRecords malformed = new MalformedRecords(source, options, () -> { });
        while (in.next()) {
            try {
                in.checkFieldCount();
                float rating = RatingsCsvReader.rating(source, in.line(), "rating", in.field(2), in.number(2),
                        in.field(0), in.field(1), options);
                long time = in.integer(3);
                builder.add(in.field(0), in.field(1), rating, time);
            } catch (DataFormatException e) {
                malformed.skip(e);
            }
        }
        malformed.finish();
        Interactions result = builder.build();
        LOG.debug("Read {}: {}", source, result);
        return result;
    }
}
