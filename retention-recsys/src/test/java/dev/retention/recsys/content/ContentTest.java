package dev.retention.recsys.content;

import dev.retention.data.IdIndex;
import dev.retention.model.ModelFile;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentTest {

    static final ItemAttributes ATTRIBUTES = ItemAttributes.of(Map.of("a", List.of("red", "mug"),
            "b", List.of("red", "red", "tin"), "c", List.of("blue", "mug"), "d", List.of("blue", "tin", "set"),
            "e", List.of()));

    /** Users 0..2 over items a..e; item "d" has no purchases, "e" no attributes. */
    static Ratings train() {
        CsrMatrix x = CsrMatrix.fromTriples(3, 5, new int[] {0, 0, 1, 2, 2}, new int[] {0, 1, 2, 1, 4},
                new float[] {1, 2, 1, 1, 1});
        return Ratings.of(x, new RatingScale(0, 5), IdIndex.ofStrings("u0", "u1", "u2"),
                IdIndex.ofStrings("a", "b", "c", "d", "e"));
    }

    @Test
    void similarity_matchesNumPysTfIdfCosine() {
        // Golden: src/test/python/content_reference.py (scikit-learn's smoothed idf, L2 rows, float64);
        // the library keeps float similarities: 1e-6
        ContentModel m = ContentRecommender.fit(train(), ATTRIBUTES, ContentOptions.defaults().withNeighbours(5));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(ContentGoldens.SIMILARITY[i * 5 + j], m.similarity().get(i, j), 1e-6, i + "," + j);
            }
        }
    }

    @Test
    void scores_sumTheBoughtItemsNeighbours_andReachItemsNobodyBought() {
        Ratings r = train();
        ContentModel m = ContentRecommender.fit(r, ATTRIBUTES, ContentOptions.defaults());
        double[] out = new double[5];
        double[] folded = new double[5];
        for (int u = 0; u < 3; u++) {
            m.scoreItems(u, out);
            CsrMatrix x = r.byUser();
            m.scoreItems(Arrays.copyOfRange(x.columnIndices(), x.rowStart(u), x.rowEnd(u)),
                    Arrays.copyOfRange(x.values(), x.rowStart(u), x.rowEnd(u)), folded);
            assertArrayEquals(out, folded, "fold-in of user " + u + "'s own row");
        }
        m.scoreItems(1, out); // bought c (blue mug): d (blue tin set) is reachable though nobody bought it
        assertTrue(out[3] > 0, "item d: " + out[3]);
        assertEquals(0.0, out[4], "item e has no attributes");
        assertEquals(ContentGoldens.SIMILARITY[2 * 5 + 3], out[3], 1e-6);
    }

    @Test
    void modelFile_roundTrips() throws Exception {
        ContentModel m = ContentRecommender.fit(train(), ATTRIBUTES, ContentOptions.defaults().withNeighbours(2));
        ContentModel back = ContentModel.read(ModelFile.parse(m.toBytes(), "content"));
        assertEquals(m, back);
        assertEquals(m.hashCode(), back.hashCode());
        assertEquals(2, back.options().neighbours());
    }

    @Test
    void noAttributeMatchingTheItems_isAWarning() {
        ContentModel m = ContentRecommender.fit(train(), ItemAttributes.of(Map.of("zz", List.of("x"))),
                ContentOptions.defaults());
        assertEquals(dev.retention.model.Verdict.WARNING, m.fitSummary().verdict());
    }

    @Test
    void readsMovieLensGenres() throws Exception {
        String text = """
                1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0
                2|GoldenEye (1995)|01-Jan-1995||http://y|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0
                """;
        ItemAttributes a = ItemAttributes.readMovieLensGenres(new StringReader(text), "u.item");
        assertEquals(List.of("genre:Animation", "genre:Children's", "genre:Comedy"), a.tokens("1"));
        assertEquals(List.of("genre:Action", "genre:Adventure", "genre:Thriller"), a.tokens("2"));
        String bad = text + "3|X|||u|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|2\n";
        String msg = assertThrows(IllegalArgumentException.class,
                () -> ItemAttributes.readMovieLensGenres(new StringReader(bad), "u.item")).getMessage();
        assertTrue(msg.contains("u.item, line 3") && msg.contains("'2'"), msg);
        String shortLine = "4|Y|1\n";
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ItemAttributes.readMovieLensGenres(new StringReader(shortLine), "u.item")).getMessage()
                .contains("line 1"));
    }

    @Test
    void readsOnlineRetailDescriptions() throws Exception {
        String text = """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
                536381,82567,"AIRLINE LOUNGE,METAL SIGN",2,12/1/2010 9:41,2.1,15311,United Kingdom
                536477,22041,"RECORD FRAME 7"" SINGLE SIZE ",48,12/1/2010 12:27,2.1,16210,United Kingdom
                536478,85123A,CREAM HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
                536479,99999,,6,12/1/2010 8:26,2.55,17850,United Kingdom
                """;
        ItemAttributes a = ItemAttributes.readOnlineRetailDescriptions(new StringReader(text), "retail.csv");
        assertEquals(List.of("white", "hanging", "heart", "light", "holder", "cream"), a.tokens("85123A"));
        assertEquals(List.of("airline", "lounge", "metal", "sign"), a.tokens("82567"));
        assertEquals(List.of("record", "frame", "single", "size"), a.tokens("22041"));
        assertEquals(3, a.size(), "a line without description adds nothing");
        String noColumn = "InvoiceNo,Code\n1,2\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ItemAttributes.readOnlineRetailDescriptions(
                new StringReader(noColumn), "r.csv")).getMessage().contains("StockCode"));
        String open = "StockCode,Description\n1,\"never closed\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ItemAttributes.readOnlineRetailDescriptions(
                new StringReader(open), "r.csv")).getMessage().contains("line 2"));
    }
}
