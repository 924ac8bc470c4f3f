package dev.retention.recsys;

import java.util.SplittableRandom;

/**
 * Enum constants chosen by a seeded draw, for property tests that should cover every constant of a type
 * without naming how many there are.
 */
public final class EnumDraws {

    private EnumDraws() {
    }

    /** A constant of {@code type} drawn uniformly by {@code rnd}. */
    public static <E extends Enum<E>> E any(Class<E> type, SplittableRandom rnd) {
        E[] all = type.getEnumConstants();
        return all[rnd.nextInt(all.length)];
    }

    /** The constant of {@code type} at {@code draw} modulo the number of constants. */
    public static <E extends Enum<E>> E at(Class<E> type, long draw) {
        E[] all = type.getEnumConstants();
        return all[(int) Math.floorMod(draw, (long) all.length)];
    }

    /** The number of constants of {@code type}. */
    public static int count(Class<? extends Enum<?>> type) {
        return type.getEnumConstants().length;
    }
}
