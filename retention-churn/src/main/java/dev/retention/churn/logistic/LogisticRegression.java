package dev.retention.churn.logistic;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.LinearScore;
import dev.retention.churn.internal.LogisticLoss;
import dev.retention.churn.internal.ModelSections;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.optim.DifferentiableFunction;
import dev.retention.optim.IterationListener;
import dev.retention.optim.Lbfgs;
import dev.retention.optim.LbfgsOptions;
import dev.retention.optim.OptimizationResult;
import dev.retention.parallel.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Binary logistic regression, fitted as scikit-learn 1.2's {@code LogisticRegression}: it minimises
 * <pre>
 *   sum_i s_i [ log(1 + exp(z_i)) - y_i z_i ]  +  (1 - r) / (2C) ||w||^2  +  r / C ||w||_1,
 *   z_i = x_i . w + b
 * </pre>
 * with row weights {@code s_i} (sample weights times class weights), {@code r = 0} for L2, 1 for L1
 * and {@code l1Ratio} for the elastic net; the intercept {@code b} is not penalised. Smooth objectives
 * (L2, none) are minimised by L-BFGS ({@link Lbfgs#minimize}, scikit-learn's {@code lbfgs} solver: SciPy's
 * L-BFGS-B stopping rules, {@code gtol = tol}, {@code ftol = 2.2e-9}, 10 correction pairs), L1 and
 * elastic net by OWL-QN ({@link Lbfgs#minimizeL1}; Andrew and Gao 2007) whose optimum equals
 * scikit-learn's {@code saga} optimum. Reference: Hastie, Tibshirani and Friedman, <i>The Elements of
 * Statistical Learning</i>, 2nd ed., section 4.4.
 *
 * <p>Cost: O(n p) per objective evaluation, usually a little more than one evaluation per iteration;
 * the loss and gradient are computed over fixed row blocks on {@link LogisticOptions#threads()}
 * threads and combined in block order, so the model does not depend on the number of threads. The features
 * are read in place, never copied.
 *
 * <p>Policies: labels must hold both classes. Without a penalty on linearly separable data the
 * likelihood has no maximum (the coefficients grow without bound); the fit then stops where the loss
 * is flat and reports {@code converged() == false} in its {@link FitSummary} with the reason, keeping the
 * finite coefficients reached. More features than rows is allowed: a penalty keeps the solution unique and
 * finite. Progress: {@link FitControl#step} once per iteration (stage {@code "L-BFGS"} or {@code "OWL-QN"},
 * with the objective), SLF4J DEBUG per iteration, one INFO line per fit and a WARN line when the verdict is not
 * fine.
 */
public final class LogisticRegression {

    private static final Logger LOG = LoggerFactory.getLogger(LogisticRegression.class);

    private LogisticRegression() {
    }

    /**
     * Fits with the given options, every row weighing 1, no control.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, one per row, both classes present
     * @param options the options
     * @return the fitted model
     * @throws IllegalArgumentException if the labels are bad or do not match {@code x}
     */
    public static LogisticModel fit(DenseMatrix x, int[] y, LogisticOptions options) {
        return fit(x, y, null, options, FitControl.defaults());
    }

    /**
     * Fits with the given options and control, every row weighing 1.
     *
     * @param x       read: training features
     * @param y       read: labels 0 or 1, one per row, both classes present
     * @param options the options
     * @param control progress, cancellation and executor
     * @return the fitted model
     * @throws IllegalArgumentException if the labels are bad or do not match {@code x}
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static LogisticModel fit(DenseMatrix x, int[] y, LogisticOptions options, FitControl control) {
        return fit(x, y, null, options, control);
    }

    /**
     * Fits a logistic regression.
     *
     * @param x             read: training features (standardise them first for a meaningful penalty)
     * @param y             read: labels 0 or 1, one per row, both classes present
     * @param sampleWeights read: a weight per row, finite and &gt;= 0, or {@code null} for all 1
     * @param options       the options
     * @param control       told after every iteration; may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if the labels or weights are bad or do not match {@code x}
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static LogisticModel fit(DenseMatrix x, int[] y, double[] sampleWeights, LogisticOptions options,
                                    FitControl control) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Checks.labels(x, y);
        double[] sample = Checks.weights(sampleWeights, x.rows());
        long start = System.nanoTime();
        int n = x.rows();
        int p = x.columns();
        double[] yd = new double[n];
        for (int i = 0; i < n; i++) {
            yd[i] = y[i];
        }
        double[] weights = null;
        if (sample != null || options.classWeight().mode() != ClassWeight.Mode.NONE) {
            weights = options.classWeight().rowWeights(y, sample);
        }
        boolean l1Solver = options.penalty() == LogisticOptions.Penalty.L1
                || options.penalty() == LogisticOptions.Penalty.ELASTIC_NET;
        String solver = l1Solver ? "OWL-QN" : "L-BFGS";
        String algorithm = "logistic regression (" + solver + ", penalty "
                + options.penalty().name().toLowerCase(Locale.ROOT) + ")";
        double l2 = options.l2Strength();
        double l1 = options.l1Strength();
        boolean intercept = options.fitIntercept();
        OptimizationResult r;
        try (Workers parallel = control.workers(options.threads())) {
            LogisticLoss loss = new LogisticLoss(x, yd, weights, intercept, parallel);
            int m = loss.parameters();
            DifferentiableFunction f = (w, g) -> {
                double v = loss.valueAndGradient(w, g);
                if (l2 > 0) {
                    double pen = 0;
                    for (int j = 0; j < p; j++) {
                        pen += w[j] * w[j];
                        g[j] += l2 * w[j];
                    }
                    v += 0.5 * l2 * pen;
                }
                return v;
            };
            LbfgsOptions lo = LbfgsOptions.defaults().withGradientTolerance(options.tolerance())
                    .withMaxIterations(options.maxIterations());
            int maxIterations = options.maxIterations();
            IterationListener il = (k, value, norm) -> {
                LOG.debug("{} iteration {}: objective {}, gradient {}", solver, k, value, norm);
                control.step(solver, k, maxIterations, value);
            };
            control.checkCancelled(solver, 0);
            if (l1 > 0) {
                double[] l1w = new double[m];
                for (int j = 0; j < p; j++) {
                    l1w[j] = l1;
                }
                r = Lbfgs.minimizeL1(f, l1w, new double[m], lo, il);
            } else {
                r = Lbfgs.minimize(f, new double[m], lo, il);
            }
        }
        double[] params = r.x();
        double[] w = Arrays.copyOf(params, p);
        double b = intercept ? params[p] : 0;
        boolean converged = r.converged();
        String message = r.message();
        if (options.penalty() == LogisticOptions.Penalty.NONE && separates(x, y, weights, w, b)) {
            converged = false;
            message = "the training rows are linearly separable (every row lies on its own side of the fitted "
                    + "hyperplane), so the unpenalised likelihood has no maximum and the coefficients grow without "
                    + "bound; use an L2 penalty (" + r.message() + ")";
        }
        FitSummary.Builder summary = FitSummary.builder(algorithm)
                .options(options)
                .choice(l1Solver ? "solver OWL-QN: the L1 term is not differentiable at 0"
                        : "solver L-BFGS: the objective is smooth")
                .iterations(r.iterations())
                .objective("penalised log-loss", r.history())
                .converged(converged, message)
                .data(x.fingerprint());
        if (weights != null) {
            summary.choice("row weights: sample weights " + (sample == null ? "none" : "given") + ", class weights "
                    + options.classWeight());
        }
        if (!ModelSections.allFinite(params)) {
            summary.unusable("a coefficient is not finite");
        } else {
            double[] row = new double[p];
            ModelSections.flagConstant(summary, x.rows(), i -> {
                for (int j = 0; j < p; j++) {
                    row[j] = x.valueAt(i * p + j);
                }
                return LogisticModel.sigmoid(LinearScore.of(w, b, row));
            });
        }
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(LogisticRegression.class);
        return new LogisticModel(w, b, x.names().toArray(String[]::new), options, s);
    }

    /** Whether every row with positive weight is strictly on its own side of the hyperplane. O(n p). */
    private static boolean separates(DenseMatrix x, int[] y, double[] weights, double[] w, double b) {
        int p = x.columns();
        for (int i = 0; i < x.rows(); i++) {
            if (weights != null && weights[i] == 0) {
                continue;
            }
            double z = b;
            for (int j = 0, o = i * p; j < p; j++) {
                z += x.valueAt(o + j) * w[j];
            }
            if ((y[i] == 1 ? z : -z) <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return a learner fitting with these options, for pipelines, cross-validation and grid search
     * ({@code GridSearch.evaluate(table, pre, candidates, LogisticRegression::learner, folds, seed)})}
     *
     * @param options the options of every fit
     */
    public static Learner learner(LogisticOptions options) {
        Objects.requireNonNull(options, "options");
        return (x, y, control) -> fit(x, y, null, options, control);
    }
}
