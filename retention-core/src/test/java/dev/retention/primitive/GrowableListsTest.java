package dev.retention.primitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.IntToLongFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link IntList}, {@link LongList}, {@link DoubleList} and {@link FloatList} against {@link ArrayList},
 * each seen through one {@link Subject} so that one set of tests covers the four. Values are longs
 * stored as the list's type; the reference keeps them as they read back ({@code (long) (int) v} for an
 * {@code IntList}, and so on).
 */
class GrowableListsTest {

    /** Writes a value at an index. */
    private interface IndexedWrite {
        void set(int index, long value);
    }

    /** One list seen through longs; {@code set} and {@code removeLast} are null for a list without them. */
    private record Subject(String kind, LongUnaryOperator stored, LongConsumer add, IntToLongFunction get,
                           IndexedWrite set, LongSupplier removeLast, Runnable clear, IntSupplier size,
                           Supplier<long[]> toArray) {
        @Override
        public String toString() {
            return kind;
        }
    }

    /** Asks a kind for a list made by its constructor without arguments. */
    private static final int DEFAULT = Integer.MIN_VALUE;

    /** A new empty list of each kind, of the given initial capacity or {@link #DEFAULT}. */
    private static final List<IntFunction<Subject>> KINDS = List.of(GrowableListsTest::ints,
            GrowableListsTest::longs, GrowableListsTest::doubles, GrowableListsTest::floats);

    private static Subject ints(int capacity) {
        IntList list = capacity == DEFAULT ? new IntList() : new IntList(capacity);
        return new Subject("IntList", v -> (int) v, v -> list.add((int) v), list::get, (i, v) -> list.set(i, (int) v),
                list::removeLast, list::clear, list::size, () -> IntStream.of(list.toArray()).asLongStream().toArray());
    }

    private static Subject longs(int capacity) {
        LongList list = capacity == DEFAULT ? new LongList() : new LongList(capacity);
        return new Subject("LongList", v -> v, list::add, list::get, null, null, list::clear, list::size,
                list::toArray);
    }

    private static Subject doubles(int capacity) {
        DoubleList list = capacity == DEFAULT ? new DoubleList() : new DoubleList(capacity);
        return new Subject("DoubleList", v -> (long) (double) v, list::add, i -> (long) list.get(i),
                list::set, () -> (long) list.removeLast(), list::clear, list::size,
                () -> DoubleStream.of(list.toArray()).mapToLong(x -> (long) x).toArray());
    }

    private static Subject floats(int capacity) {
        FloatList list = capacity == DEFAULT ? new FloatList() : new FloatList(capacity);
        return new Subject("FloatList", v -> (long) (float) v, v -> list.add((float) v), i -> (long) list.get(i), null, null,
                list::clear, list::size, () -> asLongs(list.toArray()));
    }

    private static long[] asLongs(float[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (long) a[i];
        }
        return out;
    }

    static Stream<Arguments> kindsAndSeeds() {
        return RandomCases.seeds().mapToObj(seed -> Arguments.of((int) (seed % KINDS.size()), seed));
    }

    /**
     * Random appends, reads, writes, pops and clears against an {@link ArrayList}, from an empty array
     * or a random capacity through many growths; the 300 seeds take turns over the four kinds.
     */
    @ParameterizedTest(name = "kind={0}, seed={1}")
    @MethodSource("kindsAndSeeds")
    void operations_matchArrayList(int kind, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Subject list = KINDS.get(kind).apply(rnd.nextBoolean() ? DEFAULT : rnd.nextInt(0, 40));
        List<Long> expected = new ArrayList<>();
        int operations = rnd.nextInt(1, 6_000);
        for (int op = 0; op < operations; op++) {
            String at = list + ", seed " + seed + ", operation " + op;
            int choice = rnd.nextInt(100);
            if (choice < 60) {
                long v = RandomCases.key(rnd);
                list.add().accept(v);
                expected.add(list.stored().applyAsLong(v));
            } else if (choice < 75 && !expected.isEmpty()) {
                int i = rnd.nextInt(expected.size());
                assertEquals(expected.get(i), list.get().applyAsLong(i), at);
            } else if (choice < 85 && !expected.isEmpty() && list.set() != null) {
                int i = rnd.nextInt(expected.size());
                long v = RandomCases.key(rnd);
                list.set().set(i, v);
                expected.set(i, list.stored().applyAsLong(v));
            } else if (choice < 97 && !expected.isEmpty() && list.removeLast() != null) {
                assertEquals(expected.remove(expected.size() - 1), list.removeLast().getAsLong(), at);
            } else if (choice == 99) {
                list.clear().run();
                expected.clear();
            }
            assertEquals(expected.size(), list.size().getAsInt(), at);
        }
        long[] want = expected.stream().mapToLong(Long::longValue).toArray();
        assertArrayEquals(want, list.toArray().get(), list + ", seed " + seed);
    }

