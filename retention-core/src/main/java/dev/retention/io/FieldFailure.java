package dev.retention.io;

/**
 * Why the text of a field could not be parsed; thrown by the field parsers of this package and turned
 * into a {@link DataFormatException} by the reader, which knows the source, line and column. It carries
 * no stack trace, since lenient reading of a bad file may throw it once per line: making one is an allocation
 * of a few words, so each failure gets its own (no shared instance that a caller could alter).
 */
final class FieldFailure extends Exception {

    /** What kind of text was expected. */
    enum Kind {
        /** The text is not a decimal number. */
        NOT_A_NUMBER,
        /** The text is NaN, an infinity, or a number too large for a double. */
        NOT_FINITE,
        /** The text is not a date or time of the expected pattern, or not a valid one. */
        NOT_A_TIME
    }

    final Kind kind;

    FieldFailure(Kind kind) {
        super(kind.name(), null, false, false);
        this.kind = kind;
    }
}
