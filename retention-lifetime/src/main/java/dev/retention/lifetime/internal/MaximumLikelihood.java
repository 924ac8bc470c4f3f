package dev.retention.lifetime.internal;

import dev.retention.model.DataFingerprint;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import dev.retention.optim.DifferentiableFunction;
import dev.retention.optim.FiniteDifferences;
import dev.retention.optim.IterationListener;
import dev.retention.optim.Lbfgs;
import dev.retention.optim.LbfgsOptions;
import dev.retention.optim.NelderMead;
import dev.retention.optim.NelderMeadOptions;
import dev.retention.optim.ObjectiveFunction;
import dev.retention.optim.OptimizationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maximum likelihood over positive parameters, shared by the lifetime models: the search runs in the
 * log-parameters {@code phi = ln theta}, so every step stays in the domain, on the mean negative
 * log-likelihood plus the L2 penalty of lifetimes ({@code penalizer * sum theta^2}), which makes the
 * tolerances independent of the number of customers. Models with an analytic gradient use L-BFGS
 * ({@link Lbfgs}); the Pareto/NBD, whose gradient would need derivatives of 2F1 in its parameters, uses
 * Nelder-Mead ({@link NelderMead}) restarted from its result until a restart no longer improves it. Standard
 * errors come from the Hessian of the total penalized negative log-likelihood in {@code phi} (central
 * differences of the analytic gradient, or of values), inverted by Cholesky, and the delta method.
 *
 * <p>The outcome is a {@link Fit}: the estimates, their standard errors, the log-likelihood, and a core
 * {@link FitSummary} (iterations, the objective per iteration, convergence and why, choices, warnings, time, the
 * data's fingerprint). Its verdict is a WARNING, naming the parameter, when an estimate ran to the edge of the
 * parameter space ({@link #EDGE} times beyond its data-based start: the likelihood keeps rising towards a limit
 * of the model, so the parameter is not identified) or a standard error cannot be estimated (the Hessian is not
 * positive definite); UNUSABLE when a parameter or the log-likelihood is not finite. Every fit logs one INFO
 * line, and a WARN line with the reasons unless the verdict is FINE; the optimizers log each iteration at DEBUG.
 * The fit's {@link FitControl} hears every optimizer iteration and may cancel between them.
 */
public final class MaximumLikelihood {

    /**
     * How far an estimate may move from its start, as a factor either way, before it counts as having run to the
     * edge of the parameter space. The starts are set from the data (a purchase rate from the mean frequency and
     * age, a spend scale from the mean spend, shapes of order 1), so an estimate four orders of magnitude away
     * from them, such as the BG/NBD's {@code a = 6.5e-7, b = 22,188} on Online Retail, is the search following a
     * limit of the model (there: no customer ever drops out) rather than a value the data pin down.
     */
    public static final double EDGE = 1e4;

    /**
     * The search box: each parameter stays within this factor of its start either way (and within
     * [{@link Checks#PARAMETER_MIN}, {@link Checks#PARAMETER_MAX}]), where the objective is {@code +Infinity}.
     * A likelihood that keeps rising towards a limit of the model (identical customers, nobody dropping out)
     * would otherwise lead the search on for ever, to values where every evaluation costs more; an estimate
     * that ends on the box is the box's, not the data's, and makes the fit UNUSABLE.
     */
    public static final double SEARCH_RANGE = 1e8;

    /** The objective's name in the fit summary. */
    public static final String OBJECTIVE = "mean penalized negative log-likelihood";

    private static final Logger LOG = LoggerFactory.getLogger(MaximumLikelihood.class);

    /** A total log-likelihood in the natural parameters. */
    @FunctionalInterface
    public interface LogLikelihood {
        /**
         * The total log-likelihood.
         *
         * @param theta    read: the parameters, all positive
         * @param gradient written when not null: the gradient with respect to {@code theta}
         * @return the total log-likelihood; NaN or infinite where the parameters are extreme
         */
        double value(double[] theta, double[] gradient);
    }

    /**
     * What to fit.
     */
    public static final class Problem {
        private final String model;
        private final List<String> names;
        private final double[] start;
        private final int customers;
        private final double penalizer;
        private final Object options;
        private final DataFingerprint data;
        private final List<String> choices;
        private final List<String> warnings;
        private int[] degenerateLimit;
        private String degenerateMeaning;
        private int atMostIndex = -1;
        private double atMostBound;
        private String atMostMeaning;

        /**
         * Declares the limit of the model in which its predictions are set by construction rather than by the data:
         * parameter {@code low} running to the edge below its start while {@code high} runs to the edge above it
         * (the BG/NBD's a -> 0 with b -> infinity, where nobody ever drops out and every P(alive) is 1). A fit that
         * ends there is UNUSABLE, with {@code meaning} as the reason.
         *
         * @return this problem
         */
        public Problem degenerateWhen(int low, int high, String meaning) {
            this.degenerateLimit = new int[] {low, high};
            this.degenerateMeaning = Objects.requireNonNull(meaning, "meaning");
            return this;
        }

        /**
         * Declares that an estimate of parameter {@code index} at or below {@code bound} leaves the model without the
         * quantity it exists for (Gamma-Gamma's {@code q <= 1}: the mean spend {@code p v / (q - 1)} does not
         * exist). A fit that ends there is UNUSABLE, with the value and {@code meaning} as the reason.
         *
         * @return this problem
         */
        public Problem unusableAtMost(int index, double bound, String meaning) {
            Objects.checkIndex(index, start.length);
            this.atMostIndex = index;
            this.atMostBound = bound;
            this.atMostMeaning = Objects.requireNonNull(meaning, "meaning");
            return this;
        }

        /** Copies the start and checks the lengths. */
        public Problem(String model, List<String> names, double[] start, int customers, double penalizer,
                       Object options, DataFingerprint data, List<String> choices, List<String> warnings) {
            Objects.requireNonNull(model, "model");
            names = List.copyOf(names);
            start = start.clone();
            if (names.size() != start.length) {
                throw new IllegalArgumentException(names.size() + " names for " + start.length + " parameters");
            }
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(data, "data");
            choices = List.copyOf(choices);
            warnings = List.copyOf(warnings);

            this.model = model;
            this.names = names;
            this.start = start;
            this.customers = customers;
            this.penalizer = penalizer;
            this.options = options;
            this.data = data;
            this.choices = choices;
            this.warnings = warnings;
        }

        /** The start; a copy. */
        public double[] start() {
            return start.clone();
        }

        /**
         * The lower ends of the search box: {@link #SEARCH_RANGE} times below the start, and not below
         * {@link Checks#PARAMETER_MIN} (unless the start is: a spend scale in a currency of tiny units).
         */
        double[] lower() {
            double[] lo = new double[start.length];
            for (int i = 0; i < lo.length; i++) {
                lo[i] = Math.max(Math.min(Checks.PARAMETER_MIN, start[i]), start[i] / SEARCH_RANGE);
            }
            return lo;
        }

        /**
         * The upper ends of the search box: {@link #SEARCH_RANGE} times above the start, and not above
         * {@link Checks#PARAMETER_MAX} (unless the start is).
         */
        double[] upper() {
            double[] hi = new double[start.length];
            for (int i = 0; i < hi.length; i++) {
                hi[i] = Math.min(Math.max(Checks.PARAMETER_MAX, start[i]), start[i] * SEARCH_RANGE);
            }
            return hi;
        }

        /** The model's name, such as {@code "BG/NBD"}; the algorithm of the fit summary. */
        public String model() {
            return model;
        }

        /** The parameter names, in the order of {@code start}. */
        public List<String> names() {
            return names;
        }

        /** The customers the likelihood sums over, {@code >= 1}. */
        public int customers() {
            return customers;
        }

        /** The L2 penalizer, {@code >= 0}. */
        public double penalizer() {
            return penalizer;
        }

        /** The learner's options, recorded as text in the fit summary. */
        public Object options() {
            return options;
        }

        /** The fingerprint of the training data. */
        public DataFingerprint data() {
            return data;
        }

        /** The learner's own choice lines for the fit summary (what it computed and why). */
        public List<String> choices() {
            return choices;
        }

        /** The learner's own warnings about the data (a model assumption the data contradict). */
        public List<String> warnings() {
            return warnings;
        }
    }

    /**
     * The outcome of a fit.
     */
    public static final class Fit {
        private final double[] theta;
        private final double[] standardErrors;
        private final double logLikelihood;
        private final int evaluations;
        private final FitSummary summary;

        /** Copies the arrays. */
        public Fit(double[] theta, double[] standardErrors, double logLikelihood, int evaluations,
                   FitSummary summary) {
            theta = theta.clone();
            standardErrors = standardErrors.clone();

            this.theta = theta;
            this.standardErrors = standardErrors;
            this.logLikelihood = logLikelihood;
            this.evaluations = evaluations;
            this.summary = summary;
        }

        /** The estimates; a copy. */
        public double[] theta() {
            return theta.clone();
        }

        /** The standard errors; a copy. */
        public double[] standardErrors() {
            return standardErrors.clone();
        }

        /** The log-likelihood at the estimates, without the penalty ({@code -Infinity} if it is not finite, which makes the fit unusable). */
        public double logLikelihood() {
            return logLikelihood;
        }

        /** Likelihood evaluations of the search. */
        public int evaluations() {
            return evaluations;
        }

        /** The fit summary. */
        public FitSummary summary() {
            return summary;
        }
    }

    private MaximumLikelihood() {
    }

    /**
     * L-BFGS with the analytic gradient, from {@link Problem#start()}. O(iterations) likelihood evaluations plus
     * {@code 2 p} for the Hessian.
     *
     * @param problem       what to fit
     * @param ll            the log-likelihood and its gradient
     * @param maxIterations the iteration limit, {@code >= 1}
     * @param tolerance     the gradient tolerance of the mean objective in the log-parameters
     * @param control       hears every iteration; may cancel between them
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static Fit withGradient(Problem problem, LogLikelihood ll, int maxIterations, double tolerance,
                                   FitControl control) {
        long start = System.nanoTime();
        int p = problem.start.length;
        int customers = problem.customers;
        String stage = problem.model + " L-BFGS";
        control.checkCancelled(stage, 0);
        DifferentiableFunction objective = meanObjective(ll, customers, problem.penalizer, problem.lower(), problem.upper());
        LbfgsOptions options = LbfgsOptions.defaults().withMaxIterations(maxIterations)
                .withMaxEvaluations(Math.max(100, 20 * maxIterations)).withGradientTolerance(tolerance)
                .withRelativeTolerance(1e-15);
        IterationListener listener = (k, value, norm) -> control.step(stage, k, maxIterations, value);
        OptimizationResult result = Lbfgs.minimize(objective, log(problem.start), options, listener);
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
        FitSummary.Builder b = FitSummary.builder(problem.model)
                .choice(startChoice(problem))
                .choice(String.format(Locale.ROOT, "L-BFGS in the log-parameters with the analytic gradient: %d "
                        + "likelihood evaluations", result.evaluations()))
                .iterations(result.iterations())
                .objective(OBJECTIVE, result.history())
                .converged(result.converged(), result.message());
        return finish(problem, ll, theta, se, result.evaluations(), b, result.message(), start);
    }

    /**
     * Iterations over which Nelder-Mead's best value must improve by more than its value tolerance, or the search
     * stops as stalled (50 per parameter of the four-parameter Pareto/NBD): on 40 identical customers the simplex
     * crawled along a flat valley for the whole 10,000-iteration budget (about 30 s) without changing the answer.
     */
    static final int NO_PROGRESS_ITERATIONS = 200;

    /**
     * Nelder-Mead on values from {@link Problem#start()}, restarted from its result (at most 10 times) while that
     * improves the objective by more than {@code 1e-4} of the tolerance; a search that stalls ({@value
     * #NO_PROGRESS_ITERATIONS} iterations without the best value improving by its value tolerance, or a collapsed
     * simplex) is not restarted, and the summary says so with a warning. O(iterations) likelihood evaluations plus
     * {@code 2 p^2 + 1} for the Hessian.
     *
     * @param problem       what to fit
     * @param ll            the log-likelihood (its gradient argument is always null)
     * @param maxIterations the iteration limit over all restarts, {@code >= 1}
     * @param tolerance     the simplex size at which Nelder-Mead stops; its value tolerance is {@code 1e-4} of it
     * @param control       hears every iteration; may cancel between them
     * @throws java.util.concurrent.CancellationException if the control cancels the fit
     */
    public static Fit withoutGradient(Problem problem, LogLikelihood ll, int maxIterations, double tolerance,
                                      FitControl control) {
        long start = System.nanoTime();
        int customers = problem.customers;
        String stage = problem.model + " Nelder-Mead";
        control.checkCancelled(stage, 0);
        DifferentiableFunction objective = meanObjective(ll, customers, problem.penalizer, problem.lower(), problem.upper());
        ObjectiveFunction values = x -> objective.valueAndGradient(x, null);
        NelderMeadOptions options = NelderMeadOptions.defaults().withMaxIterations(maxIterations)
                .withMaxEvaluations(2 * maxIterations).withTolerances(tolerance, tolerance * 1e-4)
                .withNoProgressIterations(NO_PROGRESS_ITERATIONS);
        int[] before = {0};   // iterations of the earlier restarts, so that progress counts across them
        IterationListener listener = (k, value, norm) -> control.step(stage, before[0] + k, maxIterations, value);
        OptimizationResult result = NelderMead.minimize(values, log(problem.start), options, listener);
        int iterations = result.iterations();
        int evaluations = result.evaluations();
        double[] history = result.history();
        int restarts = 0;
        boolean stalled = result.stalled();
        for (int restart = 0; restart < 10 && iterations < maxIterations && !stalled; restart++) {
            before[0] = iterations;
            OptimizationResult again = NelderMead.minimize(values, result.x(),
                    options.withMaxIterations(maxIterations - iterations), listener);
            restarts++;
            iterations += again.iterations();
            evaluations += again.evaluations();
            double[] h = again.history();
            int old = history.length;
            history = Arrays.copyOf(history, old + h.length - 1);
            System.arraycopy(h, 1, history, old, h.length - 1);
            boolean improved = again.value() < result.value() - tolerance * 1e-4;
            stalled = again.stalled();
            if (again.value() <= result.value()) {
                result = again;
            }
            if (!improved) {
                break;
            }
        }
        double[] phi = result.x();
        double[] theta = exp(phi);
        double[] se = standardErrors(FiniteDifferences.hessian(x -> customers * values.value(x), phi), theta);
        boolean converged = result.converged() && iterations < maxIterations;
        String stop = result.message() + (converged ? "" : "; iteration limit " + maxIterations);
        FitSummary.Builder b = FitSummary.builder(problem.model)
                .choice(startChoice(problem))
                .choice(String.format(Locale.ROOT, "Nelder-Mead in the log-parameters, restarted %d time%s from its "
                        + "result: %d likelihood evaluations", restarts, restarts == 1 ? "" : "s", evaluations))
                .iterations(iterations)
                .objective(OBJECTIVE, history)
                .converged(converged, stop);
        if (stalled) {
            b.warning("the search stopped without progress (" + stop + "): the likelihood is flat along some "
                    + "direction, so the data do not pin the estimates down");
        }
        return finish(problem, ll, theta, se, evaluations, b, stop, start);
    }

    /** The log-likelihood at the estimates, the warnings, the summary and the log lines. */
    private static Fit finish(Problem problem, LogLikelihood ll, double[] theta, double[] se, int evaluations,
                              FitSummary.Builder b, String stopReason, long startNanos) {
        double logLik = ll.value(theta, null);
        b.choice("standard errors from the central-difference Hessian of the penalized negative log-likelihood in "
                + "the log-parameters, by the delta method");
        for (String c : problem.choices) {
            b.choice(c);
        }
        for (String w : problem.warnings) {
            b.warning(w);
        }
        List<String> names = problem.names;
        List<String> notIdentified = new ArrayList<>();
        List<String> atEdge = new ArrayList<>();
        double[] lower = problem.lower();
        double[] upper = problem.upper();
        for (int i = 0; i < theta.length; i++) {
            String name = names.get(i);
            double v = theta[i];
            if (!(v > 0) || Double.isInfinite(v)) {
                b.unusable(name + " = " + v + " is not a finite positive number");
                continue;
            }
            double s = problem.start[i];
            if (v >= upper[i] / 1.001 || v <= lower[i] * 1.001) {
                b.unusable(String.format(Locale.ROOT, "%s = %s reached the end of the search box [%s, %s]: the "
                        + "likelihood keeps rising towards a limit of the model, and the estimate is the box's, not "
                        + "the data's", name, compact(v), compact(lower[i]), compact(upper[i])));
                atEdge.add(name);
            } else if (v > EDGE * s || v < s / EDGE) {
                atEdge.add(name);
                b.warning(String.format(Locale.ROOT, "%s = %s ran to the edge of the parameter space (more than "
                        + "%,.0f times %s its start %s): the likelihood keeps rising towards a limit of the model, so "
                        + "%s is not identified by the data", name, compact(v), EDGE, v > s ? "above" : "below",
                        compact(s), name));
            }
            if (Double.isInfinite(se[i])) {
                notIdentified.add(name);
            }
        }
        if (!notIdentified.isEmpty()) {
            b.warning("the standard error" + (notIdentified.size() == 1 ? " of " : "s of ")
                    + String.join(", ", notIdentified) + " cannot be estimated: the Hessian of the negative log-likelihood is not positive definite there");
        }
        if (!atEdge.isEmpty()) {
            // a search that follows the likelihood to a limit of the model has not found a maximum
            b.converged(false, stopReason + "; but " + String.join(", ", atEdge) + " ran to the edge of the parameter "
                    + "space, so no maximum was found");
            int[] pair = problem.degenerateLimit;
            if (pair != null && theta[pair[0]] < problem.start[pair[0]] / EDGE
                    && theta[pair[1]] > problem.start[pair[1]] * EDGE) {
                b.unusable(problem.degenerateMeaning);
            }
        }
        if (problem.atMostIndex >= 0 && theta[problem.atMostIndex] <= problem.atMostBound) {
            b.unusable(names.get(problem.atMostIndex) + " = " + compact(theta[problem.atMostIndex]) + " <= "
                    + compact(problem.atMostBound) + ": " + problem.atMostMeaning);
        }
        if (Double.isNaN(logLik) || logLik == Double.POSITIVE_INFINITY) {
            b.unusable("the log-likelihood at the estimates is " + logLik);
            logLik = Double.NEGATIVE_INFINITY;
        } else if (logLik == Double.NEGATIVE_INFINITY) {
            b.unusable("the log-likelihood at the estimates is -Infinity");
        }
        FitSummary summary = b.options(problem.options).data(problem.data).secondsSince(startNanos).build();
        log(problem, summary, evaluations, logLik, theta);
        return new Fit(theta, se, logLik, evaluations, summary);
    }

    private static String startChoice(Problem problem) {
        StringBuilder sb = new StringBuilder("start from the data's means:");
        for (int i = 0; i < problem.start.length; i++) {
            sb.append(i == 0 ? " " : ", ").append(problem.names.get(i)).append(" = ")
                    .append(compact(problem.start[i]));
        }
        return sb.toString();
    }

    /** Six significant digits without trailing zeros: {@code 1}, {@code 38.9677}, {@code 2.14937e+07}. */
    static String compact(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    /** The INFO milestone of a fit, and a WARN line with the reasons of a verdict other than FINE. */
    private static void log(Problem problem, FitSummary f, int evaluations, double logLik, double[] theta) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} fit on {} customers: {} after {} iterations ({} evaluations, {} s), log-likelihood {}, "
                    + "parameters {}, verdict {}", problem.model, problem.customers,
                    f.converged() ? "converged" : "NOT converged", f.iterations(), evaluations, f.seconds(), logLik,
                    Arrays.toString(theta), f.verdict());
        }
        f.logVerdict(MaximumLikelihood.class);
    }

    /** f(phi) = -LL(e^phi) / n + penalizer sum e^(2 phi), and its gradient in phi. */
    private static DifferentiableFunction meanObjective(LogLikelihood ll, int customers, double penalizer,
                                                       double[] lower, double[] upper) {
        return (phi, gradient) -> {
            int p = phi.length;
            double[] theta = exp(phi);
            for (int i = 0; i < p; i++) {
                if (!(theta[i] >= lower[i] && theta[i] <= upper[i])) {
                    return Double.POSITIVE_INFINITY;    // outside the search box: a step too long for the optimizers
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
     * not finite. O(p^3).
     *
     * @param hessian read: the Hessian in the log-parameters
     * @param theta   read: the estimates
     */
    public static double[] standardErrors(double[][] hessian, double[] theta) {
        int p = theta.length;
        double[] se = new double[p];
        double[][] inverse = Cholesky.inverse(hessian);
        for (int i = 0; i < p; i++) {
            double v = inverse == null ? Double.NaN : inverse[i][i];
            se[i] = v > 0 && Double.isFinite(v) ? theta[i] * Math.sqrt(v) : Double.POSITIVE_INFINITY;
        }
        return se;
    }

    private static double[] log(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static double[] exp(double[] v) {
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
