package dev.retention.cli;

/** CSV quoting (RFC 4180) of the text fields the command line writes: customer and item ids. */
final class CsvText {

    private CsvText() {
    }

    /** The field as is, or in double quotes with inner quotes doubled when it holds a comma, quote or line break. */
    static String field(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
