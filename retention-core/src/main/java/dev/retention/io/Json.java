package dev.retention.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal JSON object writer for the {@code --json} summaries of the command line and the Spark job: fields keep
 * the order they were put in; values are strings, numbers, booleans, nested objects, maps, lists and arrays of
 * numbers. A double that is a whole number below 1e15 in magnitude is written as an integer, any other finite double in
 * {@link Double#toString(double)}'s shortest round-trip form, and a non-finite number as {@code null}, never as
 * invalid JSON. Not thread-safe.
 */
public final class Json {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Creates an empty object. */
    public Json() {
    }

    /**
     * Adds a field, or replaces the value of a key already put (which keeps its place).
     *
     * @param key   the field's name
     * @param value a string (or any object, written as its {@code toString()}), a number, a boolean, null, a nested
     *              {@code Json}, a {@code Map}, a {@code List}, a {@code double[]} or an {@code int[]}
     * @return this
     */
    public Json put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /**
     * {@return the value put for a field, or {@code null}}
     *
     * @param key the field's name
     */
    public Object get(String key) {
        return fields.get(key);
    }

    /**
     * {@return a new object: {@code key} first, then this object's fields (a field of the same name left out)}
     *
     * @param key   the first field's name
     * @param value its value, as for {@link #put}
     */
    public Json after(String key, Object value) {
        Json out = new Json().put(key, value);
        fields.forEach(out.fields::putIfAbsent);
        return out;
    }

    /** {@return the object as JSON text, on one line} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb, this);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Json j) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : j.fields.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                string(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Map<?, ?> m) {
            Json j = new Json();
            m.forEach((k, x) -> j.put(String.valueOf(k), x));
            write(sb, j);
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                write(sb, list.get(i));
            }
            sb.append(']');
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",");
                number(sb, a[i]);
            }
            sb.append(']');
        } else if (v instanceof int[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ",").append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof Double || v instanceof Float) {
            number(sb, ((Number) v).doubleValue());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            string(sb, v.toString());
        }
    }

    private static void number(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) {
            sb.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
        } else {
            sb.append(d);   // shortest round-trip form; "1.0E-5" is valid JSON
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
