package dev.retention.recsys.ranking;

import dev.retention.data.Interactions;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingSplitTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    private static Interactions random(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = 2 + rnd.nextInt(12);
        int items = 2 + rnd.nextInt(12);
        Interactions.Builder b = Interactions.builder(Interactions.Duplicates.KEEP_LAST);
        for (int t = 0; t < users * items; t++) {
            b.add(rnd.nextInt(users), rnd.nextInt(items), 1 + rnd.nextInt(5), 1000 + rnd.nextInt(100));
        }
        return b.build();
    }

    /** Every interaction is in exactly one part, with its value (or 1). */
    private static void assertPartition(Interactions data, RankingSplit s, boolean binary, String label) {
        CsrMatrix a = s.train().byUser();
        CsrMatrix b = s.test().byUser();
        assertEquals(data.size(), s.train().size() + s.test().size(), label);
        for (int p = 0; p < data.size(); p++) {
            float x = a.get(data.user(p), data.item(p)) + b.get(data.user(p), data.item(p));
            assertEquals(binary ? 1f : data.value(p), x, 0f, label);
        }
        assertEquals(0, s.overlap(), label);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void random_partitions_andIsReproducible(long seed) {
        Interactions data = random(seed);
        RankingSplit s = RankingSplit.random(data, 0.25, seed, seed % 2 == 0);
        assertPartition(data, s, seed % 2 == 0, "seed " + seed);
        RankingSplit again = RankingSplit.random(data, 0.25, seed, seed % 2 == 0);
        assertEquals(s.test().byUser(), again.test().byUser(), "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void perUser_holdsOutTheShareOfEachUser(long seed) {
        Interactions data = random(seed);
        RankingSplit s = RankingSplit.perUser(data, 0.3, seed, false);
        assertPartition(data, s, false, "seed " + seed);
        for (int u = 0; u < data.userCount(); u++) {
            int n = data.userEnd(u) - data.userStart(u);
            int expected = n < 2 ? 0 : (int) Math.min(n - 1, Math.max(1, Math.round(0.3 * n)));
            assertEquals(expected, s.test().byUser().rowLength(u), "seed " + seed + " user " + u);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void leaveLastOut_holdsOutTheLatest(long seed) {
        Interactions data = random(seed);
        RankingSplit s = RankingSplit.leaveLastOut(data, true);
        assertPartition(data, s, true, "seed " + seed);
        CsrMatrix t = s.test().byUser();
        for (int u = 0; u < data.userCount(); u++) {
            int n = data.userEnd(u) - data.userStart(u);
            assertEquals(n < 2 ? 0 : 1, t.rowLength(u), "seed " + seed);
            if (n >= 2) {
                long latest = Long.MIN_VALUE;
                for (int p = data.userStart(u); p < data.userEnd(u); p++) {
                    latest = Math.max(latest, data.time(p));
                }
                int item = t.columnIndex(t.rowStart(u));
                for (int p = data.userStart(u); p < data.userEnd(u); p++) {
                    if (data.item(p) == item) {
                        assertEquals(latest, data.time(p), "seed " + seed);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void time_trainsBeforeTheCut_andTestsKnownUsersAndItems(long seed) {
        Interactions data = random(seed);
        long cut = 1050;
        RankingSplit s = RankingSplit.time(data, cut, false);
        Ratings train = s.train();
        CsrMatrix test = s.test().byUser();
        int expectedTrain = 0;
        for (int p = 0; p < data.size(); p++) {
            if (data.time(p) < cut) {
                expectedTrain++;
                assertEquals(data.value(p), train.byUser().get(data.user(p), data.item(p)), 0f);
            } else if (test.get(data.user(p), data.item(p)) != 0) {
                assertTrue(train.byUser().rowLength(data.user(p)) > 0, "seed " + seed);
                assertTrue(train.byItem().rowLength(data.item(p)) > 0, "seed " + seed);
            } else {
                assertTrue(train.byUser().rowLength(data.user(p)) == 0 || train.byItem().rowLength(data.item(p)) == 0,
                        "seed " + seed + ": a test pair of a known user and item was dropped");
            }
        }
        assertEquals(expectedTrain, train.size());
    }

    @Test
    void read_unitesTheIdSpaces(@TempDir Path dir) throws IOException {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(train, "user,item,value\nu1,a,3\nu2,b,1\n");
        Files.writeString(test, "user,item\nu1,c\nu3,a\n");
        RankingSplit s = RankingSplit.read(train, test, true);
        assertEquals(3, s.train().userCount());
        assertEquals(3, s.train().itemCount());
        assertEquals(s.train().users(), s.test().users());
        assertEquals(1f, s.train().byUser().get(s.train().users().indexOf("u1"), s.train().items().indexOf("a")));
        RankingSplit raw = RankingSplit.read(train, test, false);
        assertEquals(3f, raw.train().byUser().get(raw.train().users().indexOf("u1"), raw.train().items().indexOf("a")));
        assertEquals(2, s.test().size());
    }

    @Test
    void read_namesFileAndLine(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "user,item\n1,2\n");
        Path badHeader = dir.resolve("h.csv");
        Files.writeString(badHeader, "customer,product\n1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankingSplit.read(badHeader, ok, true));
        assertTrue(e.getMessage().contains("h.csv:1") && e.getMessage().contains("user and item"), e.getMessage());
        Path badValue = dir.resolve("v.csv");
        Files.writeString(badValue, "user,item,value\n1,2,3\n1,3,x\n");
        e = assertThrows(IllegalArgumentException.class, () -> RankingSplit.read(badValue, ok, false));
        assertTrue(e.getMessage().contains("v.csv:3") && e.getMessage().contains("'x'"), e.getMessage());
        Path repeated = dir.resolve("r.csv");
        Files.writeString(repeated, "user,item\n1,2\n1,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> RankingSplit.read(ok, repeated, true));
        assertTrue(e.getMessage().contains("r.csv") && e.getMessage().contains("repeated"), e.getMessage());
        Path fields = dir.resolve("f.csv");
        Files.writeString(fields, "user,item\n1,2,3\n");
        e = assertThrows(IllegalArgumentException.class, () -> RankingSplit.read(fields, ok, true));
        assertTrue(e.getMessage().contains("f.csv:2"), e.getMessage());
    }

    @Test
    void splits_rejectBadFractions() {
        Interactions data = random(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankingSplit.random(data, 1.0, 0, true));
        assertTrue(e.getMessage().contains("testFraction must be in (0, 1), got 1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RankingSplit.perUser(data, 0, 0, true));
    }
}
