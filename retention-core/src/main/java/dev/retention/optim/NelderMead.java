package dev.retention.optim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The Nelder-Mead downhill simplex method (Nelder and Mead, "A simplex method for function
 * minimization", The Computer Journal 7(4), 1965), as SciPy implements it: reflection 1, expansion 2,
 * contraction 0.5, shrink 0.5 (or the adaptive coefficients of Gao and Han, "Implementing the
 * Nelder-Mead simplex algorithm with adaptive parameters", Computational Optimization and
 * Applications 51, 2012), an initial simplex of relative size {@link NelderMeadOptions#initialStep()},
 * and SciPy's stopping rule: every vertex within {@code xTolerance} of the best in every coordinate and
 * within {@code fTolerance} in value. Two stops SciPy lacks end a search that cannot or does not progress, not
 * converged and {@linkplain OptimizationResult#stalled() stalled}: a simplex collapsed to a point (every vertex
 * within four units in the last place of the best, where no step moves it), and, when
 * {@link NelderMeadOptions#noProgressIterations()} is set, a best value that improved by no more than
 * {@code fTolerance} over that many iterations (a flat valley the simplex crawls along).
 *
 * <p>Derivative-free and robust where the gradient is unavailable or unreliable; slow in high
 * dimensions. Each iteration costs one to {@code n + 2} evaluations and O(n^2) arithmetic; memory
 * O(n^2). A NaN value counts as {@code +Infinity}. Deterministic.
 */
public final class NelderMead {

    private NelderMead() {
    }

    /**
     * Minimizes a function from a starting point.
     *
     * @param f       the objective
     * @param x0      the starting point; read, not modified; must be finite
     * @param options limits, tolerances and the initial simplex size
     * @return the best vertex; {@code converged() == false} if a limit or a lack of progress stopped the search
     * @throws IllegalArgumentException if {@code x0} is empty or not finite, or {@code f(x0)} is not finite
     */
    public static OptimizationResult minimize(ObjectiveFunction f, double[] x0, NelderMeadOptions options) {
        return minimize(f, x0, options, null);
    }

    /**
     * Minimizes a function from a starting point, telling {@code listener} about every iteration (with the best
     * vertex's value and a gradient norm of NaN: the method uses no gradient). An exception thrown by the listener
     * (a fit's cancellation) ends the search and reaches the caller.
     *
     * @param f        the function
     * @param x0       read, not modified: the starting point
     * @param options  limits, tolerances and the initial simplex size
     * @param listener told after each iteration; {@code null} for none
     * @return the best vertex found, its value and why the search stopped
     * @see #minimize(ObjectiveFunction, double[], NelderMeadOptions)
     */
    public static OptimizationResult minimize(ObjectiveFunction f, double[] x0, NelderMeadOptions options,
                                              IterationListener listener) {
        Objects.requireNonNull(f, "f");
        Lbfgs.requireFiniteStart(x0);
        Objects.requireNonNull(options, "options");
        int n = x0.length;
        double rho = 1;
        double chi = options.adaptive() ? 1 + 2.0 / n : 2;
        double psi = options.adaptive() ? 0.75 - 1.0 / (2 * n) : 0.5;
        double sigma = options.adaptive() ? 1 - 1.0 / n : 0.5;
        int maxIter = options.maxIterations() > 0 ? options.maxIterations() : 200 * n;
        int maxEval = options.maxEvaluations() > 0 ? options.maxEvaluations() : 200 * n;
        double nonZeroStep = options.initialStep();
        double zeroStep = options.initialStep() * 0.005;

        double[][] sim = new double[n + 1][];
        double[] fsim = new double[n + 1];
        int[] evals = {0};
        sim[0] = x0.clone();
        fsim[0] = eval(f, sim[0], evals);
        if (!Double.isFinite(fsim[0])) {
            throw new IllegalArgumentException("the objective is not finite at x0: " + f.value(x0));
        }
        for (int k = 0; k < n; k++) {
            double[] y = x0.clone();
            y[k] = y[k] != 0 ? y[k] * (1 + nonZeroStep) : zeroStep;
            sim[k + 1] = y;
            fsim[k + 1] = eval(f, y, evals);
        }
        sort(sim, fsim);
        double[] history = new double[16];
        int hs = 0;
        history[hs++] = fsim[0];
        double[] xbar = new double[n];
        double[] xr = new double[n];
        double[] xe = new double[n];
        double[] xc = new double[n];
        int iterations = 0;
        boolean converged = false;
        boolean stalled = false;
        int window = options.noProgressIterations();
        String message;
        while (true) {
            double dx = 0;
            double df = 0;
            for (int j = 1; j <= n; j++) {
                df = Math.max(df, Math.abs(fsim[j] - fsim[0]));
                for (int i = 0; i < n; i++) {
                    dx = Math.max(dx, Math.abs(sim[j][i] - sim[0][i]));
                }
            }
            if (dx <= options.xTolerance() && df <= options.fTolerance()) {
                converged = true;
                message = String.format(Locale.ROOT, "simplex size %.3g <= %.3g and value spread %.3g <= %.3g",
                        dx, options.xTolerance(), df, options.fTolerance());
                break;
            }
            if (collapsed(sim)) {
                stalled = true;
                message = String.format(Locale.ROOT, "no progress: the simplex collapsed to a point (every vertex equal"
                        + " to the best to a few units in the last place) with a value spread %.3g > %.3g", df,
                        options.fTolerance());
                break;
            }
            if (window > 0 && hs > window && history[hs - 1 - window] - fsim[0] <= options.fTolerance()) {
                stalled = true;
                message = String.format(Locale.ROOT, "no progress: the best value improved by %.3g <= %.3g over the"
                        + " last %d iterations", history[hs - 1 - window] - fsim[0], options.fTolerance(), window);
                break;
            }
            if (iterations >= maxIter) {
                message = "iteration limit " + maxIter + " reached";
                break;
            }
            if (evals[0] >= maxEval) {
                message = "evaluation limit " + maxEval + " reached";
                break;
            }
            Arrays.fill(xbar, 0);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    xbar[i] += sim[j][i];
                }
            }
            for (int i = 0; i < n; i++) {
                xbar[i] /= n;
            }
            double[] worst = sim[n];
            combine(xbar, worst, 1 + rho, -rho, xr);
            double fxr = eval(f, xr, evals);
            boolean shrink = false;
            if (fxr < fsim[0]) {
                combine(xbar, worst, 1 + rho * chi, -rho * chi, xe);
                double fxe = eval(f, xe, evals);
                if (fxe < fxr) {
                    replaceWorst(sim, fsim, xe, fxe);
                } else {
                    replaceWorst(sim, fsim, xr, fxr);
                }
            } else if (fxr < fsim[n - 1]) {
                replaceWorst(sim, fsim, xr, fxr);
            } else if (fxr < fsim[n]) {
                combine(xbar, worst, 1 + psi * rho, -psi * rho, xc);   // outside contraction
                double fxc = eval(f, xc, evals);
                if (fxc <= fxr) {
                    replaceWorst(sim, fsim, xc, fxc);
                } else {
                    shrink = true;
                }
            } else {
                combine(xbar, worst, 1 - psi, psi, xc);                 // inside contraction
                double fxc = eval(f, xc, evals);
                if (fxc < fsim[n]) {
                    replaceWorst(sim, fsim, xc, fxc);
                } else {
                    shrink = true;
                }
            }
            if (shrink) {
                for (int j = 1; j <= n; j++) {
                    for (int i = 0; i < n; i++) {
                        sim[j][i] = sim[0][i] + sigma * (sim[j][i] - sim[0][i]);
                    }
                    fsim[j] = eval(f, sim[j], evals);
                }
            }
            iterations++;
            sort(sim, fsim);
            if (hs == history.length) {
                history = Arrays.copyOf(history, hs * 2);
            }
            history[hs++] = fsim[0];
            if (listener != null) {
                listener.iteration(iterations, fsim[0], Double.NaN);
            }
        }
        return new OptimizationResult(sim[0], fsim[0], null, iterations, evals[0], converged, message,
                Arrays.copyOf(history, hs), stalled);
    }

    /** Whether every vertex equals the best within four units in the last place: the simplex cannot move. */
    private static boolean collapsed(double[][] sim) {
        for (int j = 1; j < sim.length; j++) {
            for (int i = 0; i < sim[0].length; i++) {
                if (Math.abs(sim[j][i] - sim[0][i]) > 4 * Math.ulp(sim[0][i])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double eval(ObjectiveFunction f, double[] x, int[] evals) {
        evals[0]++;
        double v = f.value(x);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private static void combine(double[] a, double[] b, double wa, double wb, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = wa * a[i] + wb * b[i];
        }
    }

    private static void replaceWorst(double[][] sim, double[] fsim, double[] x, double fx) {
        int n = fsim.length - 1;
        System.arraycopy(x, 0, sim[n], 0, x.length);
        fsim[n] = fx;
    }

    /** Stable insertion sort of the vertices by value (n is small). */
    private static void sort(double[][] sim, double[] fsim) {
        for (int j = 1; j < fsim.length; j++) {
            double fv = fsim[j];
            double[] xv = sim[j];
            int k = j - 1;
            while (k >= 0 && fsim[k] > fv) {
                fsim[k + 1] = fsim[k];
                sim[k + 1] = sim[k];
                k--;
            }
            fsim[k + 1] = fv;
            sim[k + 1] = xv;
        }
    }
}
