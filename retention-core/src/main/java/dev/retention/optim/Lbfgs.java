package dev.retention.optim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Limited-memory BFGS for smooth unconstrained minimization, and its orthant-wise variant OWL-QN for
 * objectives with an added weighted L1 penalty.
 *
 * <p><b>L-BFGS</b> (Liu and Nocedal 1989; Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * Algorithm 7.4 and 7.5): the search direction is {@code -H g} from the two-loop recursion over the last
 * {@code m} pairs {@code (s, y)}, with the initial matrix scaled by {@code s'y / y'y}; the step satisfies
 * the strong Wolfe conditions ({@code c1 = 1e-4}, {@code c2 = 0.9}; Algorithms 3.5 and 3.6 with cubic
 * interpolation). A pair is kept only when {@code s'y > 1e-10 * y'y}, so the implicit Hessian stays
 * positive definite. Stops, like SciPy's L-BFGS-B, when the largest absolute gradient component is at
 * most {@link LbfgsOptions#gradientTolerance()} or the relative decrease of the objective is at most
 * {@link LbfgsOptions#relativeTolerance()}. When no step decreases the objective any more, the point
 * counts as converged if the decrease the quasi-Newton model predicts ({@code -g'd / 2}) is below
 * {@code 1e-12 * max(1, |f|)}, the rounding level of a typical objective: the optimum is then reached to
 * working precision (SciPy reports this case as an abnormal line-search termination). Otherwise the
 * result is not converged.
 *
 * <p><b>OWL-QN</b> (Andrew and Gao, "Scalable training of L1-regularized log-linear models", ICML 2007)
 * minimizes {@code f(x) + sum_i w_i |x_i|} for a smooth {@code f}: it uses the pseudo-gradient, keeps
 * each step inside the orthant of the current point (components that would change sign are set to
 * zero) and backtracks on the Armijo condition. The correction pairs use the gradients of {@code f}
 * alone. Weights {@code w_i = 0} leave a coordinate unpenalized (an intercept).
 *
 * <p>Cost per iteration: O(m n) arithmetic plus the function evaluations of the line search (usually
 * one); memory O(m n). Deterministic. The objective never rises from one iteration to the next (see
 * {@link OptimizationResult#history()}). A non-finite value at a trial point counts as a step that is too
 * long; a non-finite value at the start is an error.
 */
public final class Lbfgs {

    private static final Logger LOG = LoggerFactory.getLogger(Lbfgs.class);
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    /** Relative size of a decrease below which the objective counts as flat to working precision. */
    private static final double FLAT = 1e-12;

    private Lbfgs() {
    }

    /**
     * Minimizes a smooth function.
     *
     * @param f       the objective and its gradient
     * @param x0      the starting point; read, not modified; must be finite
     * @param options limits and tolerances
     * @return the best point found; {@code converged() == false} if a limit stopped the search
     * @throws IllegalArgumentException if {@code x0} is empty or not finite, or {@code f} is not finite at {@code x0}
     */
    public static OptimizationResult minimize(DifferentiableFunction f, double[] x0, LbfgsOptions options) {
        return run(f, null, x0, options, null);
    }

    /**
     * Minimizes a smooth function, telling {@code listener} about every iteration.
     *
     * @param f        the function and its gradient
     * @param x0       read, not modified: the starting point
     * @param options  limits and tolerances
     * @param listener told after each accepted iteration; {@code null} for none
     * @return the minimum found, its value, gradient and why the search stopped
     * @see #minimize(DifferentiableFunction, double[], LbfgsOptions)
     */
    public static OptimizationResult minimize(DifferentiableFunction f, double[] x0, LbfgsOptions options,
                                              IterationListener listener) {
        return run(f, null, x0, options, listener);
    }

    /**
     * Minimizes {@code f(x) + sum_i l1Weights[i] * |x_i|} by OWL-QN.
     *
     * @param f         the smooth part and its gradient
     * @param l1Weights read, copied: the L1 weight of each coordinate, finite and &gt;= 0 (0 = unpenalized)
     * @param x0        the starting point; read, not modified; must be finite
     * @param options   limits and tolerances (the gradient tolerance applies to the pseudo-gradient)
     * @return the best point found; its value and gradient are those of the whole penalized objective
     *         (the pseudo-gradient)
     * @throws IllegalArgumentException if the lengths differ, a weight is negative or not finite, or as {@link #minimize}
     */
    public static OptimizationResult minimizeL1(DifferentiableFunction f, double[] l1Weights, double[] x0,
                                                LbfgsOptions options) {
        return minimizeL1(f, l1Weights, x0, options, null);
    }

    /**
     * Minimizes {@code f(x) + sum_i l1Weights[i] * |x_i|} by OWL-QN, telling {@code listener} about every
     * iteration.
     *
     * @param f         the smooth part and its gradient
     * @param l1Weights read, copied: the L1 weight of each coordinate, finite and &gt;= 0 (0 = unpenalized)
     * @param x0        read, not modified: the starting point
     * @param options   limits and tolerances
     * @param listener told after each accepted iteration; {@code null} for none
     * @return the minimum found, its value, gradient and why the search stopped
     * @see #minimizeL1(DifferentiableFunction, double[], double[], LbfgsOptions)
     */
    public static OptimizationResult minimizeL1(DifferentiableFunction f, double[] l1Weights, double[] x0,
                                                LbfgsOptions options, IterationListener listener) {
        Objects.requireNonNull(l1Weights, "l1Weights");
        if (l1Weights.length != x0.length) {
            throw new IllegalArgumentException("l1Weights has length " + l1Weights.length + ", x0 has length "
                    + x0.length);
        }
        for (int i = 0; i < l1Weights.length; i++) {
            if (!(l1Weights[i] >= 0) || Double.isInfinite(l1Weights[i])) {
                throw new IllegalArgumentException("l1Weights[" + i + "] must be finite and >= 0, got " + l1Weights[i]);
            }
        }
        return run(f, l1Weights.clone(), x0, options, listener);
    }

    private static OptimizationResult run(DifferentiableFunction f, double[] l1, double[] x0, LbfgsOptions opt,
                                          IterationListener listener) {
        Objects.requireNonNull(f, "f");
        requireFiniteStart(x0);
        Objects.requireNonNull(opt, "options");
        int n = x0.length;
        State s = new State(f, l1, n, opt, listener);
        System.arraycopy(x0, 0, s.x, 0, n);
        s.fx = s.evaluate(s.x, s.g);
        if (!Double.isFinite(s.fx)) {
            throw new IllegalArgumentException("the objective is not finite at x0: " + s.fx);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(s.g[i])) {
                throw new IllegalArgumentException("the gradient is not finite at x0: component " + i + " is " + s.g[i]);
            }
        }
        return s.solve();
    }

    /** Checks a starting point: at least one coordinate, all finite. */
    static void requireFiniteStart(double[] x0) {
        Objects.requireNonNull(x0, "x0");
        if (x0.length == 0) {
            throw new IllegalArgumentException("x0 must have at least one coordinate, got 0");
        }
        for (int i = 0; i < x0.length; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("x0[" + i + "] must be finite, got " + x0[i]);
            }
        }
    }

    /** The mutable state of one run. */
    private static final class State {
        final DifferentiableFunction f;
        final double[] l1;           // null for smooth problems
        final int n;
        final LbfgsOptions opt;
        final IterationListener listener;
        final int m;
        final double[][] sMem;
        final double[][] yMem;
        final double[] rho;
        final double[] alpha;
        int pairs;
        int newest = -1;

        final double[] x;
        final double[] g;            // gradient of the smooth part
        final double[] pg;           // pseudo-gradient (== g when l1 == null)
        final double[] d;
        final double[] xTrial;
        final double[] gTrial;
        final double[] xBest;
        final double[] gBest;
        final double[] orthant;
        double fx;                   // full objective (smooth part + L1 term)
        double predicted = Double.POSITIVE_INFINITY;
        int evaluations;
        double[] history = new double[64];
        int historySize;

        State(DifferentiableFunction f, double[] l1, int n, LbfgsOptions opt, IterationListener listener) {
            this.f = f;
            this.listener = listener;
            this.l1 = l1;
            this.n = n;
            this.opt = opt;
            this.m = opt.memory();
            sMem = new double[m][n];
            yMem = new double[m][n];
            rho = new double[m];
            alpha = new double[m];
            x = new double[n];
            g = new double[n];
            pg = new double[n];
            d = new double[n];
            xTrial = new double[n];
            gTrial = new double[n];
            xBest = new double[n];
            gBest = new double[n];
            orthant = new double[n];
        }

        /** Full objective at p, smooth gradient into grad. */
        double evaluate(double[] p, double[] grad) {
            evaluations++;
            double v = f.valueAndGradient(p, grad);
            if (l1 != null) {
                double pen = 0;
                for (int i = 0; i < n; i++) {
                    pen += l1[i] * Math.abs(p[i]);
                }
                v += pen;
            }
            return v;
        }

        void record(double v) {
            if (historySize == history.length) {
                history = Arrays.copyOf(history, historySize * 2);
            }
            history[historySize++] = v;
        }

        OptimizationResult solve() {
            record(fx);
            pseudoGradient(x, g, pg);
            double pgNorm = infNorm(pg);
            if (pgNorm <= opt.gradientTolerance()) {
                return result(0, true, gradientMessage(pgNorm));
            }
            int iter = 0;
            boolean resetOnce = false;
            while (true) {
                if (iter >= opt.maxIterations()) {
                    return result(iter, false, "iteration limit " + opt.maxIterations() + " reached");
                }
                if (evaluations >= opt.maxEvaluations()) {
                    return result(iter, false, "evaluation limit " + opt.maxEvaluations() + " reached");
                }
                direction();
                double slope = dot(pg, d);
                if (!(slope < 0)) {      // not a descent direction: restart from steepest descent
                    clearMemory();
                    direction();
                    slope = dot(pg, d);
                    if (!(slope < 0)) {
                        return result(iter, true, "no descent direction: the (pseudo-)gradient is zero");
                    }
                }
                double step0 = pairs == 0 ? Math.min(1.0, 1.0 / norm2(d)) : 1.0;
                double fNew = l1 == null ? wolfeSearch(step0, slope) : orthantSearch(step0);
                if (Double.isNaN(fNew)) {
                    // the decrease the model predicts for its own step (half the Newton decrement)
                    predicted = Math.min(predicted, -0.5 * slope * step0);
                    if (pairs > 0 && !resetOnce) {
                        resetOnce = true;   // one retry along steepest descent with a fresh memory
                        clearMemory();
                        continue;
                    }
                    double flat = FLAT * Math.max(1.0, Math.abs(fx));
                    if (predicted <= flat) {
                        return result(iter, true, String.format(Locale.ROOT, "objective flat to working precision: "
                                + "predicted decrease %.3g <= %.3g", predicted, flat));
                    }
                    return result(iter, false, String.format(Locale.ROOT,
                            "line search found no decrease (predicted decrease %.3g)", predicted));
                }
                resetOnce = false;
                predicted = Double.POSITIVE_INFINITY;
                iter++;
                // correction pair from the accepted point (xBest, gBest); written only when kept, since the
                // next slot may still hold the oldest pair in use
                double sy = 0;
                double yy = 0;
                for (int i = 0; i < n; i++) {
                    double si = xBest[i] - x[i];
                    double yi = gBest[i] - g[i];
                    sy += si * yi;
                    yy += yi * yi;
                }
                if (sy > 1e-10 * yy && yy > 0) {
                    int slot = (newest + 1) % m;
                    double[] sv = sMem[slot];
                    double[] yv = yMem[slot];
                    for (int i = 0; i < n; i++) {
                        sv[i] = xBest[i] - x[i];
                        yv[i] = gBest[i] - g[i];
                    }
                    rho[slot] = 1.0 / sy;
                    newest = slot;
                    pairs = Math.min(pairs + 1, m);
                }
                double fOld = fx;
                System.arraycopy(xBest, 0, x, 0, n);
                System.arraycopy(gBest, 0, g, 0, n);
                fx = fNew;
                record(fx);
                pseudoGradient(x, g, pg);
                pgNorm = infNorm(pg);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("iteration {}: f = {}, |g|inf = {}", iter, fx, pgNorm);
                }
                if (listener != null) {
                    listener.iteration(iter, fx, pgNorm);
                }
                if (pgNorm <= opt.gradientTolerance()) {
                    return result(iter, true, gradientMessage(pgNorm));
                }
                double rel = (fOld - fx) / Math.max(Math.max(Math.abs(fOld), Math.abs(fx)), 1.0);
                if (rel <= opt.relativeTolerance()) {
                    return result(iter, true, String.format(Locale.ROOT,
                            "relative decrease %.3g <= %.3g", rel, opt.relativeTolerance()));
                }
            }
        }

        String gradientMessage(double norm) {
            return String.format(Locale.ROOT, "%sgradient max-norm %.3g <= %.3g", l1 == null ? "" : "pseudo-",
                    norm, opt.gradientTolerance());
        }

        OptimizationResult result(int iterations, boolean converged, String message) {
            return new OptimizationResult(x, fx, pg, iterations, evaluations, converged, message,
                    Arrays.copyOf(history, historySize));
        }

        void clearMemory() {
            pairs = 0;
            newest = -1;
        }

        /** d = -H pg by the two-loop recursion; for OWL-QN, projected onto the descent orthant. */
        void direction() {
            System.arraycopy(pg, 0, d, 0, n);
            int idx = newest;
            for (int k = 0; k < pairs; k++) {
                double a = rho[idx] * dot(sMem[idx], d);
                alpha[idx] = a;
                axpy(-a, yMem[idx], d);
                idx = (idx - 1 + m) % m;
            }
            if (pairs > 0) {
                double[] yv = yMem[newest];
                double gamma = 1.0 / (rho[newest] * dot(yv, yv));
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
            }
            idx = (newest - pairs + 1 + m) % m;
            for (int k = 0; k < pairs; k++) {
                double b = rho[idx] * dot(yMem[idx], d);
                axpy(alpha[idx] - b, sMem[idx], d);
                idx = (idx + 1) % m;
            }
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            if (l1 != null) {
                for (int i = 0; i < n; i++) {
                    if (d[i] * pg[i] >= 0) {
                        d[i] = 0;
                    }
                }
            }
        }

        /** The pseudo-gradient of f + sum w|x| (Andrew and Gao, eq. 4); the gradient when l1 == null. */
        void pseudoGradient(double[] p, double[] grad, double[] out) {
            if (l1 == null) {
                System.arraycopy(grad, 0, out, 0, n);
                return;
            }
            for (int i = 0; i < n; i++) {
                double w = l1[i];
                if (p[i] > 0) {
                    out[i] = grad[i] + w;
                } else if (p[i] < 0) {
                    out[i] = grad[i] - w;
                } else if (grad[i] + w < 0) {
                    out[i] = grad[i] + w;
                } else if (grad[i] - w > 0) {
                    out[i] = grad[i] - w;
                } else {
                    out[i] = 0;
                }
            }
        }

        /**
         * Strong Wolfe line search along d (Nocedal and Wright, Algorithms 3.5 and 3.6). Leaves the accepted
         * point in xBest/gBest and returns its value, or NaN if no point with sufficient decrease was found.
         */
        double wolfeSearch(double step, double slope0) {
            double f0 = fx;
            double aPrev = 0;
            double fPrev = f0;
            double dPrev = slope0;
            double bestF = Double.NaN;
            int budget = opt.maxLineSearch();
            double a = step;
            for (int i = 0; i < budget && evaluations < opt.maxEvaluations(); i++) {
                double fa = trial(a);
                if (!Double.isFinite(fa)) {
                    a = aPrev + 0.5 * (a - aPrev);   // outside the domain: shorten
                    continue;
                }
                double da = dot(gTrial, d);
                boolean armijo = fa <= f0 + C1 * a * slope0;
                if (armijo && (Double.isNaN(bestF) || fa < bestF)) {
                    bestF = keep(fa);
                }
                if (!armijo || (i > 0 && fa >= fPrev)) {
                    return zoom(aPrev, fPrev, dPrev, a, fa, da, f0, slope0, budget - i - 1, bestF);
                }
                if (Math.abs(da) <= -C2 * slope0) {
                    return keep(fa);
                }
                if (da >= 0) {
                    return zoom(a, fa, da, aPrev, fPrev, dPrev, f0, slope0, budget - i - 1, bestF);
                }
                aPrev = a;
                fPrev = fa;
                dPrev = da;
                a = 2 * a;                              // still descending steeply: extrapolate
            }
            return bestF;
        }

        double zoom(double lo, double fLo, double dLo, double hi, double fHi, double dHi, double f0, double slope0,
                    int budget, double bestF) {
            for (int i = 0; i < budget && evaluations < opt.maxEvaluations(); i++) {
                double width = hi - lo;
                double a = cubicMin(lo, fLo, dLo, hi, fHi, dHi, lo + 0.5 * width);
                double min = Math.min(lo, hi);
                double max = Math.max(lo, hi);
                double margin = 0.1 * (max - min);
                if (!(a > min + margin && a < max - margin)) {
                    a = lo + 0.5 * width;
                }
                if (max - min < 1e-16 * Math.max(1, max)) {
                    break;
                }
                double fa = trial(a);
                if (!Double.isFinite(fa)) {
                    hi = a;
                    fHi = Double.NaN;
                    dHi = Double.NaN;
                    continue;
                }
                double da = dot(gTrial, d);
                boolean armijo = fa <= f0 + C1 * a * slope0;
                if (armijo && (Double.isNaN(bestF) || fa < bestF)) {
                    bestF = keep(fa);
                }
                if (!armijo || fa >= fLo) {
                    hi = a;
                    fHi = fa;
                    dHi = da;
                } else {
                    if (Math.abs(da) <= -C2 * slope0) {
                        return keep(fa);
                    }
                    if (da * (hi - lo) >= 0) {
                        hi = lo;
                        fHi = fLo;
                        dHi = dLo;
                    }
                    lo = a;
                    fLo = fa;
                    dLo = da;
                }
            }
            return bestF;   // the best point with sufficient decrease, if any (already kept)
        }

        /** Backtracking on the Armijo condition inside the current orthant (OWL-QN). */
        double orthantSearch(double step) {
            for (int i = 0; i < n; i++) {
                orthant[i] = x[i] != 0 ? Math.signum(x[i]) : Math.signum(-pg[i]);
            }
            double a = step;
            for (int i = 0; i < opt.maxLineSearch() && evaluations < opt.maxEvaluations(); i++) {
                for (int j = 0; j < n; j++) {
                    double v = x[j] + a * d[j];
                    xTrial[j] = Math.signum(v) == orthant[j] ? v : 0;
                }
                double fa = evaluate(xTrial, gTrial);
                if (Double.isFinite(fa)) {
                    double decrease = 0;
                    for (int j = 0; j < n; j++) {
                        decrease += pg[j] * (xTrial[j] - x[j]);
                    }
                    if (fa <= fx + C1 * decrease) {
                        return keep(fa);
                    }
                }
                a *= 0.5;
            }
            return Double.NaN;
        }

        /** Evaluates x + a d into xTrial/gTrial. */
        double trial(double a) {
            for (int i = 0; i < n; i++) {
                xTrial[i] = x[i] + a * d[i];
            }
            return evaluate(xTrial, gTrial);
        }

        double keep(double fa) {
            System.arraycopy(xTrial, 0, xBest, 0, n);
            System.arraycopy(gTrial, 0, gBest, 0, n);
            return fa;
        }
    }

    /**
     * The minimizer of the cubic interpolating (a, fa, da) and (b, fb, db); {@code fallback} when it does
     * not exist or an input is not finite (Nocedal and Wright, eq. 3.59).
     */
    static double cubicMin(double a, double fa, double da, double b, double fb, double db, double fallback) {
        if (!(Double.isFinite(fa) && Double.isFinite(fb) && Double.isFinite(da) && Double.isFinite(db)) || a == b) {
            return fallback;
        }
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (disc < 0) {
            return fallback;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        double denom = db - da + 2 * d2;
        if (denom == 0) {
            return fallback;
        }
        double r = b - (b - a) * (db + d2 - d1) / denom;
        return Double.isFinite(r) ? r : fallback;
    }

    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
        }
        if (i < n) {
            s0 += a[i] * b[i];
        }
        return s0 + s1;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double infNorm(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double norm2(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
