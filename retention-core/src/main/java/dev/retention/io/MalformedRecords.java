package dev.retention.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a reader does with a record it cannot parse: in strict mode, throw; in lenient mode, count it
 * (and have the caller's counter count it, for example {@code TransactionLog.Builder::countMalformed}),
 * tell the skip listener, and log it: the first few at WARN, the rest at DEBUG, and a WARN summary at
 * the end. Nothing is dropped silently.
 */
final class MalformedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedRecords.class);
    private static final int LOGGED = 5;

    private final String source;
    private final ReadOptions options;
    private final Runnable counter;
    private long count;

    /**
     * @param counter run once per skipped record
     */
    MalformedRecords(String source, ReadOptions options, Runnable counter) {
        this.source = source;
        this.options = options;
        this.counter = counter;
    }

    /**
     * Handles a record that could not be parsed.
     *
     * @throws DataFormatException the problem itself, in strict mode or when reading cannot go on after it (a
     *                             line longer than the readers' limit)
     */
    void skip(DataFormatException problem) throws DataFormatException {
        if (options.strict() || problem instanceof UnreadableLineException) {
            throw problem;
        }
        count++;
        counter.run();
        options.skipListener().skipped(problem);
        if (count <= LOGGED) {
            LOG.warn("Skipped a malformed record: {}", problem.getMessage());
        } else {
            LOG.debug("Skipped a malformed record: {}", problem.getMessage());
        }
    }

    /** Records skipped so far. */
    long count() {
        return count;
    }

    /** Logs how many records were skipped, if any. */
    void finish() {
        if (count > 0) {
            LOG.warn("{}: skipped {} malformed record{} (lenient reading)", source, count, count == 1 ? "" : "s");
        }
    }
}
