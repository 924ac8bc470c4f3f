package dev.retention.experiment.uplift;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;

import java.util.Objects;

/**
 * The two-model uplift learner (T-learner): one classifier {@code mu_0} of the outcome on the control rows, one
 * {@code mu_1} on the treated rows; the uplift is {@code mu_1(x) - mu_0(x)} (Kuenzel, Sekhon, Bickel and Yu 2019,
 * "Metalearners for estimating heterogeneous treatment effects using machine learning", <i>PNAS</i> 116, 4156-4165;
 * scikit-uplift's {@code TwoModels}). Any classifier of the churn module serves as the base ({@code Learner}). Cost:
 * the two fits.
 */
public final class TLearner {

    private TLearner() {
    }

    /**
     * Fits with no control.
     *
     * @param x         read: features of every row
     * @param treatment read: 1 for treated rows, 0 for control rows; both present
     * @param y         read: the outcome, 0 or 1, both values in each arm
     * @param learner   the base classifier with its options, such as {@code LogisticRegression.learner(options)}
     * @param options   the options
     * @return the model
     * @throws IllegalArgumentException if the data are inconsistent (named in the message)
     */
    public static UpliftModel fit(DenseMatrix x, int[] treatment, int[] y, Learner learner, UpliftOptions options) {
        return fit(x, treatment, y, learner, options, FitControl.defaults());
    }

    /**
     * Fits the two classifiers.
     *
     * @param x         read: features of every row
     * @param treatment read: 1 for treated rows, 0 for control rows; both present
     * @param y         read: the outcome, 0 or 1, both values in each arm
     * @param learner   the base classifier with its options
     * @param options   the options
     * @param control   progress, cancellation and executor, handed to the base fits
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
        control.step("T-learner", 0, 2, Double.NaN);
        ProbabilisticClassifier mu0 = UpliftData.fitPart("control", learner, x, y, UpliftData.rowsOf(treatment, 0),
                control);
        control.step("T-learner", 1, 2, Double.NaN);
        ProbabilisticClassifier mu1 = UpliftData.fitPart("treated", learner, x, y, UpliftData.rowsOf(treatment, 1),
                control);
        control.step("T-learner", 2, 2, Double.NaN);
        FitSummary.Builder s = FitSummary.builder("uplift T-learner").options(options)
                .data(UpliftData.fingerprint(x, treatment, y));
        UpliftData.components(s, new String[] {"control outcome", "treated outcome"},
                new ProbabilisticClassifier[] {mu0, mu1});
        FitSummary summary = s.secondsSince(start).build();
        summary.logTo(TLearner.class);
        return new UpliftModel(UpliftModel.Kind.T_LEARNER, new ProbabilisticClassifier[] {mu0, mu1}, new double[0],
                x.names().toArray(String[]::new), options, summary);
    }
}
