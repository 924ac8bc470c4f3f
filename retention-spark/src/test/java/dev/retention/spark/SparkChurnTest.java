package dev.retention.spark;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatureOptions;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.model.Models;
import dev.retention.synth.SyntheticShop;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark churn features and pipeline scores against retention-churn on the same lines: equal rows and scores. */
class SparkChurnTest {

    private static final long DAY = 86_400L;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("SparkChurnTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void featuresLabelsAndScoresEqualTheSingleJvm() throws Exception {
        TransactionLog log = SyntheticShop.generate(SyntheticShop.Options.defaults().withSeed(21).withCustomers(1200)
                .withMonths(15)).log();
        long last = log.maxPurchaseTime();
        List<Instant> cutoffs = List.of(Instant.ofEpochSecond(last - 200 * DAY), Instant.ofEpochSecond(last - 120 * DAY));
        TransactionFeatureOptions options = TransactionFeatureOptions.of(cutoffs, 90);
        CustomerTable expected = TransactionFeatures.compute(log, options);
        SparkOrders orders = SparkOrders.of(ShopRows.of(spark, log), TestOrders.columns(), PurchaseRules.defaults());
        Dataset<Row> features = SparkChurn.features(orders, options).cache();
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : features.collectAsList()) {
            byKey.put(r.getString(0) + "@" + r.getLong(1), r);
        }
        assertEquals(expected.rows(), byKey.size());
        int m = expected.columns();
        for (int i = 0; i < expected.rows(); i++) {
            Row r = byKey.get(expected.key(i) + "@" + expected.cutoff(i));
            for (int j = 0; j < m; j++) {
                assertEquals(expected.numeric(i, j), r.getDouble(2 + j), 0.0, expected.key(i) + " " + expected.name(j));
            }
            assertEquals(expected.labels()[i], r.getInt(m + 2), expected.key(i));
        }

        int[] all = new int[expected.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        ChurnPipelineModel model = ChurnPipeline.fit(expected, all, PreprocessOptions.defaults(),
                LogisticRegression.learner(LogisticOptions.defaults()));
        double[] p = model.score(expected, all).probabilities();
        // the pipeline travels as its model file, as a saved one would
        ChurnPipelineModel saved = Models.fromBytes(model.toBytes(), "test", ChurnPipelineModel.class);
        Map<String, Double> scored = new HashMap<>();
        for (Row r : SparkChurn.score(features.drop(SparkChurn.LABEL), saved).collectAsList()) {
            scored.put(r.getString(0) + "@" + r.getLong(1), r.getDouble(r.length() - 1));
        }
        for (int i = 0; i < all.length; i++) {
            assertEquals(p[i], scored.get(expected.key(i) + "@" + expected.cutoff(i)), 1e-12, expected.key(i));
        }

        Instant now = Instant.ofEpochSecond(last + 1);
        CustomerTable unlabelled = TransactionFeatures.computeUnlabelled(log, now, options.windowDays(),
                options.activeWithinDays());
        long rows = SparkChurn.unlabelledFeatures(orders, now, options.windowDays(), options.activeWithinDays()).count();
        assertEquals(unlabelled.rows(), rows);
        assertTrue(rows > 0);
    }
}
