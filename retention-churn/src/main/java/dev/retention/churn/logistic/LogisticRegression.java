package dev.retention.churn.logistic;

import dev.retention.churn.classifier.FeatureMatrix;
import dev.retention.churn.classifier.FitListener;
import dev.retention.churn.classifier.FitSummary;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.LogisticLoss;
import dev.retention.churn.internal.MatrixAccess;
import dev.retention.optim.DifferentiableFunction;
import dev.retention.optim.IterationListener;
import dev.retention.optim.Lbfgs;
import dev.retention.optim.LbfgsOptions;
import dev.retention.optim.OptimizationResult;
import dev.retention.parallel.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * the loss and gradient are computed over fixed row blocks on {@link LogisticOptions#parallelism()}
 * threads and combined in block order, so the model does not depend on the number of threads.
 *
 * <p>Policies: labels must hold both classes. Without a penalty on linearly separable data the
 * likelihood has no maximum (the coefficients grow without bound); the fit then stops where the loss
 * is flat and reports {@code converged() == false} with the reason, keeping the finite coefficients
 * reached. More features than rows is allowed: a penalty keeps the solution unique and finite.
 * Progress goes to the listener once per iteration, to SLF4J at INFO at start and end and at DEBUG per
 * iteration.
 */
public final class LogisticRegression {

    private static final Logger LOG = LoggerFactory.getLogger(LogisticRegression.class);

    private LogisticRegression() {
    }

    /** Fits with the given options, every row weighing 1, no listener. */
    public static LogisticModel fit(FeatureMatrix x, int[] y, LogisticOptions options) {
        return fit(x, y, null, options, FitListener.NONE);
    }

    /**
     * Fits a logistic regression.
     *
     * @param x             read: training features (standardise them first for a meaningful penalty)
     * @param y             read: labels 0 or 1, one per row, both classes present
     * @param sampleWeights read: a weight per row, finite and &gt;= 0, or {@code null} for all 1
     * @param options       the options
     * @param listener      told after every iteration; {@link FitListener#NONE} for none
     * @throws IllegalArgumentException if the labels or weights are bad or do not match {@code x}
     */
    public static LogisticModel fit(FeatureMatrix x, int[] y, double[] sampleWeights, LogisticOptions options,
                                    FitListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Checks.labels(x, y);
        Checks.weights(sampleWeights, x.rows());
        long start = System.nanoTime();
        int n = x.rows();
        int p = x.cols();
        double[] yd = new double[n];
        for (int i = 0; i < n; i++) {
            yd[i] = y[i];
        }
        double[] weights = null;
        if (sampleWeights != null || options.classWeight().mode() != dev.retention.churn.classifier.ClassWeight.Mode.NONE) {
            weights = options.classWeight().rowWeights(y, sampleWeights);
        }
        String solver = options.penalty() == LogisticOptions.Penalty.L1
                || options.penalty() == LogisticOptions.Penalty.ELASTIC_NET ? "OWL-QN" : "L-BFGS";
        String algorithm = "logistic regression (" + solver + ", penalty "
                + options.penalty().name().toLowerCase(java.util.Locale.ROOT) + ")";
        LOG.info("fitting {} on {} rows x {} features, {} thread(s)", algorithm, n, p, options.parallelism());
        double l2 = options.l2Strength();
        double l1 = options.l1Strength();
        boolean intercept = options.fitIntercept();
        OptimizationResult r;
        try (Workers parallel = Workers.create(options.parallelism())) {
            LogisticLoss loss = new LogisticLoss(MatrixAccess.data(x), n, p, yd, weights, intercept, parallel);
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
            int maxIter = options.maxIterations();
            IterationListener il = (k, value, norm) -> listener.progress(solver, k, maxIter, value);
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
        double[] w = java.util.Arrays.copyOf(params, p);
        double b = intercept ? params[p] : 0;
        boolean converged = r.converged();
        String message = r.message();
        if (options.penalty() == LogisticOptions.Penalty.NONE && separates(x, y, weights, w, b)) {
            converged = false;
            message = "the training rows are linearly separable (every row lies on its own side of the fitted "
                    + "hyperplane), so the unpenalised likelihood has no maximum and the coefficients grow without "
                    + "bound; use an L2 penalty (" + r.message() + ")";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        FitSummary summary = new FitSummary(algorithm, options.toString(), n, p, r.iterations(), converged, message,
                r.history(), seconds);
        LOG.info("{}: {} after {} iterations, objective {}, {} s", algorithm, converged ? "converged" : "NOT converged",
                r.iterations(), r.value(), seconds);
        return new LogisticModel(w, b, x.names(), options, summary);
    }

    /** Whether every row with positive weight is strictly on its own side of the hyperplane. O(n p). */
    private static boolean separates(FeatureMatrix x, int[] y, double[] weights, double[] w, double b) {
        double[] data = MatrixAccess.data(x);
        int p = x.cols();
        for (int i = 0; i < x.rows(); i++) {
            if (weights != null && weights[i] == 0) {
                continue;
            }
            double z = b;
            for (int j = 0; j < p; j++) {
                z += data[i * p + j] * w[j];
            }
            if ((y[i] == 1 ? z : -z) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** A learner fitting with these options, for cross-validation and grid search. */
    public static Learner learner(LogisticOptions options) {
        Objects.requireNonNull(options, "options");
        return (x, y, listener) -> fit(x, y, null, options, listener);
    }
}
