package dev.retention.primitive;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link LongIntMap}'s own cases; {@link IndexMapsPropertyTest} compares it with {@code HashMap}. */
class LongIntMapTest {

    @Test
    void put_thenGet_returnsValue() {
        LongIntMap map = new LongIntMap();
        assertEquals(LongIntMap.ABSENT, map.put(17_850L, 3));
        assertEquals(3, map.get(17_850L));
        assertEquals(3, map.put(17_850L, 4));
        assertEquals(4, map.get(17_850L));
        assertEquals(1, map.size());
    }

    @Test
    void get_absentKey_returnsMinusOne() {
        LongIntMap map = new LongIntMap();
        map.put(1L, 0);
        assertEquals(-1, map.get(2L));
        assertEquals(-1, map.get(0L));
        assertFalse(map.containsKey(0L));
    }

    @Test
    void putIfAbsent_keepsFirstValue() {
        LongIntMap map = new LongIntMap();
        assertEquals(LongIntMap.ABSENT, map.putIfAbsent(-1L, 7));
        assertEquals(7, map.putIfAbsent(-1L, 8));
        assertEquals(7, map.get(-1L));
    }

    @Test
    void zeroAndExtremeKeys_areOrdinaryKeys() {
        LongIntMap map = new LongIntMap(0);
        long[] keys = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(LongIntMap.ABSENT, map.putIfAbsent(keys[i], i));
        }
        for (int i = 0; i < keys.length; i++) {
            assertEquals(i, map.get(keys[i]));
            assertTrue(map.containsKey(keys[i]));
        }
        assertEquals(keys.length, map.size());
        map.clear();
        assertEquals(0, map.size());
        assertEquals(LongIntMap.ABSENT, map.get(0L));
        assertEquals(LongIntMap.ABSENT, map.get(Long.MIN_VALUE));
    }

    @Test
    void valueMinusOne_isToldApartByContainsKey() {
        LongIntMap map = new LongIntMap();
        map.put(5L, -1);
        assertEquals(-1, map.get(5L));
        assertTrue(map.containsKey(5L));
        assertFalse(map.containsKey(6L));
    }

    /** 2^16 keys equal in their low 48 bits, through many doublings from the smallest table. */
    @Test
    void keysDifferingOnlyInHighBits_allFound() {
        LongIntMap map = new LongIntMap(0);
        int n = 1 << 16;
        for (int i = 0; i < n; i++) {
            assertEquals(LongIntMap.ABSENT, map.put(((long) i << 48) | 0xABCDL, i));
        }
        assertEquals(n, map.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, map.get(((long) i << 48) | 0xABCDL));
        }
        assertEquals(LongIntMap.ABSENT, map.get(0xABCDL | (1L << 47)));
    }

    @Test
    void constructor_rejectsNegativeExpectedSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LongIntMap(-3));
        assertTrue(e.getMessage().contains("expectedSize") && e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void constructor_rejectsExpectedSizeBeyondLargestTable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LongIntMap(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains(Integer.toString(Integer.MAX_VALUE)), e.getMessage());
    }

    @Test
    void doubledTable_ofLargestTable_namesKeyCount() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Capacity.doubledTable(Capacity.MAX_TABLE_LENGTH));
        assertTrue(e.getMessage().contains(Integer.toString(Capacity.MAX_KEYS)), e.getMessage());
    }

    @Test
    void tableFor_isThreeQuartersFullAtMost() {
        for (int expected : new int[] {0, 1, 3, 4, 6, 7, 12, 13, 1000, Capacity.MAX_KEYS}) {
            int length = Capacity.tableFor(expected);
            assertEquals(0, length & (length - 1), "power of two for " + expected);
            assertTrue(Capacity.fillLimit(length) >= expected, "room for " + expected);
            assertTrue(length == 4 || Capacity.fillLimit(length / 2) < expected, "smallest for " + expected);
        }
    }
}
