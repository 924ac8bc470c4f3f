package dev.retention.recsys.hybrid;

import dev.retention.data.IdIndex;
import dev.retention.model.ModelFile;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.TopN;
import dev.retention.recsys.content.ContentOptions;
import dev.retention.recsys.content.ItemAttributes;
import dev.retention.recsys.itemknn.ItemKnn;
import dev.retention.recsys.itemknn.ItemKnnModel;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HybridTest {

    /** Items: 0 red mug, 1 red tin, 2 blue mug, 3 blue tin, 4 red jug (nobody bought it), 5 green pot. */
    private static final ItemAttributes ATTRIBUTES = ItemAttributes.of(Map.of("i0", List.of("red", "mug"),
            "i1", List.of("red", "tin"), "i2", List.of("blue", "mug"), "i3", List.of("blue", "tin"),
            "i4", List.of("red", "jug", "mug"), "i5", List.of("green", "pot")));

    /** User 0 bought nothing, user 1 one item, users 2..5 several. */
    private static Ratings train() {
        int[] u = {1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5};
        int[] i = {2, 0, 1, 5, 0, 1, 3, 2, 3, 0, 2, 5};
        float[] v = new float[u.length];
        java.util.Arrays.fill(v, 1f);
        return Ratings.of(CsrMatrix.fromTriples(6, 6, u, i, v), new RatingScale(0, 1),
                IdIndex.ofStrings("c0", "c1", "c2", "c3", "c4", "c5"),
                IdIndex.ofStrings("i0", "i1", "i2", "i3", "i4", "i5"));
    }

    private static HybridModel fit() {
        Ratings r = train();
        ItemKnnModel knn = ItemKnn.fit(r, ItemKnnOptions.defaults());
        return Hybrid.fit(r, knn, ATTRIBUTES, HybridOptions.defaults().withMinPurchases(2)
                .withContent(ContentOptions.defaults()));
    }

    @Test
    void eachCustomerIsServedByThePartThatCan() {
        HybridModel m = fit();
        double[] out = new double[6];
        // no purchases: popularity
        for (Source s : m.sources(0)) {
            assertEquals(Source.POPULARITY, s);
        }
        m.scoreItems(0, out);
        assertEquals(1.0, out[0], 1e-12, "items 0 and 2 are the most popular (3 users)");
        // one purchase (item 2, blue mug): its content neighbours first, then popularity
        Source[] few = m.sources(1);
        assertEquals(Source.CONTENT, few[0], "red mug shares 'mug'");
        assertEquals(Source.CONTENT, few[3], "blue tin shares 'blue'");
        assertEquals(Source.CONTENT, few[4], "red jug mug shares 'mug', though nobody bought it");
        assertEquals(Source.POPULARITY, few[5], "green pot shares nothing");
        m.scoreItems(1, out);
        assertTrue(out[3] > 1 && out[5] <= 1, "content ahead of popularity");
        // several purchases: collaborative, and the unbought item through its content neighbours
        Source[] warm = m.sources(3);
        assertEquals(Source.COLLABORATIVE, warm[2]);
        assertEquals(Source.CONTENT, warm[4]);
        m.scoreItems(3, out);
        assertTrue(out[4] > 0, "item 4 reached through items 0 and 2: " + out[4]);
        assertTrue(out[4] <= Math.max(out[0], Math.max(out[1], out[2])) + 1e-12, "never above its best neighbour");
        for (int u = 0; u < 6; u++) {
            for (int item : TopN.recommend(m, train(), u, 6).items()) {
                assertEquals(0f, train().byUser().get(u, item), "user " + u + " bought item " + item);
            }
        }
    }

    @Test
    void foldIn_followsTheSameRules() {
        HybridModel m = fit();
        double[] a = new double[6];
        double[] b = new double[6];
        m.scoreItems(3, a);
        m.scoreItems(new int[] {0, 1, 3}, new float[] {1, 1, 1}, b);
        for (int i = 0; i < 6; i++) {
            assertEquals(a[i], b[i], 1e-6, "item " + i);
        }
        assertEquals(Source.POPULARITY, m.sources(new int[0], new float[0])[2]);
        assertEquals(Source.CONTENT, m.sources(new int[] {2}, new float[] {1})[0]);
    }

    @Test
    void modelFile_roundTrips_andBadInputIsRefused() throws Exception {
        HybridModel m = fit();
        HybridModel back = HybridModel.read(ModelFile.parse(m.toBytes(), "hybrid"));
        assertEquals(m, back);
        double[] a = new double[6];
        double[] b = new double[6];
        for (int u = 0; u < 6; u++) {
            m.scoreItems(u, a);
            back.scoreItems(u, b);
            assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        }
        assertThrows(IllegalArgumentException.class, () -> HybridOptions.defaults().withMinPurchases(0));
        Ratings other = Ratings.of(CsrMatrix.fromTriples(2, 2, new int[] {0}, new int[] {0}, new float[] {1}),
                new RatingScale(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Hybrid.fit(train(), ItemKnn.fit(other,
                ItemKnnOptions.defaults()), ATTRIBUTES, HybridOptions.defaults()));
    }
}
