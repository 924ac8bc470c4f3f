package dev.retention.lifetime;

import dev.retention.optim.DifferentiableFunction;
import dev.retention.optim.FiniteDifferences;
import dev.retention.optim.Lbfgs;
import dev.retention.optim.LbfgsOptions;
import dev.retention.optim.NelderMead;
import dev.retention.optim.NelderMeadOptions;
import dev.retention.optim.ObjectiveFunction;
import dev.retention.optim.OptimizationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Maximum likelihood over positive parameters, shared by the lifetime models: the search runs in the
 * log-parameters {@code phi = ln theta}, so every step stays in the domain, on the mean negative
 * log-likelihood plus the L2 penalty of lifetimes ({@code penalizer * sum theta^2}), which makes the
 * tolerances independent of the number of customers. Models with an analytic gradient use L-BFGS
 * ({@link Lbfgs}); the Pareto/NBD, whose gradient would need derivatives of 2F1 in its parameters, uses
 * Nelder-Mead ({@link NelderMead}) restarted from its result until a restart no longer improves it. Standard
 * errors come from the Hessian of the total penalized negative log-likelihood in {@code phi} (central
 * differences of the analytic gradient, or of values), inverted by Cholesky, and the delta method.
 */
final class MaximumLikelihood {

    private static final Logger LOG = LoggerFactory.getLogger(MaximumLikelihood.class);

    /** A total log-likelihood in the natural parameters. */
    interface LogLikelihood {
        /**
         * @param theta    read: the parameters, all positive
         * @param gradient written when not null: the gradient with respect to {@code theta}
         * @return the total log-likelihood; NaN or infinite where the parameters are extreme
         */
        double value(double[] theta, double[] gradient);
    }

    private MaximumLikelihood() {
    }

    /** The optimum and its summary. */
    record Fit(double[] theta, LifetimeFitSummary summary) {
    }

    /** L-BFGS with the analytic gradient. */
    static Fit withGradient(String model, String[] names, LogLikelihood ll, double[] theta0, int customers,
                            double penalizer, int maxIterations, double tolerance) {
        long start = System.nanoTime();
        int p = theta0.length;
        DifferentiableFunction objective = meanObjective(ll, customers, penalizer);
        LbfgsOptions options = LbfgsOptions.defaults().withMaxIterations(maxIterations)
                .withMaxEvaluations(Math.max(100, 20 * maxIterations)).withGradientTolerance(tolerance)
                .withRelativeTolerance(1e-15);
        OptimizationResult result = Lbfgs.minimize(objective, log(theta0), options);
        double[] phi = result.x();
        double[] theta = exp(phi);
        DifferentiableFunction total = (x, g) -> {
            double v = objective.valueAndGradient(x, g);
            for (int i = 0; i < p; i++) {
                g[i] *= customers;
            }
            return v * customers;
        };
        double[] se = standardErrors(FiniteDifferences.hessian(total, phi), theta);
        double logLik = ll.value(theta, null);
        LifetimeFitSummary summary = new LifetimeFitSummary(model, names, theta, se, logLik, customers, penalizer, result.iterations(),
                result.evaluations(), result.converged(), result.message(), result.history(),
                (System.nanoTime() - start) / 1e9);
        log(summary);
        return new Fit(theta, summary);
    }

    /** Nelder-Mead on values, restarted from its result while that improves the objective. */
    static Fit withoutGradient(String model, String[] names, LogLikelihood ll, double[] theta0, int customers,
                               double penalizer, int maxIterations, double tolerance) {
        long start = System.nanoTime();
        int p = theta0.length;
        DifferentiableFunction objective = meanObjective(ll, customers, penalizer);
        ObjectiveFunction values = x -> objective.valueAndGradient(x, null);
        NelderMeadOptions options = NelderMeadOptions.defaults().withMaxIterations(maxIterations)
                .withMaxEvaluations(2 * maxIterations).withTolerances(tolerance, tolerance * 1e-4);
        double[] phi = log(theta0);
        OptimizationResult result = NelderMead.minimize(values, phi, options);
        int iterations = result.iterations();
        int evaluations = result.evaluations();
        double[] history = result.history();
        for (int restart = 0; restart < 10 && iterations < maxIterations; restart++) {
            OptimizationResult again = NelderMead.minimize(values, result.x(),
                    options.withMaxIterations(maxIterations - iterations));
            iterations += again.iterations();
            evaluations += again.evaluations();
            double[] h = again.history();
            int old = history.length;
            history = Arrays.copyOf(history, old + h.length - 1);
            System.arraycopy(h, 1, history, old, h.length - 1);
            boolean improved = again.value() < result.value() - tolerance * 1e-4;
            if (again.value() <= result.value()) {
                result = again;
            }
            if (!improved) {
                break;
            }
        }
        phi = result.x();
        double[] theta = exp(phi);
        double[] se = standardErrors(FiniteDifferences.hessian(x -> customers * values.value(x), phi), theta);
        double logLik = ll.value(theta, null);
        boolean converged = result.converged() && iterations < maxIterations;
        LifetimeFitSummary summary = new LifetimeFitSummary(model, names, theta, se, logLik, customers, penalizer, iterations,
                evaluations, converged, result.message() + (converged ? "" : "; iteration limit " + maxIterations),
                history, (System.nanoTime() - start) / 1e9);
        log(summary);
        return new Fit(theta, summary);
    }

