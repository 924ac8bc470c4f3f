package dev.retention.cluster.hierarchical;

import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgglomerativeTest {

    /** DenseMatrix 0, 1, 3, 7 on a line; by hand: single merges at 1, 2, 4; complete at 1, 3, 7. */
    private static final double[][] LINE = {{0}, {1}, {3}, {7}};

    @Test
    void single_byHand() {
        AgglomerativeModel t = Agglomerative.fit(LINE, AgglomerativeOptions.defaults().withLinkage(Linkage.SINGLE));
        assertArrayEquals(new double[][] {{0, 1, 1, 2}, {2, 4, 2, 3}, {3, 5, 4, 4}}, t.linkageMatrix());
    }

    @Test
    void complete_average_ward_byHand() {
        AgglomerativeModel c = Agglomerative.fit(LINE, AgglomerativeOptions.defaults().withLinkage(Linkage.COMPLETE));
        assertArrayEquals(new double[][] {{0, 1, 1, 2}, {2, 4, 3, 3}, {3, 5, 7, 4}}, c.linkageMatrix());
        // average: d({0,1},3) = 2.5; d({0,1,3},7) = (7 + 6 + 4) / 3
        AgglomerativeModel a = Agglomerative.fit(LINE, AgglomerativeOptions.defaults().withLinkage(Linkage.AVERAGE));
        assertArrayEquals(new double[] {1, 2.5, 17.0 / 3}, a.heights(), 1e-15);
        // ward: sqrt(2 * 2 * 1 / 3) * |0.5 - 3| and sqrt(2 * 3 * 1 / 4) * |4/3 - 7|
        AgglomerativeModel w = Agglomerative.fit(LINE, AgglomerativeOptions.defaults());
        assertArrayEquals(new double[] {1, Math.sqrt(4.0 / 3) * 2.5, Math.sqrt(1.5) * (7 - 4.0 / 3)}, w.heights(),
                1e-14);
    }

    @Test
    void cut_byNumberAndByHeight() {
        AgglomerativeModel t = Agglomerative.fit(LINE, AgglomerativeOptions.defaults().withLinkage(Linkage.SINGLE));
        assertArrayEquals(new int[] {0, 0, 0, 0}, t.cut(1));
        assertArrayEquals(new int[] {0, 0, 0, 1}, t.cut(2));
        assertArrayEquals(new int[] {0, 0, 1, 2}, t.cut(3));
        assertArrayEquals(new int[] {0, 1, 2, 3}, t.cut(4));
        assertArrayEquals(new int[] {0, 0, 1, 2}, t.cutAtHeight(1.0));      // merges at or below h are kept
        assertArrayEquals(new int[] {0, 1, 2, 3}, t.cutAtHeight(0.99));
        assertArrayEquals(new int[] {0, 0, 0, 1}, t.cutAtHeight(3.5));
        assertEquals(2, t.clustersAtHeight(3.5));
        assertEquals("k must be in [1, n=4], got 0", assertThrows(IllegalArgumentException.class,
                () -> t.cut(0)).getMessage());
        assertEquals("k must be in [1, n=4], got 5", assertThrows(IllegalArgumentException.class,
                () -> t.cut(5)).getMessage());
        assertEquals("h must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> t.cutAtHeight(Double.NaN)).getMessage());
    }

    @Test
    void fit_onePointAndDuplicates() {
        AgglomerativeModel one = Agglomerative.fit(new double[][] {{1, 2}}, AgglomerativeOptions.defaults());
        assertEquals(0, one.merges());
        assertArrayEquals(new int[] {0}, one.cut(1));
        double[][] dup = {{1, 1}, {1, 1}, {1, 1}, {4, 5}};
        for (Linkage l : Linkage.values()) {
            AgglomerativeModel t = Agglomerative.fit(dup, AgglomerativeOptions.defaults().withLinkage(l));
            assertEquals(0.0, t.height(0), l.name());
            assertEquals(0.0, t.height(1), l.name());
            assertArrayEquals(new int[] {0, 0, 0, 1}, t.cut(2), l.name());
        }
    }

    @Test
    void fit_rejectsEmptyAndNonFiniteData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Agglomerative.fit(new double[0][], AgglomerativeOptions.defaults()));
        assertTrue(e.getMessage().contains("0 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Agglomerative.fit(new double[][] {{1}, {Double.POSITIVE_INFINITY}},
                        AgglomerativeOptions.defaults()));
        assertEquals("row 1, column 0 (x0) is Infinity; every value must be finite", e.getMessage());
    }

    @Test
    void fit_refusesACondensedMatrixThatDoesNotFitTheHeap() {
        double[] flat = new double[300_000];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = i;
        }
        DenseMatrix x = DenseMatrix.ofRowMajor(flat.length, 1, flat);
        for (Linkage l : new Linkage[] {Linkage.COMPLETE, Linkage.AVERAGE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Agglomerative.fit(x, AgglomerativeOptions.defaults().withLinkage(l)));
            String m = e.getMessage();
            assertTrue(m.startsWith(l.name().toLowerCase(java.util.Locale.ROOT) + " linkage of n=300,000 points needs "
                    + "a condensed distance matrix of 44,999,850,000 distances (335.3 GiB), but only"), m);
            assertTrue(m.contains("use ward or single linkage"), m);
        }
    }

    @Test
    void fit_resultDoesNotDependOnParallelism() {
        double[][] x = RandomPoints.blobs(2, new double[][] {{0, 0}, {5, 5}, {0, 6}}, 150, 1.0);
        for (Linkage l : Linkage.values()) {
            AgglomerativeOptions o = AgglomerativeOptions.defaults().withLinkage(l);
            AgglomerativeModel one = Agglomerative.fit(x, o.withThreads(1));
            assertEquals(one, Agglomerative.fit(x, o.withThreads(3)), l.name());
        }
    }

    @Test
    void toString_showsTheHighestMerges() {
        AgglomerativeModel t = Agglomerative.fit(LINE, AgglomerativeOptions.defaults().withLinkage(Linkage.COMPLETE));
        assertTrue(t.toString().startsWith("AgglomerativeModel (complete linkage, NONE scaling of 1 columns) of 4 "
                + "observations"), t.toString());
        assertTrue(Arrays.stream(t.heights()).allMatch(h -> h >= 0));
    }
}
