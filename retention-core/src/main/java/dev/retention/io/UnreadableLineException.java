package dev.retention.io;

/**
 * A line no reader can resynchronise after, such as one longer than the readers' limit: lenient reading does
 * not skip it but stops, since skipping would mean reading on through text that is not records.
 */
final class UnreadableLineException extends DataFormatException {

    UnreadableLineException(String source, long line, String detail) {
        super(source, line, null, "", detail);
    }
}
