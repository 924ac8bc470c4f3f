package dev.retention.io;

/**
 * Told about each record that a lenient reader skips because it could not be parsed. Readers also
 * count these records ({@link dev.retention.data.SkipReason#MALFORMED} in a transaction log's line
 * counts) and log them through SLF4J; a listener is for callers that want every problem, for example
 * to write a report of bad lines. Called on the reading thread, in file order.
 */
@FunctionalInterface
public interface SkipListener {

    /** A listener that does nothing. */
    SkipListener NONE = problem -> { };

    /**
     * Called once per skipped record.
     *
     * @param problem what was wrong and where (source, line, column, value)
     */
    void skipped(DataFormatException problem);
}
