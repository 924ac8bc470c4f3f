package dev.retention.cluster.dbscan;

import dev.retention.cluster.Goldens;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * DBSCAN against scikit-learn 1.2.1 {@code DBSCAN(eps, min_samples)} (its KD-tree) on three blobs, a
 * sparse background and exact duplicates in 3-D, 400 and 2,000 points (golden/goldens.py): identical
 * labels (not only up to renaming: clusters are numbered alike) and identical core sample indices.
 */
class DbscanGoldenTest {

    @ParameterizedTest(name = "{0} eps={1} minSamples={2}")
    @CsvSource({"dbscan_small, 0.5, 5", "dbscan_small, 0.3, 10", "dbscan_small, 0.8, 3", "dbscan_small, 0.25, 1",
            "dbscan_small, 0.5, 30", "dbscan_medium, 0.5, 5", "dbscan_medium, 0.3, 10", "dbscan_medium, 0.8, 3",
            "dbscan_medium, 0.25, 1", "dbscan_medium, 0.5, 30"})
    void fit_matchesScikitLearn(String data, double eps, int minSamples) {
        DenseMatrix x = DenseMatrix.of(Goldens.points(data));
        Goldens g = Goldens.of(data);
        String key = "eps" + eps + "_min" + minSamples;
        DbscanModel r = Dbscan.fit(x, DbscanOptions.defaults().withEps(eps).withMinSamples(minSamples).withThreads(2));
        assertArrayEquals(g.ints(key + ".labels"), r.labels());
        assertArrayEquals(g.ints(key + ".core"), r.coreSampleIndices());
    }
}
