package dev.retention.spark;

import dev.retention.data.Interactions;
import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.model.Models;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.TopNOptions;
import dev.retention.recsys.als.AlsModel;
import dev.retention.recsys.als.AlsOptions;
import dev.retention.recsys.als.ImplicitAls;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnModel;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.recsys.sparse.CsrMatrix;
import dev.retention.synth.SyntheticShop;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark recommendations against retention-recsys on the same purchases: the top-N lists of a broadcast model equal
 * the single-JVM lists, and the distributed cosine similarity equals {@code ItemKnn}'s, bit for bit.
 */
class SparkRecommendationsTest {

    private static final StructType PURCHASES = new StructType()
            .add(SparkRecommendations.CUSTOMER, DataTypes.StringType, true)
            .add(SparkRecommendations.ITEM, DataTypes.StringType, true)
            .add(SparkRecommendations.VALUE, DataTypes.DoubleType, true);

    private static SparkSession spark;
    private static Ratings ratings;
    private static Dataset<Row> purchases;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("SparkRecommendationsTest");
        TransactionLog log = SyntheticShop.generate(SyntheticShop.Options.defaults().withSeed(5).withCustomers(400)
                .withItems(120).withMonths(12)).log();
        ratings = Ratings.ofPurchases(log);
        // the interactions as rows, a count of 2 or more split in two rows (they add up), a row without an item and
        // a row of an item the models do not know
        List<Row> rows = new ArrayList<>();
        CsrMatrix x = ratings.byUser();
        for (int u = 0; u < x.rows(); u++) {
            String customer = ratings.users().id(u);
            for (int p = x.rowStart(u); p < x.rowEnd(u); p++) {
                String item = ratings.items().id(x.columnIndex(p));
                double v = x.value(p);
                if (v >= 2) {
                    rows.add(RowFactory.create(customer, item, 1.0));
                    rows.add(RowFactory.create(customer, item, v - 1));
                } else {
                    rows.add(RowFactory.create(customer, item, v));
                }
            }
        }
        rows.add(RowFactory.create(ratings.users().id(0), null, 1.0));
        purchases = spark.createDataFrame(rows, PURCHASES).repartition(3).cache();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @ParameterizedTest
    @CsvSource({"3, SKIP, ORDERS", "4, NET, LINES"})
    void purchasesOfOrderLinesEqualTheSingleJvmInteractions(long seed, PurchaseRules.Cancellations cancellations,
                                                            Interactions.ImplicitValue value) {
        TestOrders data = TestOrders.random(seed, 300, seed % 2 == 0);
        PurchaseRules rules = PurchaseRules.defaults().withCancellations(cancellations);
        Interactions expected = Interactions.fromTransactions(data.log(rules), value);
        SparkOrders orders = SparkOrders.of(data.dataset(spark), TestOrders.columns(), rules);
        Map<String, Double> actual = new HashMap<>();
        for (Row r : SparkPurchases.of(orders, value).collectAsList()) {
            assertNull(actual.put(r.getString(0) + "|" + r.getString(1), r.getDouble(2)), "one row per pair");
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            String key = expected.users().id(expected.user(i)) + "|" + expected.items().id(expected.item(i));
            assertNotNull(actual.get(key), key);
            assertEquals(expected.value(i), actual.get(key), 0.0, key);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkPurchases.of(orders, Interactions.ImplicitValue.QUANTITY));
        assertTrue(e.getMessage().contains("QUANTITY"), e.getMessage());
    }

    @Test
    void itemKnnListsEqualTheSingleJvm() throws Exception {
        ItemKnnModel knn = ItemKnn.fit(ratings, ItemKnnOptions.defaults().withNeighbours(15));
        ItemKnnModel saved = Models.fromBytes(knn.toBytes(), "test", ItemKnnModel.class);
        TopNOptions options = TopNOptions.defaults().withN(5).without(knn.itemCount(), 0, 3);
        Recommendations[] expected = TopN.recommendAll(knn, ratings, options);
        Dataset<Row> withUnknown = purchases.union(spark.createDataFrame(
                List.of(RowFactory.create(ratings.users().id(1), "no-such-item", 1.0)), PURCHASES));
        Map<String, List<Row>> lists = byCustomer(SparkRecommendations.topN(withUnknown, saved, options));
        assertEquals(ratings.userCount(), lists.size());
        for (Recommendations r : expected) {
            assertList(r, lists.get(r.userId()));
        }
    }

    @Test
    void alsFoldInListsEqualTheSingleJvmFoldIn() {
        AlsModel als = ImplicitAls.fit(ratings, AlsOptions.defaults().withFactors(8).withIterations(4).withSeed(3));
        TopNOptions options = TopNOptions.defaults().withN(4);
        Map<String, List<Row>> lists = byCustomer(SparkRecommendations.topN(purchases, als, options));
        CsrMatrix x = ratings.byUser();
        assertEquals(ratings.userCount(), lists.size());
        for (int u = 0; u < x.rows(); u++) {
            int from = x.rowStart(u);
            int length = x.rowEnd(u) - from;
            int[] bought = new int[length];
            float[] values = new float[length];
            for (int t = 0; t < length; t++) {
                bought[t] = x.columnIndex(from + t);
                values[t] = x.value(from + t);
            }
            Recommendations r = TopN.recommendNew(als, ratings.users(), ratings.items(), bought, values, options);
            assertEquals(4, r.size());
            assertList(r, lists.get(ratings.users().id(u)));
        }
    }

