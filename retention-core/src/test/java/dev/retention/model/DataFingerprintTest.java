package dev.retention.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataFingerprintTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void checksum_isStableAndSeesEveryChange(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[rnd.nextInt(1, 300)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble();
        }
        DataFingerprint a = DataFingerprint.hasher(v.length, 1).add(v).finish();
        assertEquals(a, DataFingerprint.hasher(v.length, 1).add(v).finish(), "seed " + seed);
        int k = rnd.nextInt(v.length);
        double[] w = v.clone();
        w[k] = Math.nextUp(w[k]);
        assertNotEquals(a.checksum(), DataFingerprint.hasher(v.length, 1).add(w).finish().checksum(), "seed " + seed);
        if (v.length > 1) {
            double[] s = v.clone();
            int j = (k + 1) % v.length;
            double t = s[k];
            s[k] = s[j];
            s[j] = t;
            if (s[k] != s[j]) {
                assertNotEquals(a.checksum(), DataFingerprint.hasher(v.length, 1).add(s).finish().checksum(),
                        "seed " + seed + ": swapping two values must change the checksum");
            }
        }
    }

    @Test
    void checksum_dependsOnTheShape() {
        double[] v = {1, 2, 3, 4, 5, 6};
        Set<Long> sums = new HashSet<>();
        sums.add(DataFingerprint.hasher(6, 1).add(v).finish().checksum());
        sums.add(DataFingerprint.hasher(3, 2).add(v).finish().checksum());
        sums.add(DataFingerprint.hasher(2, 3).add(v).finish().checksum());
        assertEquals(3, sums.size());
    }

    @Test
    void checksum_tellsSignedZerosAndAdjacentStringsApart() {
        assertNotEquals(DataFingerprint.hasher(1, 1).add(0.0).finish(), DataFingerprint.hasher(1, 1).add(-0.0).finish());
        assertNotEquals(DataFingerprint.hasher(1, 2).add("ab").add("c").finish(),
                DataFingerprint.hasher(1, 2).add("a").add("bc").finish());
    }

    @Test
    void toString_readsAsShapeAndChecksum() {
        assertEquals("4,338 x 3, checksum 00000000000000ff", new DataFingerprint(4338, 3, 255).toString());
        assertEquals("no training data", DataFingerprint.NONE.toString());
    }

    @Test
    void constructor_rejectsNegativeCounts() {
        assertEquals("rows and columns must be >= 0, got -1 and 3",
                assertThrows(IllegalArgumentException.class, () -> new DataFingerprint(-1, 3, 0)).getMessage());
    }
}
