package dev.retention.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdIndexTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    // ---------------------------------------------------------------- round trip properties

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void ofLongs_roundTripsAndSortsConsistently(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] ids = distinctLongs(rnd, rnd.nextInt(60));
        IdIndex index = IdIndex.ofLongs(ids);
        String where = "seed=" + seed;

        assertTrue(index.isNumeric(), where);
        assertEquals(ids.length, index.size(), where);
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], index.longId(i), where);
            assertEquals(Long.toString(ids[i]), index.id(i), where);
            assertEquals(i, index.indexOf(ids[i]), where);
            assertEquals(i, index.indexOf(index.id(i)), where);
            assertTrue(index.contains(index.id(i)), where);
        }
        Set<Long> present = new HashSet<>();
        for (long id : ids) {
            present.add(id);
        }
        for (int k = 0; k < 20; k++) {
            long absent = randomLong(rnd);
            if (!present.contains(absent)) {
                assertEquals(-1, index.indexOf(absent), where);
                assertEquals(-1, index.indexOf(Long.toString(absent)), where);
            }
        }

        int[] oldToNew = new int[ids.length];
        IdIndex sorted = index.sorted(oldToNew);
        long[] expected = ids.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, sorted.longIds(), where);
        assertSortedMappingConsistent(index, sorted, oldToNew, where);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void ofStrings_roundTripsAndSortsConsistently(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] ids = distinctStrings(rnd, rnd.nextInt(60));
        IdIndex index = IdIndex.ofStrings(ids);
        String where = "seed=" + seed;

        assertFalse(index.isNumeric(), where);
        assertNull(index.longIds(), where);
        assertEquals(ids.length, index.size(), where);
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], index.id(i), where);
            assertEquals(i, index.indexOf(ids[i]), where);
        }
        Set<String> present = new HashSet<>(Arrays.asList(ids));
        for (int k = 0; k < 20; k++) {
            String absent = randomText(rnd);
            if (!present.contains(absent)) {
                assertEquals(-1, index.indexOf(absent), where + " id '" + absent + "'");
            }
        }

        int[] oldToNew = new int[ids.length];
        IdIndex sorted = index.sorted(oldToNew);
        String[] expected = ids.clone();
        Arrays.sort(expected);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], sorted.id(i), where);
        }
        assertSortedMappingConsistent(index, sorted, oldToNew, where);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void builder_assignsFirstAppearanceOrderAndDetectsNumericIds(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean onlyNumbers = rnd.nextBoolean();
        List<String> added = new ArrayList<>();
        IdIndex.Builder b = IdIndex.builder();
        int n = rnd.nextInt(80);
        for (int k = 0; k < n; k++) {
            String id;
            if (!added.isEmpty() && rnd.nextInt(3) == 0) {
                id = added.get(rnd.nextInt(added.size()));     // a repeat
            } else if (onlyNumbers || rnd.nextInt(8) != 0) {
                id = Long.toString(randomLong(rnd));
            } else {
                id = randomText(rnd);
            }
            added.add(id);
            int index = rnd.nextBoolean() || !IdIndex.isCanonicalLong(id) ? b.add(id) : b.add(Long.parseLong(id));
            assertEquals(index, b.indexOf(id), "seed=" + seed);
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(added));
        IdIndex index = b.build();
        String where = "seed=" + seed;
        assertEquals(distinct.size(), index.size(), where);
        assertEquals(distinct.size(), b.size(), where);
        boolean allCanonical = distinct.stream().allMatch(IdIndex::isCanonicalLong);
        assertEquals(allCanonical, index.isNumeric(), where);
        for (int i = 0; i < distinct.size(); i++) {
            assertEquals(distinct.get(i), index.id(i), where);
            assertEquals(i, index.indexOf(distinct.get(i)), where);
        }
    }

    private static void assertSortedMappingConsistent(IdIndex index, IdIndex sorted, int[] oldToNew, String where) {
        assertEquals(index.size(), sorted.size(), where);
        assertEquals(index.isNumeric(), sorted.isNumeric(), where);
        boolean[] hit = new boolean[index.size()];
        for (int old = 0; old < index.size(); old++) {
            int now = oldToNew[old];
            assertFalse(hit[now], where + ": new index " + now + " assigned twice");
            hit[now] = true;
            assertEquals(index.id(old), sorted.id(now), where);
            assertEquals(now, sorted.indexOf(index.id(old)), where);
        }
        // sorting without asking for the mapping gives the same index
        assertEquals(sorted, index.sorted(null), where);
    }

    // ---------------------------------------------------------------- canonical longs

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"0", "7", "-7", "17850", "9223372036854775807", "-9223372036854775808",
            "1000000000000000000", "-1000000000000000000"})
    void isCanonicalLong_acceptsCanonicalDecimalText(String text) {
        assertTrue(IdIndex.isCanonicalLong(text));
        assertEquals(text, Long.toString(Long.parseLong(text)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "-", "+", "007", "00", "-0", "-007", "+5", " 5", "5 ", "5a", "1e3", "1.0", "--5",
            "9223372036854775808", "-9223372036854775809", "12345678901234567890", "99999999999999999999",
            "-12345678901234567890", "123456789012345678901", "\u0661\u0662", "\uFF15", "0x1F"})
    void isCanonicalLong_rejectsEverythingElse(String text) {
        assertFalse(IdIndex.isCanonicalLong(text));
    }

    @Test
    void indexOf_numericIndexAnswersOnlyCanonicalText() {
        IdIndex index = IdIndex.ofLongs(7, 0, 5, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(0, index.indexOf("7"));
        assertEquals(-1, index.indexOf("007"));
        assertEquals(1, index.indexOf("0"));
        assertEquals(-1, index.indexOf("-0"));
        assertEquals(2, index.indexOf("5"));
        assertEquals(-1, index.indexOf("+5"));
        assertEquals(3, index.indexOf(Long.toString(Long.MIN_VALUE)));
        assertEquals(4, index.indexOf(Long.toString(Long.MAX_VALUE)));
        assertEquals(-1, index.indexOf("9223372036854775808"));
        assertEquals(-1, index.indexOf("12345678901234567890"));
        assertEquals(-1, index.indexOf(""));
        assertEquals(-1, index.indexOf(6));
    }

    @Test
    void indexOf_textIndexAnswersNumbersByTheirDecimalText() {
        IdIndex index = IdIndex.ofStrings("abc", "17850", "007");
        assertEquals(1, index.indexOf(17850L));
        assertEquals(-1, index.indexOf(7L));      // "007" is not the decimal text of 7
        assertEquals(2, index.indexOf("007"));
        assertEquals(-1, index.indexOf("ABC"));
    }

    @Test
    void builder_keepsLeadingZerosAsText() {
        IdIndex.Builder b = IdIndex.builder();
        b.add("7");
        b.add("007");
        IdIndex index = b.build();
        assertFalse(index.isNumeric());
        assertEquals(2, index.size());
        assertEquals(0, index.indexOf("7"));
        assertEquals(1, index.indexOf("007"));
    }

    @Test
    void builder_extremeLongsStayNumeric() {
        IdIndex.Builder b = IdIndex.builder();
        b.add(Long.toString(Long.MIN_VALUE));
        b.add(Long.MAX_VALUE);
        b.add("-1");
        IdIndex index = b.build();
        assertTrue(index.isNumeric());
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1}, index.longIds());
        assertEquals(0, b.add(Long.MIN_VALUE));   // same id as the text form
    }

    @Test
    void builder_twentyDigitNumberIsText() {
        IdIndex.Builder b = IdIndex.builder();
        b.add("12345678901234567890");
        b.add("5");
        assertFalse(b.build().isNumeric());
    }

    @Test
    void sorted_ordersNumericIdsNumericallyAndTextLexicographically() {
        assertArrayEquals(new long[] {-3, 9, 10, 100}, IdIndex.ofLongs(10, 9, 100, -3).sorted(null).longIds());
        IdIndex text = IdIndex.ofStrings("9", "10", "b", "a").sorted(null);
        assertEquals(List.of("10", "9", "a", "b"), List.of(text.id(0), text.id(1), text.id(2), text.id(3)));
    }

    @Test
    void numericIfCanonical_turnsCanonicalTextIntoNumbersOnly() {
        IdIndex text = IdIndex.ofStrings("10", "9", "-3");
        IdIndex numeric = text.numericIfCanonical();
        assertTrue(numeric.isNumeric());
        assertArrayEquals(new long[] {10, 9, -3}, numeric.longIds());
        IdIndex mixed = IdIndex.ofStrings("10", "09");
        assertEquals(mixed, mixed.numericIfCanonical());
        IdIndex longs = IdIndex.ofLongs(1);
        assertEquals(longs, longs.numericIfCanonical());
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void ofLongs_rejectsDuplicateNamingTheId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdIndex.ofLongs(1, 17850, 3, 17850));
        assertTrue(e.getMessage().contains("17850 twice"), e.getMessage());
    }

    @Test
    void ofStrings_rejectsDuplicateNamingTheId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdIndex.ofStrings("a", "SKU-1", "SKU-1"));
        assertTrue(e.getMessage().contains("'SKU-1' twice"), e.getMessage());
    }

    @Test
    void ofStrings_rejectsNullNamingThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdIndex.ofStrings("a", null));
        assertTrue(e.getMessage().contains("null at index 1"), e.getMessage());
    }

    @Test
    void identity_rejectsNegativeSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdIndex.identity(-1));
        assertTrue(e.getMessage().contains("n must be >= 0, got -1"), e.getMessage());
    }

    @Test
    void sorted_rejectsMappingOfWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdIndex.ofLongs(1, 2, 3).sorted(new int[2]));
        assertTrue(e.getMessage().contains("length 3, got 2"), e.getMessage());
    }

    @Test
    void longId_ofTextIndexIsIllegalState() {
        assertThrows(IllegalStateException.class, () -> IdIndex.ofStrings("a").longId(0));
    }

    @Test
    void id_outOfRangeThrows() {
        assertThrows(IndexOutOfBoundsException.class, () -> IdIndex.ofLongs(1).id(1));
        assertThrows(IndexOutOfBoundsException.class, () -> IdIndex.ofLongs(1).longId(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> IdIndex.ofLongs(1).subset(new int[] {1}));
    }

    // ---------------------------------------------------------------- the rest

    @Test
    void identity_mapsEachIndexToItself() {
        IdIndex index = IdIndex.identity(4);
        assertTrue(index.isNumeric());
        for (int i = 0; i < 4; i++) {
            assertEquals(i, index.indexOf(i));
        }
        assertEquals(0, IdIndex.identity(0).size());
    }

    @Test
    void subset_keepsTheGivenOrder() {
        IdIndex index = IdIndex.ofStrings("a", "b", "c", "d");
        IdIndex sub = index.subset(new int[] {3, 1});
        assertEquals(IdIndex.ofStrings("d", "b"), sub);
        assertEquals(IdIndex.ofLongs(30, 10), IdIndex.ofLongs(10, 20, 30).subset(new int[] {2, 0}));
    }

    @Test
    void ofLongs_copiesItsInput() {
        long[] ids = {1, 2};
        IdIndex index = IdIndex.ofLongs(ids);
        ids[0] = 99;
        assertEquals(0, index.indexOf(1));
        index.longIds()[0] = 42;
        assertEquals(1, index.longId(0));
    }

    @Test
    void equals_distinguishesNumericFromTextIds() {
        assertEquals(IdIndex.ofLongs(1, 2), IdIndex.ofLongs(1, 2));
        assertEquals(IdIndex.ofLongs(1, 2).hashCode(), IdIndex.ofLongs(1, 2).hashCode());
        assertNotEquals(IdIndex.ofLongs(1, 2), IdIndex.ofStrings("1", "2"));
        assertNotEquals(IdIndex.ofLongs(1, 2), IdIndex.ofLongs(2, 1));
    }

    @Test
    void toString_showsKindAndFirstIds() {
        assertEquals("IdIndex[3 numeric ids: 5, 6, 7]", IdIndex.ofLongs(5, 6, 7).toString());
        assertEquals("IdIndex[6 text ids: a, b, c, d, e, ...]",
                IdIndex.ofStrings("a", "b", "c", "d", "e", "f").toString());
        assertEquals("IdIndex[0 numeric ids]", IdIndex.identity(0).toString());
    }

    // ---------------------------------------------------------------- generators

    private static long randomLong(SplittableRandom rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> rnd.nextInt(100);                                       // small, collisions likely
            case 1 -> rnd.nextBoolean() ? Long.MIN_VALUE + rnd.nextInt(3) : Long.MAX_VALUE - rnd.nextInt(3);
            case 2 -> -rnd.nextInt(1000);
            default -> rnd.nextLong();
        };
    }

    private static long[] distinctLongs(SplittableRandom rnd, int n) {
        Set<Long> seen = new LinkedHashSet<>();
        while (seen.size() < n) {
            seen.add(randomLong(rnd));
        }
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    private static String[] distinctStrings(SplittableRandom rnd, int n) {
        Set<String> seen = new LinkedHashSet<>();
        while (seen.size() < n) {
            seen.add(randomText(rnd));
        }
        return seen.toArray(new String[0]);
    }

    /** Text ids, including ones that look like numbers but are not canonical, and unicode. */
    static String randomText(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "0" + rnd.nextInt(1000);                               // leading zero
            case 1 -> "+" + rnd.nextInt(100);
            case 2 -> "C" + (536000 + rnd.nextInt(100));                     // Online Retail cancellation
            case 3 -> new String(Character.toChars(0x1F600 + rnd.nextInt(40))) + rnd.nextInt(10);
            case 4 -> "";
            default -> {
                char[] c = new char[1 + rnd.nextInt(6)];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (char) ('a' + rnd.nextInt(26));
                }
                yield new String(c);
            }
        };
    }

    @Test
    void randomText_isNeverCanonical() {
        // the generator above relies on this to produce text indexes
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            String s = randomText(rnd);
            assertFalse(IdIndex.isCanonicalLong(s), s);
        }
    }
}