    @Test
    void add_thenGet_returnsValue() {
        for (IntFunction<Subject> kind : KINDS) {
            Subject list = kind.apply(0);
            list.add().accept(42);
            list.add().accept(-7);
            assertEquals(42, list.get().applyAsLong(0), list.kind());
            assertEquals(-7, list.get().applyAsLong(1), list.kind());
            assertArrayEquals(new long[] {42, -7}, list.toArray().get(), list.kind());
        }
    }

    @Test
    void isEmpty_untilAddAndAfterClear() {
        IntList list = new IntList();
        assertTrue(list.isEmpty());
        list.add(0);
        assertEquals(1, list.size());
        assertTrue(!list.isEmpty());
        list.clear();
        assertTrue(list.isEmpty());
        assertEquals(0, list.toArray().length);
    }

    @Test
    void get_outsideList_namesIndex() {
        for (IntFunction<Subject> kind : KINDS) {
            Subject list = kind.apply(16);
            list.add().accept(1);
            list.add().accept(2);
            list.add().accept(3);
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> list.get().applyAsLong(3));
            assertTrue(e.getMessage().contains("3"), list.kind() + ": " + e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> list.get().applyAsLong(-1), list.kind());
            if (list.set() != null) {
                assertThrows(IndexOutOfBoundsException.class, () -> list.set().set(5, 0), list.kind());
            }
        }
    }

    @Test
    void removeLast_onEmptyList_throws() {
        for (IntFunction<Subject> kind : KINDS) {
            Subject list = kind.apply(DEFAULT);
            if (list.removeLast() != null) {
                NoSuchElementException e = assertThrows(NoSuchElementException.class,
                        () -> list.removeLast().getAsLong());
                assertEquals("the list is empty", e.getMessage(), list.kind());
            }
        }
    }

    @Test
    void constructor_rejectsNegativeCapacity() {
        for (IntFunction<Subject> kind : KINDS) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.apply(-5));
            assertTrue(e.getMessage().contains("initialCapacity") && e.getMessage().contains("-5"), e.getMessage());
        }
    }

    @Test
    void grownList_growsByHalfWithoutOverflow() {
        assertEquals(Capacity.FIRST_LIST_LENGTH, Capacity.grownList(0));
        assertEquals(15, Capacity.grownList(10));
        int large = Integer.MAX_VALUE / 3 * 2;
        assertEquals(Capacity.MAX_ARRAY_LENGTH, Capacity.grownList(large));
        assertEquals(Capacity.MAX_ARRAY_LENGTH, Capacity.grownList(Capacity.MAX_ARRAY_LENGTH - 1));
    }

    @Test
    void grownList_ofFullList_namesSize() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Capacity.grownList(Capacity.MAX_ARRAY_LENGTH));
        assertTrue(e.getMessage().contains(Integer.toString(Capacity.MAX_ARRAY_LENGTH)), e.getMessage());
    }

    /**
     * {@code ensureCapacity} keeps the values and {@code toArrayAndClear} hands them over and empties the list, which
     * then fills again from nothing; for the three lists that have them, over seeded random cases.
     */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("dev.retention.primitive.RandomCases#seeds")
    void ensureCapacityAndToArrayAndClear_keepTheValues(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        IntList ints = new IntList();
        LongList longs = new LongList();
        DoubleList doubles = new DoubleList();
        List<Long> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String at = "seed " + seed + ", round " + round;
            int n = rnd.nextInt(0, 300);
            int hint = rnd.nextInt(0, 400);
            for (int i = 0; i < n; i++) {
                if (i == n / 2) {   // a hint in the middle, below or above the values to come
                    ints.ensureCapacity(hint);
                    longs.ensureCapacity(hint);
                    doubles.ensureCapacity(hint);
                }
                int v = rnd.nextInt();
                ints.add(v);
                longs.add(v);
                doubles.add(v);
                expected.add((long) v);
            }
            long[] want = expected.stream().mapToLong(Long::longValue).toArray();
            assertArrayEquals(want, IntStream.of(ints.toArrayAndClear()).asLongStream().toArray(), at);
            assertArrayEquals(want, longs.toArrayAndClear(), at);
            assertArrayEquals(want, DoubleStream.of(doubles.toArrayAndClear()).mapToLong(x -> (long) x).toArray(), at);
            assertEquals(0, ints.size(), at);
            assertEquals(0, longs.size(), at);
            assertEquals(0, doubles.size(), at);
            assertEquals(0, ints.toArray().length, at);
            expected.clear();
        }
    }

    @Test
    void ensureCapacity_rejectsNegativeCapacity() {
        List<Runnable> calls = List.of(() -> new IntList().ensureCapacity(-3), () -> new LongList().ensureCapacity(-3),
                () -> new DoubleList().ensureCapacity(-3));
        for (Runnable call : calls) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
            assertEquals("capacity must be in [0, " + Capacity.MAX_ARRAY_LENGTH + "], got -3", e.getMessage());
        }
    }
}
