package dev.retention.lifetime;

import java.util.Locale;
import java.util.Objects;

/**
 * How well a purchase model fitted on a calibration period predicts the holdout period after it: the purchases
 * the summary's customers actually made in the holdout, against the sum of what the model expected from each
 * customer's calibration history ({@link PurchaseModel#expectedPurchases(double, int, double, double)} over the
 * holdout length), as Fader, Hardie and Lee (2005) validate the BG/NBD on CDNOW. Immutable.
 *
 * @param model              the purchase model's name, such as {@code "BG/NBD"}
 * @param unit               the unit of {@code length}
 * @param length             the holdout length in units, {@code > 0}
 * @param customers          the customers compared, {@code >= 0}
 * @param actualPurchases    their purchases (purchase days) in the holdout, {@code >= 0}
 * @param predictedPurchases the model's expected purchases of the same customers over the holdout, {@code >= 0}
 */
public record HoldoutCheck(String model, PeriodUnit unit, double length, int customers, double actualPurchases,
                           double predictedPurchases) {

    /**
     * Validates.
     *
     * @param model              the purchase model's name, such as {@code "BG/NBD"}
     * @param unit               the unit of {@code length}
     * @param length             the holdout length in units, {@code > 0}
     * @param customers          the customers compared, {@code >= 0}
     * @param actualPurchases    their purchases (purchase days) in the holdout, {@code >= 0}
     * @param predictedPurchases the model's expected purchases of the same customers over the holdout, {@code >= 0}
     * @throws IllegalArgumentException if a number is out of its range
     */
    public HoldoutCheck {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(unit, "unit");
        if (!(length > 0) || Double.isInfinite(length)) {
            throw new IllegalArgumentException("length must be finite and > 0, got " + length);
        }
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0, got " + customers);
        }
        if (!(actualPurchases >= 0) || Double.isInfinite(actualPurchases)) {
            throw new IllegalArgumentException("actualPurchases must be finite and >= 0, got " + actualPurchases);
        }
        if (!(predictedPurchases >= 0)) {
            throw new IllegalArgumentException("predictedPurchases must be >= 0, got " + predictedPurchases);
        }
    }

    /**
     * Compares a purchase model's predictions with the holdout purchases of a summary. O(customers) expectations.
     *
     * @param model   the purchase model, fitted on the summary's calibration period; read
     * @param summary a summary with a holdout period, in the model's unit; read
     * @return the expected and observed holdout purchases, per customer and in total
     * @throws IllegalArgumentException if the summary has no holdout period or its unit differs from the model's
     */
    public static HoldoutCheck compute(PurchaseModel model, CustomerSummary summary) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(summary, "summary");
        if (!summary.hasHoldout()) {
            throw new IllegalArgumentException("the summary has no holdout period to check the " + model.name()
                    + " model on; give SummaryOptions a calibration end before the last purchase");
        }
        summary.requireUnit(model.unit(), model.name());
        double length = summary.holdoutLength();
        double actual = 0;
        double predicted = 0;
        for (int i = 0; i < summary.size(); i++) {
            actual += summary.holdoutFrequency(i);
            predicted += model.expectedPurchases(length, summary.frequency(i), summary.recency(i), summary.age(i));
        }
        return new HoldoutCheck(model.name(), model.unit(), length, summary.size(), actual, predicted);
    }

    /** {@code holdout of 25.86 weeks: 2285 purchases, BG/NBD predicts 2479.8}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "holdout of %.2f %ss: %.0f purchases, %s predicts %.1f", length,
                unit.label(), actualPurchases, model, predictedPurchases);
    }
}
