package dev.retention.cluster.quality;

import dev.retention.cluster.Goldens;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quality measures against scikit-learn 1.2.1 {@code silhouette_score}, {@code silhouette_samples},
 * {@code davies_bouldin_score} and {@code calinski_harabasz_score} on the 300 points and five-cluster
 * labels of golden/goldens.py, to 1e-10 relative (scikit-learn's pairwise distances use the
 * |x|^2 - 2xy + |y|^2 expansion; ours are exact). The noise case marks points 0..29 as -1 and compares
 * with scikit-learn's scores of the other 270 points.
 */
class ClusterQualityGoldenTest {

    private static final DenseMatrix X = DenseMatrix.of(Goldens.points("kmeans"));
    private static final Goldens G = Goldens.of("kmeans");

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, 1e-10 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void scores_matchScikitLearn() {
        int[] labels = G.ints("quality.labels");
        close(G.value("quality.silhouette"), ClusterQuality.silhouette(X, labels, 2));
        assertArrayEquals(G.doubles("quality.silhouette_samples"), ClusterQuality.silhouetteSamples(X, labels, 1),
                1e-10);
        close(G.value("quality.davies_bouldin"), ClusterQuality.daviesBouldin(X, labels));
        close(G.value("quality.calinski_harabasz"), ClusterQuality.calinskiHarabasz(X, labels));
    }

    @Test
    void scores_leaveNoiseOut() {
        int[] labels = G.ints("quality.labels");
        for (int i = 0; i < 30; i++) {
            labels[i] = -1;
        }
        close(G.value("quality_noise.silhouette"), ClusterQuality.silhouette(X, labels, 1));
        close(G.value("quality_noise.davies_bouldin"), ClusterQuality.daviesBouldin(X, labels));
        close(G.value("quality_noise.calinski_harabasz"), ClusterQuality.calinskiHarabasz(X, labels));
    }
}
