package dev.retention.churn.svm;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.LinearScore;
import dev.retention.churn.internal.DualCoordinateDescent;
import dev.retention.churn.internal.ModelSections;
import dev.retention.evaluation.StratifiedKFold;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Workers;
import dev.retention.random.Seeds;

import java.util.Arrays;
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
 * <p>Cost: {@code folds + 1} SVM fits, each O(n p) per pass, run on {@link SvmOptions#threads()} threads; the
 * features are read in place, never copied. Fit {@code k} shuffles its coordinates with the stream
 * {@code Seeds.split(seed, k)} (0 the final fit, {@code f + 1} calibration fold {@code f}), so the model is the
 * same for any number of threads. Not converging within the pass limit is reported in the fit summary.
 * Progress: {@link FitControl#step} after each of the {@code folds + 1} fits (stage {@code "fits"}).
 */
public final class LinearSvm {

    private LinearSvm() {
    }

    /**
     * Fits with every row weighing 1, no control.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, both classes, each with at least {@code calibrationFolds} rows
     * @param options the options
     * @return the fitted model
     */
    public static SvmModel fit(DenseMatrix x, int[] y, SvmOptions options) {
        return fit(x, y, null, options, FitControl.defaults());
    }

    /**
     * Fits with every row weighing 1.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, both classes, each with at least {@code calibrationFolds} rows
     * @param options the options
     * @param control progress, cancellation and executor
     * @return the fitted model
     */
    public static SvmModel fit(DenseMatrix x, int[] y, SvmOptions options, FitControl control) {
        return fit(x, y, null, options, control);
    }

    /**
     * Fits a calibrated linear SVM.
     *
     * @param x             read: training features (standardise them first)
     * @param y             read: labels 0 or 1, both classes, each with at least {@code calibrationFolds} rows
     * @param sampleWeights read: row weights, finite and &gt;= 0, or {@code null}
     * @param options       the options
     * @param control       told after each of the {@code folds + 1} fits; may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if the labels or weights are bad
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static SvmModel fit(DenseMatrix x, int[] y, double[] sampleWeights, SvmOptions options,
                               FitControl control) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Checks.labels(x, y);
        double[] sample = Checks.weights(sampleWeights, x.rows());
        options.classWeight().rowWeights(y, sample);   // checks their sum over every row
        long start = System.nanoTime();
        int n = x.rows();
        int p = x.columns();
        int folds = options.calibrationFolds();
        StratifiedKFold kfold = StratifiedKFold.inOrder(y, folds);
        int total = folds + 1;
        DualCoordinateDescent.Result[] results = new DualCoordinateDescent.Result[total];
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        Object lock = new Object();
        int[] done = {0};
        control.checkCancelled("fits", 0);
        try (Workers workers = control.workers(options.threads())) {
            workers.run(total, k -> {
                int[] rows = k == 0 ? all : kfold.trainRows(k - 1);
                int[] ySub = new int[rows.length];
                double[] wSub = sample == null ? null : new double[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    ySub[r] = y[rows[r]];
                    if (wSub != null) {
                        wSub[r] = sample[rows[r]];
                    }
                }
                // class weights ("balanced") from the rows being fitted, as scikit-learn refits them per fold
                results[k] = DualCoordinateDescent.solve(x, rows, ySub, costs(ySub, wSub, options),
                        options.loss() == SvmOptions.Loss.SQUARED_HINGE,
                        options.fitIntercept() ? options.interceptScaling() : -1, options.tolerance(),
                        options.maxIterations(), new SplittableRandom(Seeds.split(options.seed(), k)));
                synchronized (lock) {
                    control.step("fits", ++done[0], total, Double.NaN);
                }
            });
        }
        double[] oof = new double[n];
        boolean allConverged = true;
        for (int f = 0; f < folds; f++) {
            DualCoordinateDescent.Result r = results[f + 1];
            allConverged &= r.converged();
            for (int i : kfold.testRows(f)) {
                oof[i] = decision(r.w(), x, i, options);
            }
        }
        PlattScaling platt = PlattScaling.fit(oof, y);
        DualCoordinateDescent.Result full = results[0];
        double[] w = Arrays.copyOf(full.w(), p);
        double b = options.fitIntercept() ? full.w()[p] * options.interceptScaling() : 0;
        String stop = String.format(Locale.ROOT, "%s after %d passes (gap %.3g, tolerance %.3g)",
                full.converged() ? "converged" : "pass limit reached", full.iterations(), full.gap(),
                options.tolerance());
        FitSummary.Builder summary = FitSummary.builder("linear SVM (dual coordinate descent, "
                        + options.loss().name().toLowerCase(Locale.ROOT) + ") with Platt scaling")
                .options(options)
                .choice("Platt sigmoid on the out-of-fold decision values of " + folds + " unshuffled stratified "
                        + "folds: " + platt)
                .iterations(full.iterations())
                .converged(full.converged() && allConverged, allConverged ? stop
                        : "a calibration fold reached the pass limit " + options.maxIterations() + "; the final fit "
                        + stop)
                .data(x.fingerprint());
        if (!ModelSections.allFinite(full.w())) {
            summary.unusable("a weight is not finite");
        } else {
            double[] row = new double[p];
            ModelSections.flagConstant(summary, n, i -> {
                for (int j = 0; j < p; j++) {
                    row[j] = x.valueAt(i * p + j);
                }
                return platt.probability(LinearScore.of(w, b, row));
            });
        }
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(LinearSvm.class);
        return new SvmModel(w, b, platt, x.names().toArray(String[]::new), options, s);
    }

    /** C times the row's weight times its class weight. */
    private static double[] costs(int[] y, double[] sampleWeights, SvmOptions o) {
        double[] cost = o.classWeight().rowWeights(y, sampleWeights);
        for (int i = 0; i < cost.length; i++) {
            cost[i] *= o.c();
        }
        return cost;
    }

    private static double decision(double[] w, DenseMatrix x, int row, SvmOptions o) {
        int p = x.columns();
        double s = 0;
        for (int j = 0, off = row * p; j < p; j++) {
            s += w[j] * x.valueAt(off + j);
        }
        return o.fitIntercept() ? s + w[p] * o.interceptScaling() : s;
    }

    /**
     * {@return a learner fitting with these options, for pipelines, cross-validation and grid search}
     *
     * @param options the options of every fit
     */
    public static Learner learner(SvmOptions options) {
        Objects.requireNonNull(options, "options");
        return (x, y, control) -> fit(x, y, null, options, control);
    }
}
