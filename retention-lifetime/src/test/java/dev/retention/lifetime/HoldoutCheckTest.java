package dev.retention.lifetime;

import dev.retention.lifetime.bgnbd.BgNbdModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The holdout check against the published CDNOW BG/NBD parameters, summed by hand. */
class HoldoutCheckTest {

    private static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, BgNbdModel.Variant.BG_NBD,
            PeriodUnit.WEEK);

    private static CustomerSummary withHoldout() {
        return CustomerSummary.of(new int[] {2, 0, 7}, new double[] {30.43, 0, 20}, new double[] {38.86, 38.86, 35},
                PeriodUnit.WEEK).withHoldout(new int[] {1, 0, 3}, new double[3], 39);
    }

    @Test
    void compute_sumsActualAndExpectedHoldoutPurchases() {
        HoldoutCheck h = HoldoutCheck.compute(CDNOW, withHoldout());
        // mpmath eq. 10 at the printed parameters (BgNbdModelTest): 1.2260281747671444 and 0.19509805201126265
        double predicted = 1.2260281747671444 + 0.19509805201126265 + CDNOW.expectedPurchases(39, 7, 20, 35);
        assertEquals(predicted, h.predictedPurchases(), 1e-12);
        assertEquals(4, h.actualPurchases());
        assertEquals(3, h.customers());
        assertEquals(39, h.length());
        assertEquals(String.format(java.util.Locale.ROOT, "holdout of 39.00 weeks: 4 purchases, BG/NBD predicts %.1f",
                predicted), h.toString());
    }

    @Test
    void compute_rejectsASummaryWithoutHoldoutOrInAnotherUnit() {
        CustomerSummary none = CustomerSummary.of(new int[] {1}, new double[] {1}, new double[] {2}, PeriodUnit.WEEK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HoldoutCheck.compute(CDNOW, none));
        assertTrue(e.getMessage().startsWith("the summary has no holdout period to check the BG/NBD model on"),
                e.getMessage());
        CustomerSummary days = CustomerSummary.of(new int[] {1}, new double[] {1}, new double[] {2}, PeriodUnit.DAY)
                .withHoldout(new int[1], new double[1], 10);
        e = assertThrows(IllegalArgumentException.class, () -> HoldoutCheck.compute(CDNOW, days));
        assertEquals("the summary is in days but the BG/NBD model is in weeks", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HoldoutCheck("BG/NBD", PeriodUnit.DAY, 0, 1, 1, 1));
        assertEquals("length must be finite and > 0, got 0.0", e.getMessage());
    }
}
