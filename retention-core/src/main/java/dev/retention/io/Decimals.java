package dev.retention.io;

/**
 * Parses decimal numbers such as {@code 2.55}, {@code -6} or {@code 1.5e3} into doubles, fast.
 *
 * <p>The common case, at most 15 digits and at most 22 of them after the point, is parsed by hand:
 * the digits form an exact integer {@code m < 2^53} and the result is {@code m / 10^k}, a single
 * correctly rounded IEEE division of two exact doubles, hence the same double as
 * {@link Double#parseDouble}. Anything else (exponents, long mantissas) is checked against the
 * syntax {@code [+-]digits[.digits][(e|E)[+-]digits]} and handed to {@link Double#parseDouble}.
 * Unlike {@code Double.parseDouble}, it refuses surrounding spaces, {@code NaN}, {@code Infinity},
 * hexadecimal and the {@code d}/{@code f} suffixes, and it refuses results that overflow to infinity.
 */
final class Decimals {

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final int MAX_FAST_DIGITS = 15;


    private Decimals() {
    }

    /**
     * The finite double the text denotes.
     *
     * @throws FieldFailure if the text is not a decimal number, or is NaN, an infinity or overflows
     */
    static double parse(String s) throws FieldFailure {
        int n = s.length();
        int i = 0;
        if (n == 0) {
            throw new FieldFailure(FieldFailure.Kind.NOT_A_NUMBER);
        }
        char c = s.charAt(0);
        boolean negative = c == '-';
        if (negative || c == '+') {
            i = 1;
        }
        long m = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');   // cannot overflow before the digit limit is checked below
                digits++;
                if (point) {
                    fraction++;
                }
                if (digits > MAX_FAST_DIGITS) {
                    return parseSlow(s);
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return parseSlow(s);
            }
        }
        if (digits == 0) {
            throw new FieldFailure(FieldFailure.Kind.NOT_A_NUMBER);
        }
        double v = fraction == 0 ? (double) m : (double) m / POW10[fraction];
        return negative ? -v : v;
    }

    private static double parseSlow(String s) throws FieldFailure {
        if (!hasDecimalSyntax(s)) {
            String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            if (t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("inf")) {
                throw new FieldFailure(FieldFailure.Kind.NOT_FINITE);
            }
            throw new FieldFailure(FieldFailure.Kind.NOT_A_NUMBER);
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new FieldFailure(FieldFailure.Kind.NOT_FINITE);
        }
        return v;
    }

    /** Whether the text matches {@code [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?}. */
    static boolean hasDecimalSyntax(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
