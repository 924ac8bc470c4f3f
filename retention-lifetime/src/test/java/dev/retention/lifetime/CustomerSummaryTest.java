package dev.retention.lifetime;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.synth.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerSummaryTest {

    private static long at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toEpochSecond();
    }

    /**
     * By hand, calibration ending 2024-01-31 (inclusive), observation to the last purchase (2024-02-02):
     * A buys on Jan 1 (10 + 5, same day), Jan 8 (20), Jan 15 (10 + 20, same day), a netted cancellation on Jan 20,
     * then Feb 1 (7, holdout): x = 2, t_x = 14 days, T = 30 days, mean repeat value (20 + 30) / 2 = 25, one holdout
     * purchase of 7. B buys once on Jan 10: x = 0, t_x = 0, T = 21. C first buys on Feb 2, after calibration, and
     * is left out. The holdout lasts 2 days.
     */
    private static TransactionLog handLog(ZoneId zone) {
        TransactionLog.Builder b = TransactionLog.builder(PurchaseRules.defaults()
                .withCancellations(PurchaseRules.Cancellations.NET)).zone(zone);
        b.add("A", "1", null, at("2024-01-01T10:00", zone), 1, 10);
        b.add("A", "2", null, at("2024-01-01T15:00", zone), 1, 5);
        b.add("A", "3", null, at("2024-01-08T09:00", zone), 2, 10);
        b.add("A", "4", null, at("2024-01-15T09:00", zone), 1, 10);
        b.add("A", "4", null, at("2024-01-15T09:00", zone), 1, 20);
        b.add("A", "C4", null, at("2024-01-20T09:00", zone), 1, 20, true);
        b.add("A", "5", null, at("2024-02-01T23:30", zone), 1, 7);
        b.add("B", "6", null, at("2024-01-10T00:00", zone), 3, 4);
        b.add("C", "7", null, at("2024-02-02T12:00", zone), 1, 9);
        return b.build();
    }

    @Test
    void from_countsPurchaseDaysSplitsCalibrationAndHoldoutAndIgnoresCancellations() {
        for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("America/New_York")}) {
            CustomerSummary s = CustomerSummary.from(handLog(zone), SummaryOptions.defaults()
                    .withCalibrationEnd(LocalDate.of(2024, 1, 31)));
            assertEquals(2, s.size());
            assertEquals("A", s.id(0));
            assertEquals("B", s.id(1));
            assertArrayEquals(new int[] {2, 0}, s.frequencies());
            assertArrayEquals(new double[] {14, 0}, s.recencies(), 0.0);
            assertArrayEquals(new double[] {30, 21}, s.ages(), 0.0);
            assertArrayEquals(new double[] {25, 0}, s.monetaryValues(), 1e-12);
            assertTrue(s.hasHoldout());
            assertEquals(1, s.holdoutFrequency(0));
            assertEquals(7, s.holdoutSpend(0), 1e-12);
            assertEquals(0, s.holdoutFrequency(1));
            assertEquals(2, s.holdoutLength(), 0.0);
            assertEquals(1, s.customersAcquiredInHoldout());
            assertEquals(LocalDate.of(2024, 1, 31), s.calibrationEnd());
        }
    }

    @Test
    void from_countsCalendarDaysInTheLogsZone() {
        // 2024-01-08 03:00 UTC is still Jan 7 in New York: A's second purchase day moves by one
        ZoneId ny = ZoneId.of("America/New_York");
        TransactionLog.Builder b = TransactionLog.builder().zone(ny);
        b.add("A", "1", null, at("2024-01-01T12:00", ZoneOffset.UTC), 1, 10);
        b.add("A", "2", null, at("2024-01-08T03:00", ZoneOffset.UTC), 1, 10);
        CustomerSummary s = CustomerSummary.from(b.build(), SummaryOptions.defaults()
                .withCalibrationEnd(LocalDate.of(2024, 1, 10)));
        assertEquals(6, s.recency(0), 0.0);
        assertEquals(9, s.age(0), 0.0);
        assertFalse(s.hasHoldout());
    }

    @Test
    void from_inWeeksDividesDaysBySeven() {
        CustomerSummary s = CustomerSummary.from(handLog(ZoneOffset.UTC), new SummaryOptions(PeriodUnit.WEEK,
                LocalDate.of(2024, 1, 31), null));
        assertEquals(2, s.recency(0), 1e-15);
        assertEquals(30 / 7.0, s.age(0), 1e-15);
        assertEquals(2 / 7.0, s.holdoutLength(), 1e-15);
        assertEquals(PeriodUnit.WEEK, s.unit());
    }

    @Test
    void from_withoutCalibrationEndSummarizesEverythingUpToTheLastPurchase() {
        CustomerSummary s = CustomerSummary.from(handLog(ZoneOffset.UTC));
        assertEquals(3, s.size());
        assertEquals(3, s.frequency(0));           // Jan 8, Jan 15, Feb 1
        assertEquals(32, s.age(0), 0.0);           // Jan 1 .. Feb 2
        assertEquals(0, s.age(2), 0.0);            // C bought on the last day
        assertFalse(s.hasHoldout());
    }

    @Test
    void from_rejectsTransactionsAfterAnExplicitObservationEnd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.from(
                handLog(ZoneOffset.UTC), new SummaryOptions(PeriodUnit.DAY, LocalDate.of(2024, 1, 31),
                        LocalDate.of(2024, 2, 1))));
        assertTrue(e.getMessage().contains("customer C bought on 2024-02-02, after the observation end 2024-02-01"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SummaryOptions(PeriodUnit.DAY,
                LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 30)));
        assertTrue(e.getMessage().contains("observationEnd must not be before calibrationEnd=2024-01-31, got 2024-01-30"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.from(handLog(ZoneOffset.UTC),
                SummaryOptions.defaults().withCalibrationEnd(LocalDate.of(2023, 12, 31))));
        assertTrue(e.getMessage().contains("no customer bought on or before the calibration end 2023-12-31"),
                e.getMessage());
    }

    @Test
    void of_rejectsInvalidRowsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of(
                new int[] {1, 2}, new double[] {3, 12}, new double[] {5, 10}, PeriodUnit.DAY));
        assertTrue(e.getMessage().contains("row 1: recency 12.0 exceeds age 10.0 (t_x > T"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of(
                new int[] {1, -2}, new double[] {3, 1}, new double[] {5, 10}, PeriodUnit.DAY));
        assertTrue(e.getMessage().contains("frequency[1] must be >= 0, got -2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of(
                new int[] {0}, new double[] {2}, new double[] {5}, PeriodUnit.DAY));
        assertTrue(e.getMessage().contains("row 0: recency 2.0 with frequency 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of(
                new int[] {1}, new double[] {2}, new double[] {Double.POSITIVE_INFINITY}, PeriodUnit.DAY));
        assertTrue(e.getMessage().contains("age[0] must be finite and >= 0, got Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of(null,
                new int[] {1}, new double[] {2}, new double[] {3}, new double[] {Double.NaN}, PeriodUnit.DAY));
        assertTrue(e.getMessage().contains("monetary[0] must be finite, got NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of(
                new int[] {1, 1}, new double[] {2}, new double[] {3, 3}, PeriodUnit.DAY));
        assertTrue(e.getMessage().contains("recency has 1 rows, frequency has 2"), e.getMessage());
        CustomerSummary ok = CustomerSummary.of(new int[] {1}, new double[] {2}, new double[] {3}, PeriodUnit.DAY);
        assertThrows(IllegalStateException.class, () -> ok.holdoutFrequency(0));
    }

    @Test
    void fingerprint_isComputedOnceAndTellsSummariesApart() {
        CustomerSummary a = CustomerSummary.of(new int[] {1, 0}, new double[] {2, 0}, new double[] {3, 4}, PeriodUnit.DAY);
        CustomerSummary same = CustomerSummary.of(new int[] {1, 0}, new double[] {2, 0}, new double[] {3, 4},
                PeriodUnit.DAY);
        CustomerSummary other = CustomerSummary.of(new int[] {1, 0}, new double[] {2, 0}, new double[] {3, 5},
                PeriodUnit.DAY);
        assertEquals(2, a.fingerprint().rows());
        assertEquals(4, a.fingerprint().columns());
        assertSame(a.fingerprint(), a.fingerprint(), "cached");
        assertEquals(a.fingerprint(), same.fingerprint());
        assertFalse(a.fingerprint().equals(other.fingerprint()));
        assertFalse(a.fingerprint().equals(a.withMonetary(new double[] {7, 0}).fingerprint()));
    }

    @Test
    void syntheticShop_endToEnd_recoversItsBgNbdAndGammaGammaParameters() {
        // the shop draws BG/NBD purchases (r = 0.25, alpha = 49 days, a = 0.8, b = 2.5) and Gamma-Gamma order values
        // (p = 6, q = 4, gamma = 40); its log, summarized by calendar day, must give back those parameters within
        // sampling error: the truth inside the 0.9999 likelihood-ratio region (chi-squared(4) quantile 23.51)
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(4_000).withSeed(3)
                .withItems(50).withoutNoise());
        LocalDate lastDay = shop.options().end().minusDays(1);
        CustomerSummary s = CustomerSummary.from(shop.log(), SummaryOptions.defaults().withCalibrationEnd(lastDay));
        assertEquals(4_000, s.size());
        BgNbdModel fit = BgNbd.fit(s);
        BgNbdModel truth = BgNbdModel.of(0.25, 49, 0.8, 2.5, BgNbdModel.Variant.BG_NBD, PeriodUnit.DAY);
        double lr = 2 * (fit.estimates().logLikelihood() - truth.logLikelihood(s));
        assertTrue(fit.fitSummary().converged(), fit.toString());
        assertTrue(lr >= 0 && lr < 23.51, "2 dLL = " + lr + "; " + fit);
        GammaGammaModel spend = GammaGamma.fit(s);
        GammaGammaModel spendTruth = GammaGammaModel.of(6, 4, 40);
        double ll = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.frequency(i) > 0) {
                ll += spendTruth.logLikelihood(s.frequency(i), s.monetaryValue(i));
            }
        }
        double lrSpend = 2 * (spend.estimates().logLikelihood() - ll);
        assertTrue(lrSpend >= 0 && lrSpend < 21.11, "2 dLL = " + lrSpend + "; " + spend);
        // the shop keeps who is alive at the end: P(alive) must separate them (mean P(alive) higher for the alive)
        boolean[] alive = shop.aliveAtEnd();
        double sumAlive = 0;
        double sumDead = 0;
        int nAlive = 0;
        for (int i = 0; i < s.size(); i++) {
            int c = shop.log().customers().indexOf(s.id(i));
            double p = fit.probabilityAlive(s.frequency(i), s.recency(i), s.age(i));
            if (alive[c]) {
                sumAlive += p;
                nAlive++;
            } else {
                sumDead += p;
            }
        }
        assertTrue(sumAlive / nAlive > sumDead / (s.size() - nAlive) + 0.1,
                "alive " + sumAlive / nAlive + ", dead " + sumDead / (s.size() - nAlive));
    }

    @Test
    void accumulator_countsRepeatDays_recency_age_spendAndHoldout_byHand() {
        // calibration ends on day 15, weeks: first purchase day 10 (two lines), repeat days 12 (two lines) and 14,
        // then days 20 and 20 after the end. Frequency 2 (days 12, 14), recency (14 - 10) / 7, age (15 - 10) / 7,
        // mean repeat spend (3 + 4 + 5) / 2, holdout one day spending 6 + 7.
        CustomerSummary.Accumulator a = new CustomerSummary.Accumulator(15, 7);
        assertFalse(a.hasPurchase());
        long[] days = {10, 10, 12, 12, 14, 20, 20};
        double[] amounts = {1, 2, 3, 4, 5, 6, 7};
        for (int i = 0; i < days.length; i++) {
            a.add(days[i], amounts[i]);
        }
        assertTrue(a.acquiredInCalibration());
        assertEquals(2, a.frequency());
        assertEquals(4 / 7.0, a.recency(), 0.0);
        assertEquals(5 / 7.0, a.age(), 0.0);
        assertEquals(6.0, a.meanRepeatSpend(), 0.0);
        assertEquals(1, a.holdoutDays());
        assertEquals(13.0, a.holdoutSpend(), 0.0);
        a.reset();
        a.add(16, 1);
        assertTrue(a.hasPurchase());
        assertFalse(a.acquiredInCalibration(), "first bought after the calibration end: no row");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CustomerSummary.Accumulator(15, 0));
        assertTrue(e.getMessage().contains("unitDays"), e.getMessage());
    }
}
