package dev.retention.examples.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonObjectTest {

    @Test
    void toString_escapesStringsAndWritesNonFiniteNumbersAsNull() {
        String json = new JsonObject().put("text", "a \"quoted\" back\\slash\nline\u0001").put("nan", Double.NaN)
                .put("inf", Double.NEGATIVE_INFINITY).put("small", 1e-5).put("count", 3L).put("ok", true)
                .put("none", (String) null).toString();
        assertEquals("{\"text\":\"a \\\"quoted\\\" back\\\\slash\\u000aline\\u0001\",\"nan\":null,\"inf\":null,"
                + "\"small\":1.0E-5,\"count\":3,\"ok\":true,\"none\":null}", json);
    }

    @Test
    void toString_nestsObjectsAndLists() {
        String json = new JsonObject().putStrings("names", List.of("a", "b")).putStrings("empty", List.of())
                .putObjects("items", List.of(new JsonObject().put("x", 1L), new JsonObject()))
                .put("inner", new JsonObject().put("y", 2.5)).toString();
        assertEquals("{\"names\":[\"a\",\"b\"],\"empty\":[],\"items\":[{\"x\":1},{}],\"inner\":{\"y\":2.5}}", json);
    }

    @Test
    void toString_ofAnEmptyObject() {
        assertEquals("{}", new JsonObject().toString());
    }
}
