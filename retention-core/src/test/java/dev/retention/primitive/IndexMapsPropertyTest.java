package dev.retention.primitive;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link LongIntMap} and {@link ObjectIntMap} against {@link HashMap}: random puts, puts-if-absent,
 * lookups and (for {@code LongIntMap}) clears, from a small table through many doublings, with keys of
 * every awkward kind of {@link RandomCases} mixed. A failing case names its seed and operation.
 */
class IndexMapsPropertyTest {

    /**
     * The operations the two maps share, over boxed keys, so that one test drives either; {@code clear}
     * empties the map and returns true, or returns false for a map without it.
     */
    private record Subject<K>(ToIntBiFunction<K, Integer> put, ToIntBiFunction<K, Integer> putIfAbsent,
                              ToIntFunction<K> get, Predicate<K> containsKey, IntSupplier size,
                              BooleanSupplier clear) {
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("dev.retention.primitive.RandomCases#seeds")
    void longIntMap_matchesHashMap(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LongIntMap map = rnd.nextBoolean() ? new LongIntMap() : new LongIntMap(rnd.nextInt(0, 100));
        BooleanSupplier clear = () -> {
            map.clear();
            return true;
        };
        check(seed, rnd, new Subject<>(map::put, map::putIfAbsent, map::get, map::containsKey, map::size, clear),
                RandomCases::key);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("dev.retention.primitive.RandomCases#seeds")
    void objectIntMap_matchesHashMap(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ObjectIntMap<String> map = rnd.nextBoolean() ? new ObjectIntMap<>()
                : new ObjectIntMap<>(rnd.nextInt(0, 100));
        check(seed, rnd, new Subject<>(map::put, map::putIfAbsent, map::get, map::containsKey, map::size, () -> false),
                RandomCases::text);
    }

    private static <K> void check(long seed, SplittableRandom rnd, Subject<K> map,
                                  Function<SplittableRandom, K> keys) {
        Map<K, Integer> expected = new HashMap<>();
        int operations = rnd.nextInt(1, 4_000);
        for (int op = 0; op < operations; op++) {
            K key = keys.apply(rnd);
            int value = rnd.nextInt(-2, 1_000);
            String at = "seed " + seed + ", operation " + op + ", key " + key;
            switch (rnd.nextInt(20)) {
                case 0, 1, 2, 3, 4, 5, 6 -> assertEquals(orAbsent(expected.put(key, value)),
                        map.put().applyAsInt(key, value), at);
                case 7, 8, 9, 10, 11, 12 -> assertEquals(orAbsent(expected.putIfAbsent(key, value)),
                        map.putIfAbsent().applyAsInt(key, value), at);
                case 13, 14, 15 -> assertEquals(orAbsent(expected.get(key)), map.get().applyAsInt(key), at);
                case 16, 17, 18 -> assertEquals(expected.containsKey(key), map.containsKey().test(key), at);
                default -> {
                    if (rnd.nextInt(50) == 0 && map.clear().getAsBoolean()) {
                        expected.clear();
                    }
                }
            }
            assertEquals(expected.size(), map.size().getAsInt(), at);
        }
        for (Map.Entry<K, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), map.get().applyAsInt(e.getKey()), "seed " + seed + ", key " + e.getKey());
        }
    }

    private static int orAbsent(Integer value) {
        return value == null ? -1 : value;
    }
}
