package dev.retention.io;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonTest {

    @Test
    void writesFieldsInOrder_numbersAsTheShortestForm_nonFiniteAsNull() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 2);
        map.put("a", true);
        Json j = new Json().put("z", 1.0).put("half", 0.5).put("tiny", 1e-5).put("big", 1e15).put("nan", Double.NaN)
                .put("inf", Float.NEGATIVE_INFINITY).put("long", 12345678901L).put("none", null)
                .put("doubles", new double[] {1, 2.5, Double.POSITIVE_INFINITY}).put("ints", new int[] {3, -4})
                .put("list", List.of("x", 7)).put("map", map).put("nested", new Json().put("k", "v"));
        assertEquals("{\"z\":1,\"half\":0.5,\"tiny\":1.0E-5,\"big\":1.0E15,\"nan\":null,\"inf\":null,"
                + "\"long\":12345678901,\"none\":null,\"doubles\":[1,2.5,null],\"ints\":[3,-4],\"list\":[\"x\",7],"
                + "\"map\":{\"b\":2,\"a\":true},\"nested\":{\"k\":\"v\"}}", j.toString());
    }

    @Test
    void escapesStrings() {
        String s = new Json().put("q\"", "a\\b\nc\rd\te\u0001").toString();
        assertEquals("{\"q\\\"\":\"a\\\\b\\nc\\rd\\te\\u0001\"}", s);
    }

    @Test
    void replacesAKeyInPlace_getsValues_andPutsAFieldFirst() {
        Json j = new Json().put("a", 1).put("b", 2).put("a", 3);
        assertEquals("{\"a\":3,\"b\":2}", j.toString());
        assertEquals(3, j.get("a"));
        assertNull(j.get("c"));
        assertEquals("{\"job\":\"rfm\",\"a\":3,\"b\":2}", j.after("job", "rfm").toString());
        assertEquals("{\"b\":9,\"a\":3}", j.after("b", 9).toString());
        assertEquals("{\"a\":3,\"b\":2}", j.toString());
    }
}
