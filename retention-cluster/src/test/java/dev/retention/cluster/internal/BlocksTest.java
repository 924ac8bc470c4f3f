package dev.retention.cluster.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BlocksTest {

    @Test
    void blocks_coverEveryRowOnceAndDependOnNOnly() {
        for (int n : new int[] {0, 1, 1023, 1024, 1025, 64 * 1024, 64 * 1024 + 1, 1_000_000}) {
            Blocks b = new Blocks(n);
            int next = 0;
            for (int i = 0; i < b.count(); i++) {
                assertEquals(next, b.start(i), "n=" + n);
                next = b.end(i);
                assertEquals(true, b.end(i) > b.start(i), "n=" + n);
            }
            assertEquals(n, next, "n=" + n);
            assertEquals(true, b.count() <= Blocks.MAX_BLOCKS, "n=" + n);
        }
    }
}