    @Test
    void distributedCosineSimilarityEqualsItemKnn() {
        ItemKnnOptions options = ItemKnnOptions.defaults().withNeighbours(10);
        ItemKnnModel expected = ItemKnn.fit(ratings, options);
        ItemKnnModel model = SparkRecommendations.itemKnn(purchases, options, 5);
        assertEquals(expected, model);
        // one block: the whole product in one task, the same rows
        List<Row> rows = SparkRecommendations.itemSimilarities(purchases, options, 1).collectAsList();
        int entries = 0;
        for (int i = 0; i < expected.itemCount(); i++) {
            entries += expected.neighbours(i).length;
        }
        assertEquals(entries, rows.size());
        for (Row r : rows) {
            int a = ratings.items().indexOf(r.getString(0));
            int b = ratings.items().indexOf(r.getString(1));
            assertTrue(expected.similarity(a, b) > 0, r.toString());
            assertEquals((float) expected.similarity(a, b), (float) r.getDouble(2), 0f, r.toString());
        }
    }

    @Test
    void distributedCosineSimilarityOfOnesAgreesWithItemKnnToRounding() {
        // Every value 1: the single JVM takes the factored form (item factors times a count of co-buyers), Spark sums
        // the products of the normalised weights, so the two agree to rounding, row by row on the kept values.
        CsrMatrix x = ratings.byUser();
        int[] users = new int[x.nnz()];
        for (int u = 0; u < x.rows(); u++) {
            Arrays.fill(users, x.rowStart(u), x.rowEnd(u), u);
        }
        float[] ones = new float[x.nnz()];
        Arrays.fill(ones, 1f);
        Ratings binary = Ratings.of(CsrMatrix.fromTriples(x.rows(), x.cols(), users, x.columnIndices(), ones),
                new RatingScale(0, 1), ratings.users(), ratings.items());
        ItemKnnOptions options = ItemKnnOptions.defaults().withNeighbours(10);
        ItemKnnModel expected = ItemKnn.fit(binary, options);
        assertTrue(expected.fitSummary().choices().toString().contains("every value equal"),
                expected.fitSummary().toString());
        ItemKnnModel model = SparkRecommendations.itemKnn(purchases.select(SparkRecommendations.CUSTOMER,
                SparkRecommendations.ITEM).distinct(), options, 4);
        assertEquals(expected.itemCount(), model.itemCount());
        for (int i = 0; i < expected.itemCount(); i++) {
            double[] want = keptValues(expected, i);
            double[] got = keptValues(model, i);
            assertEquals(want.length, got.length, "item " + i);
            for (int t = 0; t < want.length; t++) {
                assertEquals(want[t], got[t], 1e-6 * want[t], "item " + i + ", rank " + t);
            }
        }
    }

    private static double[] keptValues(ItemKnnModel m, int item) {
        int[] neighbours = m.neighbours(item);
        double[] v = new double[neighbours.length];
        for (int t = 0; t < v.length; t++) {
            v[t] = m.similarity(item, neighbours[t]);
        }
        Arrays.sort(v);
        return v;
    }

    @Test
    void badInputIsRefusedByName() {
        ItemKnnOptions bm25 = ItemKnnOptions.defaults().withWeighting(ItemKnnOptions.Weighting.BM25);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkRecommendations.itemSimilarities(purchases, bm25, 2));
        assertTrue(e.getMessage().contains("cosine"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SparkRecommendations.itemSimilarities(purchases.drop(SparkRecommendations.ITEM),
                        ItemKnnOptions.defaults(), 2));
        assertTrue(e.getMessage().contains("'item'"), e.getMessage());
        Dataset<Row> negative = spark.createDataFrame(List.of(RowFactory.create("c1", "i1", -2.0)), PURCHASES);
        Exception job = assertThrows(Exception.class,
                () -> SparkRecommendations.itemSimilarities(negative, ItemKnnOptions.defaults(), 1).count());
        String message = String.valueOf(job.getMessage());
        assertTrue(message.contains("value must be finite and > 0, got -2.0 for customer 'c1' and item 'i1'"),
                message);
    }

    private static Map<String, List<Row>> byCustomer(Dataset<Row> lists) {
        Map<String, List<Row>> out = new HashMap<>();
        for (Row r : lists.collectAsList()) {
            out.computeIfAbsent(r.getString(0), c -> new ArrayList<>()).add(r);
        }
        for (List<Row> l : out.values()) {
            l.sort((a, b) -> Integer.compare(a.getInt(1), b.getInt(1)));
        }
        return out;
    }

    private static void assertList(Recommendations expected, List<Row> actual) {
        assertNotNull(actual, "no list");
        assertEquals(expected.size(), actual.size());
        for (int t = 0; t < expected.size(); t++) {
            Row r = actual.get(t);
            assertEquals(t + 1, r.getInt(1));
            assertEquals(expected.itemId(t), r.getString(2), "rank " + (t + 1));
            assertEquals(expected.score(t), r.getDouble(3), 0.0, "rank " + (t + 1));
        }
    }
}
