package dev.retention.cluster.modelfiles;

import dev.retention.cluster.RandomPoints;
import dev.retention.cluster.dbscan.Dbscan;
import dev.retention.cluster.dbscan.DbscanModel;
import dev.retention.cluster.dbscan.DbscanOptions;
import dev.retention.cluster.hierarchical.Agglomerative;
import dev.retention.cluster.hierarchical.AgglomerativeModel;
import dev.retention.cluster.hierarchical.AgglomerativeOptions;
import dev.retention.cluster.hierarchical.Linkage;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.cluster.kmeans.MiniBatchKMeans;
import dev.retention.cluster.kmeans.MiniBatchKMeansOptions;
import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.Model;
import dev.retention.model.testing.ModelFileBattery;
import dev.retention.model.testing.ModelFileBattery.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every clustering model type through the shared corruption battery ({@link ModelFileBattery}): a corrupted file is
 * refused, or the model it gives assigns points to existing clusters with finite distances and cuts its tree into
 * the clusters asked for.
 */
class ModelFileBatteryTest {

    private static final DenseMatrix X = DenseMatrix.of(RandomPoints.blobs(5,
            new double[][] {{1, 2, 30}, {5, 1, 300}, {9, 8, 3000}}, 20, 0.6), "recency", "frequency", "monetary");
    private static final double[][] PROBES = {{1, 2, 30}, {9, 8, 3000}, {0, 0, 0}, {400, 60, 1e7}};

    static Stream<Case> cases() {
        FeatureScaling.Kind log = FeatureScaling.Kind.LOG1P_ZSCORE;
        return Stream.of(
                Case.of("kmeans log1p-zscore", () -> KMeans.fit(X, KMeansOptions.defaults().withK(3).withScaling(log)),
                        ModelFileBatteryTest::probe),
                Case.of("kmeans unscaled", () -> KMeans.fit(X, KMeansOptions.defaults().withK(2)),
                        ModelFileBatteryTest::probe),
                Case.of("mini-batch kmeans", () -> MiniBatchKMeans.fit(X, MiniBatchKMeansOptions.defaults().withK(3)
                        .withBatchSize(16).withScaling(log)), ModelFileBatteryTest::probe),
                Case.of("dbscan", () -> Dbscan.fit(X, DbscanOptions.defaults().withEps(0.5).withMinSamples(4)
                        .withScaling(log)), ModelFileBatteryTest::probe),
                Case.of("dbscan all noise", () -> Dbscan.fit(X, DbscanOptions.defaults().withEps(1e-9)),
                        ModelFileBatteryTest::probe),
                Case.of("agglomerative ward", () -> Agglomerative.fit(X, AgglomerativeOptions.defaults()
                        .withScaling(log)), ModelFileBatteryTest::probe),
                Case.of("agglomerative single", () -> Agglomerative.fit(X, AgglomerativeOptions.defaults()
                        .withLinkage(Linkage.SINGLE)), ModelFileBatteryTest::probe));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corruptedFiles_areRefusedOrCluster(Case c) {
        ModelFileBattery.Result r = ModelFileBattery.run(c);
        assertTrue(r.refused() > 100 && r.fields() > 20, r.toString());
    }

    private static void probe(Model m) {
        if (m instanceof KMeansModel k) {
            for (double[] p : PROBES) {
                ModelFileBattery.requireWithin("k-means label", 0, k.k() - 1, k.predict(p));
                ModelFileBattery.requireFinite("k-means distances", k.transform(p));
            }
            ModelFileBattery.requireFinite("inertia", k.inertia());
        } else if (m instanceof DbscanModel d) {
            for (double[] p : PROBES) {
                ModelFileBattery.requireWithin("DBSCAN label", -1, d.clusterCount() - 1, d.predict(p));
            }
        } else {
            AgglomerativeModel a = (AgglomerativeModel) m;
            ModelFileBattery.requireFinite("heights", a.heights());
            for (int k = 1; k <= Math.min(3, a.observations()); k++) {
                int[] labels = a.cut(k);
                int max = 0;
                for (int l : labels) {
                    max = Math.max(max, l);
                    ModelFileBattery.requireWithin("cut label", 0, k - 1, l);
                }
                if (labels.length != a.observations() || max != k - 1) {
                    throw new AssertionError("cut(" + k + ") gave " + (max + 1) + " clusters of " + labels.length);
                }
            }
            double[] h = a.heights();
            ModelFileBattery.requireWithin("clusters at a height", 1, a.observations(),
                    a.clustersAtHeight(h.length == 0 ? 0 : h[h.length / 2]));
        }
    }
}
