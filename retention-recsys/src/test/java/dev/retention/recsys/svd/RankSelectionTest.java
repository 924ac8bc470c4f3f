package dev.retention.recsys.svd;

import dev.retention.data.TransactionLog;
import dev.retention.recsys.evaluation.HitRate;
import dev.retention.recsys.evaluation.PurchasePeriod;
import dev.retention.recsys.sparse.SvdOptions;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankSelectionTest {

    private static PurchasePeriod period() {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(600).withItems(80)
                .withSeed(5));
        TransactionLog log = shop.log();
        Instant end = Instant.ofEpochSecond(shop.endEpochSecond());
        Instant start = shop.options().end().minusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        return PurchasePeriod.of(log, start, end);
    }

    /** Each rank is PureSVD fitted on the period's training purchases and scored by its hit rate; the most hits win. */
    @Test
    void evaluate_scoresEveryRank_andChoosesTheFirstWithTheMostHits() {
        PurchasePeriod p = period();
        assertTrue(p.customers() > 20, "the period has customers to score: " + p);
        int[] ranks = {1, 3, 8, 500};
        SvdOptions o = SvdOptions.defaults().withSeed(2);
        RankSelection s = RankSelection.evaluate(p, ranks, 5, o);
        assertArrayEquals(ranks, s.ranks());
        int limit = Math.min(p.train().userCount(), p.train().itemCount());
        int best = 0;
        for (int k = 0; k < ranks.length; k++) {
            HitRate expected = HitRate.compute(PureSvd.fit(p.train(), o.withRank(Math.min(ranks[k], limit))), p, 5);
            assertEquals(expected, s.hitRates().get(k), "rank " + ranks[k]);
            best = expected.hits() > s.hitRates().get(best).hits() ? k : best;
        }
        assertEquals(ranks[best], s.rank());
        assertEquals(s.hitRates().get(best), s.bestHitRate());
        assertTrue(s.toString().contains("chosen"), s.toString());
        assertEquals(s.hitRates(), RankSelection.evaluate(p, ranks, 5, o.withThreads(3)).hitRates(),
                "the same for any number of threads");
    }

    @Test
    void evaluate_rejectsBadArguments() {
        PurchasePeriod p = period();
        SvdOptions o = SvdOptions.defaults();
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RankSelection.evaluate(p, new int[0], 5, o));
        assertTrue(none.getMessage().contains("at least one rank"), none.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> RankSelection.evaluate(p, new int[] {2, 0}, 5, o));
        assertTrue(zero.getMessage().contains("ranks must be >= 1, got 0"), zero.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> RankSelection.evaluate(p, new int[] {2}, 0, o));
        assertTrue(n.getMessage().contains("n must be >= 1, got 0"), n.getMessage());
    }
}
