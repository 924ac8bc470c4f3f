package dev.retention.experiment.uplift;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.random.Seeds;
import dev.retention.random.Variates;

import java.util.Arrays;
import java.util.Objects;

/**
 * The class-transformation uplift learner (Jaskowski and Jaroszewicz 2012, "Uplift modeling for clinical trial
 * data", ICML workshop): a single classifier of {@code Z = T Y + (1 - T)(1 - Y)} (1 for a treated responder or a
 * control non-responder); with equal arms, {@code P(Z = 1 | x) = (1 + tau(x)) / 2}, so the uplift is
 * {@code 2 P(Z = 1 | x) - 1} (scikit-uplift's {@code ClassTransformation}).
 *
 * <p>The identity needs {@code P(T = 1) = 1/2}. When the arms differ in size, the larger one is subsampled without
 * replacement to the size of the smaller (a seeded shuffle, {@code Seeds.split(seed, 0)}), stated in the fit
 * summary; with equal arms every row is used. Cost: one fit on at most all rows.
 */
public final class ClassTransformation {

    private ClassTransformation() {
    }

    /**
     * Fits with no control.
     *
     * @param x         read: features of every row
     * @param treatment read: 1 for treated rows, 0 for control rows; both present
     * @param y         read: the outcome, 0 or 1
     * @param learner   the base classifier with its options
     * @param options   the options (the seed of the balancing subsample)
     * @return the model
     * @throws IllegalArgumentException if the data are inconsistent (named in the message)
     */
    public static UpliftModel fit(DenseMatrix x, int[] treatment, int[] y, Learner learner, UpliftOptions options) {
        return fit(x, treatment, y, learner, options, FitControl.defaults());
    }

    /**
     * Fits the classifier of the transformed class.
     *
     * @param x         read: features of every row
     * @param treatment read: 1 for treated rows, 0 for control rows; both present
     * @param y         read: the outcome, 0 or 1
     * @param learner   the base classifier with its options
     * @param options   the options (the seed of the balancing subsample)
     * @param control   progress, cancellation and executor, handed to the base fit
     * @return the model
     * @throws IllegalArgumentException if the data are inconsistent (named in the message)
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static UpliftModel fit(DenseMatrix x, int[] treatment, int[] y, Learner learner, UpliftOptions options,
                                  FitControl control) {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        long start = System.nanoTime();
        UpliftData.check(x, treatment, y);
        int[] treatedRows = UpliftData.rowsOf(treatment, 1);
        int[] controlRows = UpliftData.rowsOf(treatment, 0);
        int keep = Math.min(treatedRows.length, controlRows.length);
        String balance;
        int[] rows;
        if (treatedRows.length == controlRows.length) {
            rows = new int[x.rows()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
            }
            balance = "arms of equal size: every row used";
        } else {
            boolean treatedLarger = treatedRows.length > controlRows.length;
            int[] larger = treatedLarger ? treatedRows : controlRows;
            int[] smaller = treatedLarger ? controlRows : treatedRows;
            new Variates(Seeds.split(options.seed(), 0)).shuffle(larger);
            rows = new int[2 * keep];
            System.arraycopy(smaller, 0, rows, 0, keep);
            System.arraycopy(larger, 0, rows, keep, keep);
            Arrays.sort(rows);
            balance = "the " + (treatedLarger ? "treated" : "control") + " arm (" + larger.length + " rows) subsampled to "
                    + keep + " rows, the size of the other, so that P(T = 1) = 1/2";
        }
        int[] z = new int[x.rows()];
        for (int i = 0; i < z.length; i++) {
            z[i] = treatment[i] == y[i] ? 1 : 0;
        }
        control.step("class transformation", 0, 1, Double.NaN);
        ProbabilisticClassifier c = UpliftData.fitPart("transformed-class", learner, x, z, rows, control);
        control.step("class transformation", 1, 1, Double.NaN);
        FitSummary.Builder s = FitSummary.builder("uplift class transformation").options(options).choice(balance)
                .data(UpliftData.fingerprint(x, treatment, y));
        UpliftData.components(s, new String[] {"transformed class"}, new ProbabilisticClassifier[] {c});
        FitSummary summary = s.secondsSince(start).build();
        summary.logTo(ClassTransformation.class);
        return new UpliftModel(UpliftModel.Kind.CLASS_TRANSFORMATION, new ProbabilisticClassifier[] {c}, new double[0],
                x.names().toArray(String[]::new), options, summary);
    }
}
