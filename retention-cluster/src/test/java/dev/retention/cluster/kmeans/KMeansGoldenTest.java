package dev.retention.cluster.kmeans;

import dev.retention.cluster.Goldens;
import dev.retention.matrix.DenseMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * k-means from the same initial centres as scikit-learn 1.2.1 {@code KMeans(n_clusters=5, init=C,
 * n_init=1, algorithm="lloyd", tol, max_iter)} on 300 points of five overlapping blobs (golden/goldens.py):
 * the same labels, the same number of iterations, inertia and centres within 1e-9 relative (scikit-learn
 * centres the data and computes distances as |x|^2 - 2xc + |c|^2, so the last digits differ). Both our
 * assignment algorithms must give scikit-learn's answer.
 */
class KMeansGoldenTest {

    private static final double[][] X = Goldens.points("kmeans");
    private static final Goldens G = Goldens.of("kmeans");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"plain, LLOYD", "plain, HAMERLY", "weighted, LLOYD", "weighted, HAMERLY", "strict, LLOYD",
            "strict, HAMERLY", "capped, LLOYD", "capped, HAMERLY", "relocate, LLOYD", "relocate, HAMERLY"})
    void fit_fromGivenCentres_matchesScikitLearn(String kase, KMeansOptions.Algorithm algorithm) {
        KMeansOptions options = KMeansOptions.defaults().withK(5)
                .withInit(KMeansInit.given(G.matrix(kase + ".init", 3)))
                .withTolerance(G.value(kase + ".tol"))
                .withMaxIterations((int) G.value(kase + ".max_iter"))
                .withAlgorithm(algorithm)
                .withThreads(2);
        double[] weights = kase.equals("weighted") ? G.doubles("weights") : null;
        KMeansModel model = KMeans.fit(DenseMatrix.of(X), weights, options);

        assertArrayEquals(G.ints(kase + ".labels"), model.labels());
        assertEquals(G.value(kase + ".n_iter"), model.fitSummary().iterations());
        double inertia = G.value(kase + ".inertia");
        assertEquals(inertia, model.inertia(), 1e-9 * inertia);
        double[][] centres = G.matrix(kase + ".centres", 3);
        double[][] got = model.centres();
        for (int j = 0; j < centres.length; j++) {
            for (int q = 0; q < 3; q++) {
                assertEquals(centres[j][q], got[j][q], 1e-9 * Math.max(1, Math.abs(centres[j][q])),
                        "centre " + j + " column " + q);
            }
        }
        assertEquals(!kase.equals("capped"), model.fitSummary().converged());
    }
}
