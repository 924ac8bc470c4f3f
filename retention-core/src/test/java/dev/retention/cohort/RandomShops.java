package dev.retention.cohort;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;

import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test fixture: seeded random transaction logs for cohort tests. Customers buy in bursts over about
 * two years, orders have one or more lines (sometimes at different times), some lines are netted
 * cancellations, and the zone is one of a few awkward ones (DST, half-hour and 45-minute offsets).
 */
final class RandomShops {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Chatham"),
            ZoneId.of("Australia/Lord_Howe"));

    /** 2010-01-01T00:00Z. */
    static final long START = 1_262_304_000L;

    private RandomShops() {
    }

    static TransactionLog log(SplittableRandom rnd) {
        boolean net = rnd.nextBoolean();
        TransactionLog.Builder b = TransactionLog.builder(PurchaseRules.defaults().withCancellations(
                net ? PurchaseRules.Cancellations.NET : PurchaseRules.Cancellations.SKIP));
        b.zone(ZONES.get(rnd.nextInt(ZONES.size())));
        int customers = rnd.nextInt(1, 40);
        long spanDays = rnd.nextInt(4) == 0 ? rnd.nextInt(1, 40) : rnd.nextInt(40, 800);
        int orderNumber = 0;
        for (int c = 0; c < customers; c++) {
            long t = START + rnd.nextLong(spanDays * 86_400);
            int orders = rnd.nextInt(1, 7);
            for (int o = 0; o < orders; o++) {
                String order = (rnd.nextInt(20) == 0 ? "C" : "") + orderNumber++;
                boolean cancel = order.startsWith("C");
                int lines = rnd.nextInt(1, 4);
                for (int l = 0; l < lines; l++) {
                    // lines of one order are usually at the same second, sometimes later
                    long lineTime = t + (rnd.nextInt(5) == 0 ? rnd.nextInt(3 * 86_400) : 0);
                    b.add("c" + c, order, "i" + rnd.nextInt(5), lineTime, cancel ? -1 : 1 + rnd.nextInt(3), 2.5, cancel);
                }
                // the next order: soon (same day or month boundary nearby), or months later
                t += switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextInt(0, 6 * 3600);
                    case 1 -> rnd.nextInt(1, 40) * 86_400L;
                    default -> rnd.nextLong(1, 300 * 86_400L);
                };
            }
        }
        return b.build();
    }
}
