package dev.retention.examples.service;

import java.util.List;
import java.util.Locale;

/**
 * A JSON object written by hand, fields in the order they are put: strings (escaped), numbers ({@code null} when
 * not finite, since JSON has no NaN or infinity; doubles in {@link Double#toString(double)}'s shortest exact form, so
 * that a client parses back the very value the model computed), booleans, nested objects and lists. Not
 * thread-safe; one per answer.
 */
final class JsonObject {

    private final StringBuilder json = new StringBuilder("{");

    JsonObject put(String name, String value) {
        name(name);
        if (value == null) {
            json.append("null");
        } else {
            string(json, value);
        }
        return this;
    }

    JsonObject put(String name, double value) {
        name(name).append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    JsonObject put(String name, long value) {
        name(name).append(value);
        return this;
    }

    JsonObject put(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    JsonObject put(String name, JsonObject value) {
        name(name).append(value);
        return this;
    }

    JsonObject putStrings(String name, List<String> values) {
        name(name).append('[');
        for (int i = 0; i < values.size(); i++) {
            string(i == 0 ? json : json.append(','), values.get(i));
        }
        json.append(']');
        return this;
    }

    JsonObject putObjects(String name, List<JsonObject> values) {
        name(name).append('[');
        for (int i = 0; i < values.size(); i++) {
            (i == 0 ? json : json.append(',')).append(values.get(i));
        }
        json.append(']');
        return this;
    }

    private StringBuilder name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(json, name);
        return json.append(':');
    }

    /** Appends a JSON string literal: quotes and backslashes escaped, control characters as six-character escapes. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** The object's JSON text. */
    @Override
    public String toString() {
        return json + "}";
    }
}
