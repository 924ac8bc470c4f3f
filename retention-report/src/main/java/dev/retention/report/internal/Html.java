package dev.retention.report.internal;

import java.util.Locale;

/**
 * HTML text: escaping of everything that comes from data, and the number formats the report prints. Every method
 * is a pure function.
 */
public final class Html {

    private Html() {
    }

    /**
     * {@return the text with {@code & < > " '} replaced by character references, safe inside an element or a quoted
     * attribute} Control characters other than tab, line feed and carriage return become U+FFFD, which XML (and so
     * inline SVG) does not allow. O(length).
     *
     * @param text read; null is written as the empty string
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "\uFFFD" : null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * {@return {@code v} with thousands separators and {@code decimals} decimals, or "n/a" when not finite}
     *
     * @param v        the value
     * @param decimals decimals, &gt;= 0
     */
    public static String number(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        return s.startsWith("-") && isZero(s) ? s.substring(1) : s;
    }

    private static boolean isZero(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return a whole count with thousands separators}
     *
     * @param n the count
     */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * {@return a share as a percentage with one decimal ("12.5%"), or "n/a" when not finite}
     *
     * @param share the share, 1 meaning 100%
     */
    public static String percent(double share) {
        return Double.isFinite(share) ? number(100 * share, 1) + "%" : "n/a";
    }

    /**
     * {@return an amount with a sign ("+1,234" or "-12"): no decimals when at least 100 in magnitude, else two}
     *
     * @param v the amount
     */
    public static String signed(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        String s = number(v, Math.abs(v) >= 100 ? 0 : 2);
        return s.startsWith("-") ? s : "+" + s;
    }
}
