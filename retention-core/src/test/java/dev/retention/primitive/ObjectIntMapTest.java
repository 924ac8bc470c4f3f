package dev.retention.primitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ObjectIntMap}'s own cases; {@link IndexMapsPropertyTest} compares it with {@code HashMap}. */
class ObjectIntMapTest {

    @Test
    void put_thenGet_returnsValue() {
        ObjectIntMap<String> map = new ObjectIntMap<>();
        assertEquals(ObjectIntMap.ABSENT, map.put("536365", 0));
        assertEquals(0, map.get("536365"));
        assertEquals(0, map.put("536365", 9));
        assertEquals(9, map.get(new String("536365".toCharArray())));
        assertEquals(1, map.size());
    }

    @Test
    void get_absentKey_returnsMinusOne() {
        ObjectIntMap<String> map = new ObjectIntMap<>(0);
        map.put("", 4);
        assertEquals(-1, map.get("a"));
        assertEquals(4, map.get(""));
        assertFalse(map.containsKey("a"));
    }

    @Test
    void putIfAbsent_keepsFirstValue() {
        ObjectIntMap<String> map = new ObjectIntMap<>();
        assertEquals(ObjectIntMap.ABSENT, map.putIfAbsent("x", 1));
        assertEquals(1, map.putIfAbsent("x", 2));
        assertEquals(1, map.get("x"));
        assertTrue(map.containsKey("x"));
    }

    /** The 1,024 words of ten "Aa" or "BB" blocks all have one hash code. */
    @Test
    void keysWithEqualHashCodes_allFound() {
        ObjectIntMap<String> map = new ObjectIntMap<>(0);
        int n = 1 << 10;
        String first = word(0, 10);
        for (int i = 0; i < n; i++) {
            String w = word(i, 10);
            assertEquals(first.hashCode(), w.hashCode());
            assertEquals(ObjectIntMap.ABSENT, map.putIfAbsent(w, i));
        }
        assertEquals(n, map.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, map.get(word(i, 10)));
        }
        assertEquals(ObjectIntMap.ABSENT, map.get(word(0, 9)));
    }

    /** 100,000 keys from the smallest table, through 15 doublings. */
    @Test
    void manyKeys_growFromSmallestTable() {
        ObjectIntMap<String> map = new ObjectIntMap<>(0);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(ObjectIntMap.ABSENT, map.put(Integer.toString(i * 7), i));
        }
        assertEquals(100_000, map.size());
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, map.get(Integer.toString(i * 7)));
            assertEquals(ObjectIntMap.ABSENT, map.get(Integer.toString(i * 7 + 1)));
        }
    }

    @Test
    void nullKey_isRejectedByEveryOperation() {
        ObjectIntMap<String> map = new ObjectIntMap<>();
        map.put("a", 1);
        Executable[] calls = {() -> map.get(null), () -> map.containsKey(null), () -> map.put(null, 1),
                () -> map.putIfAbsent(null, 1)};
        for (Executable call : calls) {
            NullPointerException e = assertThrows(NullPointerException.class, call);
            assertEquals("key must not be null", e.getMessage());
        }
        assertEquals(1, map.size());
    }

    @Test
    void constructor_rejectsNegativeExpectedSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ObjectIntMap<String>(-1));
        assertTrue(e.getMessage().contains("expectedSize") && e.getMessage().contains("-1"), e.getMessage());
    }

    /** The word of {@code blocks} blocks, "Aa" for a 0 bit of {@code bits} and "BB" for a 1 bit. */
    private static String word(int bits, int blocks) {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < blocks; b++) {
            sb.append((bits >>> b & 1) == 0 ? "Aa" : "BB");
        }
        return sb.toString();
    }
}
