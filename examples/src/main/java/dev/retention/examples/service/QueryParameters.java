package dev.retention.examples.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query parameters of one request, checked at the edge: each parameter at most once, none that the endpoint
 * does not take, and typed getters whose errors name the parameter and the value. Immutable.
 */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses a raw query ({@code a=1&b=2}, percent-encoded; {@code null} for none).
     *
     * @param rawQuery the query as sent
     * @param allowed  the names the endpoint takes
     * @throws BadRequestException if a name is not allowed or given twice, or the encoding is malformed
     */
    static QueryParameters parse(String rawQuery, List<String> allowed) throws BadRequestException {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), pair);
                if (!allowed.contains(name)) {
                    throw new BadRequestException(name, value, "unknown parameter '" + name + "'; this endpoint takes "
                            + String.join(", ", allowed));
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw new BadRequestException(name, value, name + " is given twice");
                }
            }
        }
        return new QueryParameters(values);
    }

    private static String decode(String s, String pair) throws BadRequestException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(pair, pair, "malformed percent-encoding in '" + pair + "'");
        }
    }

    /**
     * A required finite number {@code >= 0}.
     *
     * @throws BadRequestException if it is missing, not a number, not finite or negative
     */
    double nonNegative(String name) throws BadRequestException {
        String text = required(name);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, text, name + " must be a number, got '" + text + "'");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new BadRequestException(name, text, name + " must be finite and >= 0, got " + text);
        }
        return v;
    }

    /**
     * A required whole number in {@code [min, max]}.
     *
     * @throws BadRequestException if it is missing, not a whole number or out of range
     */
    int integer(String name, int min, int max) throws BadRequestException {
        return checkedInteger(name, required(name), min, max);
    }

    /**
     * An optional whole number in {@code [min, max]}, {@code absent} when not given.
     *
     * @throws BadRequestException if it is not a whole number or out of range
     */
    int integer(String name, int min, int max, int absent) throws BadRequestException {
        String text = values.get(name);
        return text == null ? absent : checkedInteger(name, text, min, max);
    }

    /** The value as given, or {@code null}. */
    String text(String name) {
        return values.get(name);
    }

    private static int checkedInteger(String name, String text, int min, int max) throws BadRequestException {
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, text, name + " must be a whole number, got '" + text + "'");
        }
        if (v < min || v > max) {
            throw new BadRequestException(name, text, String.format(Locale.ROOT, "%s must be in [%d, %d], got %d",
                    name, min, max, v));
        }
        return v;
    }

    private String required(String name) throws BadRequestException {
        String text = values.get(name);
        if (text == null) {
            throw new BadRequestException(name, null, "missing parameter " + name);
        }
        return text;
    }
}
