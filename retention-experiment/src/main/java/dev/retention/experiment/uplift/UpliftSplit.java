package dev.retention.experiment.uplift;

import dev.retention.evaluation.TrainTestSplit;

import java.util.Objects;

/**
 * The seeded train/test split of an uplift evaluation, stratified by arm and outcome (four strata: treated and
 * control, outcome 0 and 1), so that both arms keep their response rates in both parts; core's
 * {@link TrainTestSplit#stratified} on the stratum {@code 2 T + Y}. O(n).
 */
public final class UpliftSplit {

    private UpliftSplit() {
    }

    /**
     * {@return the split}
     *
     * @param treatment    read: 1 treated, 0 control
     * @param y            read: outcome 0 or 1
     * @param testFraction the share of test rows, in (0, 1)
     * @param seed         the seed of the shuffles
     * @throws IllegalArgumentException if the lengths differ, a value is not 0/1, or a stratum has fewer than 2 rows
     */
    public static TrainTestSplit stratified(int[] treatment, int[] y, double testFraction, long seed) {
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(y, "y");
        if (treatment.length != y.length) {
            throw new IllegalArgumentException("treatment has " + treatment.length + " values, y " + y.length);
        }
        int[] strata = new int[y.length];
        for (int i = 0; i < strata.length; i++) {
            if ((treatment[i] != 0 && treatment[i] != 1) || (y[i] != 0 && y[i] != 1)) {
                throw new IllegalArgumentException("row " + i + ": treatment and y must be 0 or 1, got " + treatment[i]
                        + " and " + y[i]);
            }
            strata[i] = 2 * treatment[i] + y[i];
        }
        return TrainTestSplit.stratified(strata, testFraction, seed);
    }
}
