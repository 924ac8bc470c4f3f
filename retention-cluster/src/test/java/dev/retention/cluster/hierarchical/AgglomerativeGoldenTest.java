package dev.retention.cluster.hierarchical;

import dev.retention.cluster.Goldens;
import dev.retention.cluster.RandomPoints;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agglomerative clustering against SciPy 1.10.1 {@code scipy.cluster.hierarchy.linkage(X, method)} and
 * scikit-learn 1.2.1 {@code AgglomerativeClustering(n_clusters=k, linkage=method)} on four blobs in 3-D,
 * 120 and 600 points (golden/goldens.py): the same linkage matrix (left, right and size exactly; heights
 * within 1e-12 relative for complete, average and single, which use SciPy's own formulas, and 1e-10 for
 * Ward, computed here from centroids rather than by Lance-Williams updates), and the same flat clusters as
 * scikit-learn for k = 2, 3, 4, 6, 10 up to a renaming of clusters.
 */
class AgglomerativeGoldenTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"linkage_small, WARD", "linkage_small, COMPLETE", "linkage_small, AVERAGE", "linkage_small, SINGLE",
            "linkage_medium, WARD", "linkage_medium, COMPLETE", "linkage_medium, AVERAGE", "linkage_medium, SINGLE"})
    void fit_matchesScipyLinkageAndScikitLearnCuts(String data, Linkage linkage) {
        DenseMatrix x = DenseMatrix.of(Goldens.points(data));
        Goldens g = Goldens.of(data);
        String method = linkage.name().toLowerCase(java.util.Locale.ROOT);
        AgglomerativeModel tree = Agglomerative.fit(x, AgglomerativeOptions.defaults().withLinkage(linkage)
                .withThreads(2));
        double[][] z = g.matrix(method + ".z", 4);
        double[][] got = tree.linkageMatrix();
        assertEquals(z.length, got.length);
        double tol = linkage == Linkage.WARD ? 1e-10 : 1e-12;
        for (int i = 0; i < z.length; i++) {
            String row = method + " row " + i;
            assertEquals(z[i][0], got[i][0], row + " left");
            assertEquals(z[i][1], got[i][1], row + " right");
            assertEquals(z[i][2], got[i][2], tol * Math.max(1, z[i][2]), row + " height");
            assertEquals(z[i][3], got[i][3], row + " size");
        }
        for (int k : new int[] {2, 3, 4, 6, 10}) {
            assertTrue(RandomPoints.samePartition(g.ints(method + ".sklearn_k" + k), tree.cut(k)), method + " k=" + k);
        }
    }
}
