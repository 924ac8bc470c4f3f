package dev.retention.cluster.kmeans;

import dev.retention.matrix.DenseMatrix;
import dev.retention.matrix.FeatureScaling;
import dev.retention.model.Models;
import dev.retention.rfm.Rfm;
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

    @Test
    void savedModel_assignsRawRfmRowsToTheirTrainingClusters(@TempDir Path dir) throws IOException {
        RfmTable rfm = Rfm.fit(SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(800)).log()).table()
                .orElseThrow();
        DenseMatrix x = rfm.features();
        KMeansOptions o = KMeansOptions.defaults().withK(4).withSeed(3)
                .withScaling(FeatureScaling.Kind.LOG1P_ZSCORE);
        KMeansModel model = KMeans.fit(x, o);

        DenseMatrix features = FeatureScaling.fit(x, FeatureScaling.Kind.LOG1P_ZSCORE).apply(x);
        assertEquals(features, model.scaling().apply(x), "the same scaled features, bit for bit");
        KMeansModel onFeatures = KMeans.fit(features,
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