    /** The INFO milestone of a fit. */
    private static void log(LifetimeFitSummary f) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} fit on {} customers: {} after {} iterations ({} evaluations, {} s), log-likelihood {}, "
                    + "parameters {}", f.model(), f.customers(), f.converged() ? "converged" : "NOT converged",
                    f.iterations(), f.evaluations(), f.seconds(), f.logLikelihood(), Arrays.toString(f.estimates()));
        }
    }

    /** f(phi) = -LL(e^phi) / n + penalizer sum e^(2 phi), and its gradient in phi. */
    private static DifferentiableFunction meanObjective(LogLikelihood ll, int customers, double penalizer) {
        return (phi, gradient) -> {
            int p = phi.length;
            double[] theta = exp(phi);
            for (double v : theta) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    return Double.POSITIVE_INFINITY;    // outside the domain: a step too long for the optimizers
                }
            }
            double[] g = gradient == null ? null : new double[p];
            double value = ll.value(theta, g);
            double f = -value / customers;
            for (int i = 0; i < p; i++) {
                double t2 = theta[i] * theta[i];
                f += penalizer * t2;
                if (gradient != null) {
                    gradient[i] = -g[i] * theta[i] / customers + 2 * penalizer * t2;
                }
            }
            return f;
        };
    }

    /**
     * sqrt(diag(H^-1)) in phi, times theta (delta method); +Infinity everywhere if H is not positive definite or
     * not finite.
     */
    static double[] standardErrors(double[][] hessian, double[] theta) {
        int p = theta.length;
        double[] se = new double[p];
        double[][] inverse = Cholesky.inverse(hessian);
        for (int i = 0; i < p; i++) {
            double v = inverse == null ? Double.NaN : inverse[i][i];
            se[i] = v > 0 && Double.isFinite(v) ? theta[i] * Math.sqrt(v) : Double.POSITIVE_INFINITY;
        }
        return se;
    }

    static double[] log(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    static double[] exp(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.exp(v[i]);
        }
        return out;
    }

    /** The inverse of a small symmetric positive definite matrix by Cholesky factorization, O(p^3). */
    static final class Cholesky {
        private Cholesky() {
        }

        /** The inverse, or null if the matrix is not (numerically) positive definite or not finite. */
        static double[][] inverse(double[][] a) {
            int n = a.length;
            double[][] l = new double[n][n];
            for (int j = 0; j < n; j++) {
                double d = a[j][j];
                for (int k = 0; k < j; k++) {
                    d -= l[j][k] * l[j][k];
                }
                if (!(d > 0) || Double.isInfinite(d)) {
                    return null;
                }
                l[j][j] = Math.sqrt(d);
                for (int i = j + 1; i < n; i++) {
                    double s = a[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    l[i][j] = s / l[j][j];
                }
            }
            // inverse of L, then L^-T L^-1
            double[][] li = new double[n][n];
            for (int i = 0; i < n; i++) {
                li[i][i] = 1 / l[i][i];
                for (int j = 0; j < i; j++) {
                    double s = 0;
                    for (int k = j; k < i; k++) {
                        s -= l[i][k] * li[k][j];
                    }
                    li[i][j] = s / l[i][i];
                }
            }
            double[][] inv = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int k = i; k < n; k++) {
                        s += li[k][i] * li[k][j];
                    }
                    inv[i][j] = s;
                    inv[j][i] = s;
                }
            }
            return inv;
        }
    }
}
