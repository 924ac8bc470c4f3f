package dev.retention.churn.svm;

import dev.retention.churn.classifier.FeatureMatrix;
import dev.retention.churn.classifier.FitListener;
import dev.retention.churn.classifier.FitSummary;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.DualCoordinateDescent;
import dev.retention.churn.internal.MatrixAccess;
import dev.retention.evaluation.StratifiedKFold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A linear support vector machine as scikit-learn's {@code LinearSVC} (LIBLINEAR's dual coordinate
 * descent, hinge or squared hinge loss, intercept through a regularised bias feature), with probabilities
 * by Platt scaling: the sigmoid is fitted on out-of-fold decision values of a stratified cross-validation
 * on the training rows (so it never sees a row's own fit), and the returned model is the SVM fitted on
 * every training row with that sigmoid, as {@code CalibratedClassifierCV(LinearSVC(), method="sigmoid",
 * ensemble=False)}.
 *
 * <p>Cost: {@code folds + 1} SVM fits, each O(n p) per pass; not converging within the pass limit is
 * reported in the summary. The listener hears each of the {@code folds + 1} fits.
 */
public final class LinearSvm {

    private static final Logger LOG = LoggerFactory.getLogger(LinearSvm.class);

    private LinearSvm() {
    }

    /** Fits with every row weighing 1. */
    public static SvmModel fit(FeatureMatrix x, int[] y, SvmOptions options) {
        return fit(x, y, null, options, FitListener.NONE);
    }

    /**
     * Fits a calibrated linear SVM.
     *
     * @param x             read: training features (standardise them first)
     * @param y             read: labels 0 or 1, both classes, each with at least {@code calibrationFolds} rows
     * @param sampleWeights read: row weights, finite and &gt; 0 where used, or {@code null}
     * @param options       the options
     * @param listener      told after each of the {@code folds + 1} fits
     */
    public static SvmModel fit(FeatureMatrix x, int[] y, double[] sampleWeights, SvmOptions options,
                               FitListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Checks.labels(x, y);
        Checks.weights(sampleWeights, x.rows());
        long start = System.nanoTime();
        int n = x.rows();
        int p = x.cols();
        double[] data = MatrixAccess.data(x);
        int folds = options.calibrationFolds();
        StratifiedKFold kfold = StratifiedKFold.inOrder(y, folds);
        double[] oof = new double[n];
        int total = folds + 1;
        boolean allConverged = true;
        for (int f = 0; f < folds; f++) {
            int[] train = kfold.trainRows(f);
            double[] sub = new double[train.length * p];
            int[] ySub = new int[train.length];
            double[] wSub = sampleWeights == null ? null : new double[train.length];
            for (int k = 0; k < train.length; k++) {
                System.arraycopy(data, train[k] * p, sub, k * p, p);
                ySub[k] = y[train[k]];
                if (wSub != null) {
                    wSub[k] = sampleWeights[train[k]];
                }
            }
            // class weights ("balanced") from the rows being fitted, as scikit-learn refits them per fold
            DualCoordinateDescent.Result r = solve(sub, train.length, p, ySub, costs(ySub, wSub, options), options,
                    f + 1);
            allConverged &= r.converged();
            for (int i : kfold.testRows(f)) {
                oof[i] = decision(r.w(), data, i * p, p, options);
            }
            listener.progress("calibration folds", f + 1, total, Double.NaN);
        }
        PlattScaling platt = PlattScaling.fit(oof, y);
        DualCoordinateDescent.Result full = solve(data, n, p, y, costs(y, sampleWeights, options), options, 0);
        listener.progress("calibration folds", total, total, Double.NaN);
        double[] w = java.util.Arrays.copyOf(full.w(), p);
        double b = options.fitIntercept() ? full.w()[p] * options.interceptScaling() : 0;
        double seconds = (System.nanoTime() - start) / 1e9;
        String message = String.format(Locale.ROOT, "%s after %d passes (gap %.3g, tolerance %.3g)%s; %s",
                full.converged() ? "converged" : "pass limit reached", full.iterations(), full.gap(),
                options.tolerance(), allConverged ? "" : "; a calibration fold reached the pass limit", platt);
        LOG.info("linear SVM on {} rows x {} features: {}, {} s", n, p, message, seconds);
        FitSummary summary = new FitSummary("linear SVM (dual coordinate descent, "
                + options.loss().name().toLowerCase(Locale.ROOT) + ") with Platt scaling", options.toString(), n, p,
                full.iterations(), full.converged() && allConverged, message, new double[0], seconds);
        return new SvmModel(w, b, platt, x.names(), options, summary);
    }

    /** C times the row's weight times its class weight. */
    private static double[] costs(int[] y, double[] sampleWeights, SvmOptions o) {
        double[] cost = o.classWeight().rowWeights(y, sampleWeights);
        for (int i = 0; i < cost.length; i++) {
            cost[i] *= o.c();
        }
        return cost;
    }

    private static DualCoordinateDescent.Result solve(double[] data, int n, int p, int[] y, double[] cost,
                                                      SvmOptions o, int stream) {
        return DualCoordinateDescent.solve(data, n, p, y, cost, o.loss() == SvmOptions.Loss.SQUARED_HINGE,
                o.fitIntercept() ? o.interceptScaling() : -1, o.tolerance(), o.maxIterations(),
                new SplittableRandom(o.seed() * 0x9E3779B97F4A7C15L + stream));
    }

    static double decision(double[] w, double[] x, int off, int p, SvmOptions o) {
        double s = 0;
        for (int j = 0; j < p; j++) {
            s += w[j] * x[off + j];
        }
        return o.fitIntercept() ? s + w[p] * o.interceptScaling() : s;
    }

    /** A learner fitting with these options, for cross-validation and grid search. */
    public static Learner learner(SvmOptions options) {
        Objects.requireNonNull(options, "options");
        return (x, y, listener) -> fit(x, y, null, options, listener);
    }
}
