package dev.retention.cluster.kmeans;

import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.Models;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmFeatures;
import dev.retention.rfm.RfmTable;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * k-means on raw recency, frequency and monetary value with {@code LOG1P_ZSCORE}: the scaling computes exactly
 * what {@code RfmTable.features(LOG1P_ZSCORE)} computes (so the clustering is the one on those features, bit for
 * bit), and a model saved and loaded with {@code Models.load} assigns the raw rows to their training clusters.
 */
class KMeansRfmTest {

    private static DenseMatrix raw(RfmTable t) {
        DenseMatrix.Builder b = DenseMatrix.builder(t.size(), 3, "recency", "frequency", "monetary");
        for (int i = 0; i < t.size(); i++) {
            b.set(i, 0, t.recency(i)).set(i, 1, t.frequency(i)).set(i, 2, t.monetary(i));
        }
        return b.build();
    }

    @Test
    void savedModel_assignsRawRfmRowsToTheirTrainingClusters(@TempDir Path dir) throws IOException {
        RfmTable rfm = Rfm.compute(SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(800)).log());
        DenseMatrix x = raw(rfm);
        KMeansOptions o = KMeansOptions.defaults().withK(4).withSeed(3)
                .withScaling(FeatureScaling.Kind.LOG1P_ZSCORE);
        KMeansModel model = KMeans.fit(x, o);

        double[][] features = rfm.features(RfmFeatures.LOG1P_ZSCORE);
        assertArrayEquals(features, model.scaling().apply(x).toArray(), "the same scaled features, bit for bit");
        KMeansModel onFeatures = KMeans.fit(DenseMatrix.of(features),
                o.withScaling(FeatureScaling.Kind.NONE));
        assertArrayEquals(onFeatures.centres(), model.centres());
        assertArrayEquals(onFeatures.labels(), model.labels());
        assertEquals(onFeatures.inertia(), model.inertia());

        Path file = dir.resolve("kmeans.model");
        model.save(file);
        KMeansModel loaded = Models.load(file, KMeansModel.class);
        assertEquals(model, loaded);
        int[] labels = model.labels();
        for (int i = 0; i < rfm.size(); i++) {
            assertEquals(labels[i], loaded.predict(new double[] {rfm.recency(i), rfm.frequency(i), rfm.monetary(i)}),
                    "customer " + rfm.customerId(i));
        }
        assertArrayEquals(labels, loaded.predict(x));
    }
}
