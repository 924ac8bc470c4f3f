package dev.retention.experiment.uplift;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;

import java.util.Objects;

/**
 * The X-learner (Kuenzel, Sekhon, Bickel and Yu 2019, <i>PNAS</i> 116, 4156-4165): first the T-learner's outcome
 * classifiers {@code mu_0, mu_1}; then the imputed effects {@code D_1 = Y - mu_0(x)} on treated rows and
 * {@code D_0 = mu_1(x) - Y} on control rows, each regressed on the features ({@code tau_1}, {@code tau_0}); the
 * uplift is {@code g tau_0(x) + (1 - g) tau_1(x)} with {@code g} the treated share (the propensity of a randomised
 * experiment). The second-stage regressions are linear ridge regressions with an unpenalised intercept
 * ({@code UpliftOptions.ridge()}, scikit-learn's {@code Ridge(alpha)}), solved exactly by the Cholesky factor of
 * {@code X_c' X_c + ridge I} on centred data; a zero ridge with collinear features (one-hot columns of every level)
 * is refused. Cost: the two classifier fits plus O(n p^2 + p^3).
 */
public final class XLearner {

    private XLearner() {
    }

    /**
     * Fits with no control.
     *
     * @param x         read: features of every row
     * @param treatment read: 1 for treated rows, 0 for control rows; both present
     * @param y         read: the outcome, 0 or 1, both values in each arm
     * @param learner   the base classifier with its options
     * @param options   the options (the ridge penalty)
     * @return the model
     * @throws IllegalArgumentException if the data are inconsistent, or the regression is singular
     */
    public static UpliftModel fit(DenseMatrix x, int[] treatment, int[] y, Learner learner, UpliftOptions options) {
        return fit(x, treatment, y, learner, options, FitControl.defaults());
    }

    /**
     * Fits the two stages.
     *
     * @param x         read: features of every row
     * @param treatment read: 1 for treated rows, 0 for control rows; both present
     * @param y         read: the outcome, 0 or 1, both values in each arm
     * @param learner   the base classifier with its options
     * @param options   the options (the ridge penalty)
     * @param control   progress, cancellation and executor, handed to the base fits
     * @return the model
     * @throws IllegalArgumentException if the data are inconsistent, or the regression is singular
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static UpliftModel fit(DenseMatrix x, int[] treatment, int[] y, Learner learner, UpliftOptions options,
                                  FitControl control) {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        long start = System.nanoTime();
        int treated = UpliftData.check(x, treatment, y);
        int[] controlRows = UpliftData.rowsOf(treatment, 0);
        int[] treatedRows = UpliftData.rowsOf(treatment, 1);
        control.step("X-learner", 0, 3, Double.NaN);
        ProbabilisticClassifier mu0 = UpliftData.fitPart("control", learner, x, y, controlRows, control);
        control.step("X-learner", 1, 3, Double.NaN);
        ProbabilisticClassifier mu1 = UpliftData.fitPart("treated", learner, x, y, treatedRows, control);
        control.step("X-learner", 2, 3, Double.NaN);
        int p = x.columns();
        double[] row = new double[p];
        double[] d1 = new double[treatedRows.length];
        for (int i = 0; i < d1.length; i++) {
            d1[i] = y[treatedRows[i]] - mu0.probability(x.copyRow(treatedRows[i], row, 0));
        }
        double[] d0 = new double[controlRows.length];
        for (int i = 0; i < d0.length; i++) {
            d0[i] = mu1.probability(x.copyRow(controlRows[i], row, 0)) - y[controlRows[i]];
        }
        double[] tau0 = ridge(x, controlRows, d0, options.ridge());
        double[] tau1 = ridge(x, treatedRows, d1, options.ridge());
        control.step("X-learner", 3, 3, Double.NaN);
        double g = treated / (double) x.rows();
        double[] effects = new double[2 * p + 3];
        System.arraycopy(tau0, 0, effects, 0, p + 1);
        System.arraycopy(tau1, 0, effects, p + 1, p + 1);
        effects[2 * p + 2] = g;
        FitSummary.Builder s = FitSummary.builder("uplift X-learner").options(options)
                .choice("second stage: ridge regressions (penalty " + options.ridge() + ") of the imputed effects; "
                        + "propensity g = treated share " + g)
                .data(UpliftData.fingerprint(x, treatment, y));
        UpliftData.components(s, new String[] {"control outcome", "treated outcome"},
                new ProbabilisticClassifier[] {mu0, mu1});
        FitSummary summary = s.secondsSince(start).build();
        summary.logTo(XLearner.class);
        return new UpliftModel(UpliftModel.Kind.X_LEARNER, new ProbabilisticClassifier[] {mu0, mu1}, effects,
                x.names().toArray(String[]::new), options, summary);
    }

    /** Ridge regression of d on the given rows of x: p weights then the intercept. */
    static double[] ridge(DenseMatrix x, int[] rows, double[] d, double lambda) {
        int p = x.columns();
        int n = rows.length;
        double[] mean = new double[p];
        double dMean = 0;
        for (int i = 0; i < n; i++) {
            int o = rows[i] * p;
            for (int j = 0; j < p; j++) {
                mean[j] += x.valueAt(o + j);
            }
            dMean += d[i];
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        dMean /= n;
        double[] a = new double[p * p];
        double[] b = new double[p];
        double[] c = new double[p];
        for (int i = 0; i < n; i++) {
            int o = rows[i] * p;
            for (int j = 0; j < p; j++) {
                c[j] = x.valueAt(o + j) - mean[j];
            }
            double r = d[i] - dMean;
            for (int j = 0; j < p; j++) {
                b[j] += c[j] * r;
                for (int k = 0; k <= j; k++) {
                    a[j * p + k] += c[j] * c[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            a[j * p + j] += lambda;
        }
        // Cholesky a = L L' in the lower triangle
        for (int j = 0; j < p; j++) {
            double s = a[j * p + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * p + k] * a[j * p + k];
            }
            if (!(s > 1e-12 * (1 + Math.abs(a[j * p + j])))) {
                throw new IllegalArgumentException("the X-learner's effect regression is singular at feature '"
                        + x.name(j) + "' (collinear or constant features); use a ridge penalty > 0");
            }
            double l = Math.sqrt(s);
            a[j * p + j] = l;
            for (int i = j + 1; i < p; i++) {
                double t = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * p + k] * a[j * p + k];
                }
                a[i * p + j] = t / l;
            }
        }
        double[] w = b.clone();
        for (int i = 0; i < p; i++) {
            double t = w[i];
            for (int k = 0; k < i; k++) {
                t -= a[i * p + k] * w[k];
            }
            w[i] = t / a[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double t = w[i];
            for (int k = i + 1; k < p; k++) {
                t -= a[k * p + i] * w[k];
            }
            w[i] = t / a[i * p + i];
        }
        double[] out = new double[p + 1];
        System.arraycopy(w, 0, out, 0, p);
        double intercept = dMean;
        for (int j = 0; j < p; j++) {
            intercept -= w[j] * mean[j];
        }
        out[p] = intercept;
        return out;
    }
}
