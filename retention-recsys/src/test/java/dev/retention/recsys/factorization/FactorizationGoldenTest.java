package dev.retention.recsys.factorization;

import dev.retention.model.FitControl;
import dev.retention.recsys.RatingPredictor;
import dev.retention.recsys.RecsysFixture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The four models against the NumPy transcription of Surprise 1.1.4 ({@code factorization_reference.py}), from the
 * same initial factors and clusters, on the same ratings in Surprise's order. Tolerance 1e-9: the only differences
 * are the order of the sums (four- and eight-way dot products) and, for SVD++, the per-user composition of the
 * {@code y_j} steps, which equals Surprise's per-rating steps up to rounding.
 */
class FactorizationGoldenTest {

    private static final double TOLERANCE = 1e-9;

    private static void assertTable(double[][] expected, RatingPredictor model) {
        for (int u = 0; u < expected.length; u++) {
            for (int i = 0; i < expected[u].length; i++) {
                assertEquals(expected[u][i], model.estimate(u, i), TOLERANCE, model.name() + " (" + u + ", " + i + ")");
            }
        }
    }

    @Test
    void svd_biasedWithSeparateRatesMatchesSurprise() {
        FactorOptions o = FactorOptions.svd().withFactors(3).withEpochs(30).withLrBu(0.01).withLrBi(0.02)
                .withLrPu(0.03).withLrQi(0.04).withRegBu(0.05).withRegBi(0.06).withRegPu(0.07).withRegQi(0.08);
        SvdModel m = Svd.fit(RecsysFixture.ratings(), o, FitControl.defaults(), FactorizationGoldens.PU.clone(),
                FactorizationGoldens.QI.clone());
        assertTable(FactorizationGoldens.SVDBIASED, m);
    }

    @Test
    void svd_unbiasedMatchesSurprise() {
        FactorOptions o = FactorOptions.svd().withFactors(3).withEpochs(30).withBiased(false).withLearningRate(0.05);
        SvdModel m = Svd.fit(RecsysFixture.ratings(), o, FitControl.defaults(), FactorizationGoldens.PU.clone(),
                FactorizationGoldens.QI.clone());
        assertTable(FactorizationGoldens.SVDUNBIASED, m);
        assertEquals(true, m.predict(6, 0).impossible(), "unbiased SVD cannot predict an unknown user");
    }

    @Test
    void svdPlusPlus_matchesSurprisesPerRatingUpdates() {
        FactorOptions o = FactorOptions.svdPlusPlus().withFactors(3).withEpochs(25).withLrBu(0.01).withLrBi(0.02)
                .withLrPu(0.03).withLrQi(0.04).withLrYj(0.05).withRegBu(0.02).withRegBi(0.03).withRegPu(0.04)
                .withRegQi(0.05).withRegYj(0.06);
        SvdPlusPlusModel m = SvdPlusPlus.fit(RecsysFixture.ratings(), o, FitControl.defaults(),
                FactorizationGoldens.PU.clone(), FactorizationGoldens.QI.clone(), FactorizationGoldens.YJ.clone());
        assertTable(FactorizationGoldens.SVDPP, m);
    }

    @Test
    void nmf_matchesSurprise() {
        NmfOptions o = NmfOptions.defaults().withFactors(3).withEpochs(20);
        NmfModel m = Nmf.fit(RecsysFixture.ratings(), o, FitControl.defaults(), FactorizationGoldens.NMF_PU.clone(),
                FactorizationGoldens.NMF_QI.clone());
        assertTable(FactorizationGoldens.NMF, m);
    }

    @Test
    void nmf_biasedMatchesSurprise() {
        NmfOptions o = NmfOptions.defaults().withFactors(3).withEpochs(20).withBiased(true);
        NmfModel m = Nmf.fit(RecsysFixture.ratings(), o, FitControl.defaults(), FactorizationGoldens.NMF_PU.clone(),
                FactorizationGoldens.NMF_QI.clone());
        assertTable(FactorizationGoldens.NMFBIASED, m);
    }

    @Test
    void coClustering_matchesSurprise() {
        CoClusteringOptions o = CoClusteringOptions.defaults().withClusters(2, 2).withEpochs(5);
        CoClusteringModel m = CoClustering.fit(RecsysFixture.ratings(), o, FitControl.defaults(),
                FactorizationGoldens.CU.clone(), FactorizationGoldens.CI.clone());
        assertTable(FactorizationGoldens.COCLUSTERING, m);
    }
}
