package dev.retention.random;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedsTest {

    /** {@code split(seed, i)} is the (i + 1)-th output of SplitMix64 from {@code seed}, as the JDK's generator. */
    @Test
    void split_isTheSplitMix64Sequence() {
        for (long seed : new long[] {0, 1, -7, 42, Long.MIN_VALUE}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 50; i++) {
                assertEquals(jdk.nextLong(), Seeds.split(seed, i), "seed " + seed + " index " + i);
            }
        }
    }

    /** Vigna's splitmix64.c: the first output from state 0 is 0xE220A8397B1DCDAF. */
    @Test
    void mix64_matchesTheReferenceOutput() {
        assertEquals(0xE220A8397B1DCDAFL, Seeds.mix64(Seeds.GOLDEN));
    }
}
