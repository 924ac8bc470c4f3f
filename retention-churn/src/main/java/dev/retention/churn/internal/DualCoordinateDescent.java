package dev.retention.churn.internal;

import dev.retention.matrix.DenseMatrix;

import java.util.SplittableRandom;

/**
 * Dual coordinate descent for L2-regularised linear SVMs (Hsieh, Chang, Lin, Keerthi and Sundararajan,
 * "A dual coordinate descent method for large-scale linear SVM", ICML 2008), as LIBLINEAR's
 * {@code solve_l2r_l1l2_svc} (solvers 1 and 3) with its shrinking. The primal is
 * <pre>
 *   min_w  1/2 w'w + sum_i C_i xi_i,   xi_i = max(0, 1 - y_i w'x_i)      (hinge, "L1 loss")
 *                                       xi_i = max(0, 1 - y_i w'x_i)^2    (squared hinge, "L2 loss")
 * </pre>
 * with {@code y_i} in {-1, +1}; the dual variables are bounded by {@code C_i} (hinge) or carry a diagonal
 * term {@code 1/(2 C_i)} (squared hinge). An optional bias feature of constant value {@code bias} is
 * appended to every row (LIBLINEAR's {@code -B}, scikit-learn's {@code intercept_scaling}); its weight is
 * regularised like the others. Stops when the projected-gradient gap falls to {@code eps} on the full set.
 *
 * <p>Cost O(n p) per pass; memory O(n + p). The pass order is shuffled by the given stream.
 */
public final class DualCoordinateDescent {

    /** The outcome: the weights (bias weight last when a bias is used), passes and convergence. */
    public static final class Result {
        private final double[] w;
        private final int iterations;
        private final boolean converged;
        private final double gap;

        public Result(double[] w, int iterations, boolean converged, double gap) {
            this.w = w;
            this.iterations = iterations;
            this.converged = converged;
            this.gap = gap;
        }

        public double[] w() {
            return w;
        }

        public int iterations() {
            return iterations;
        }

        public boolean converged() {
            return converged;
        }

        public double gap() {
            return gap;
        }
    }

    private DualCoordinateDescent() {
    }

    /**
     * Solves the dual.
     *
     * @param x        read in place: the features
     * @param rows     read: the rows of {@code x} that make the problem, in order (a fold's training rows)
     * @param y        read: labels 0 or 1 (mapped to -1, +1), one per entry of {@code rows}
     * @param c        read: the cost {@code C_i} of each entry of {@code rows} (C times its weight), &gt; 0
     * @param squared  squared hinge instead of hinge
     * @param bias     the bias feature's value, or a negative number for no bias
     * @param eps      stopping tolerance on the projected-gradient gap
     * @param maxIter  pass limit
     * @param rnd      the shuffling stream
     */
    public static Result solve(DenseMatrix x, int[] rows, int[] y, double[] c, boolean squared, double bias, double eps,
                               int maxIter, SplittableRandom rnd) {
        int n = rows.length;
        int p = x.columns();
        boolean hasBias = bias >= 0;
        int m = hasBias ? p + 1 : p;
        double[] w = new double[m];
        double[] alpha = new double[n];
        double[] qd = new double[n];
        double[] upper = new double[n];
        double[] diag = new double[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            upper[i] = squared ? Double.POSITIVE_INFINITY : c[i];
            diag[i] = squared ? 0.5 / c[i] : 0;
            double s = diag[i];
            int off = rows[i] * p;
            for (int j = 0; j < p; j++) {
                s += x.valueAt(off + j) * x.valueAt(off + j);
            }
            if (hasBias) {
                s += bias * bias;
            }
            qd[i] = s;
            index[i] = i;
        }
        int active = n;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        int iter = 0;
        double gap = Double.POSITIVE_INFINITY;
        boolean converged = false;
        while (iter < maxIter) {
            double pgMaxNew = Double.NEGATIVE_INFINITY;
            double pgMinNew = Double.POSITIVE_INFINITY;
            for (int i = 0; i < active; i++) {
                int j = i + rnd.nextInt(active - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < active; s++) {
                int i = index[s];
                double yi = y[i] == 1 ? 1 : -1;
                int off = rows[i] * p;
                double dot = 0;
                for (int j = 0; j < p; j++) {
                    dot += w[j] * x.valueAt(off + j);
                }
                if (hasBias) {
                    dot += w[p] * bias;
                }
                double g = yi * dot - 1 + alpha[i] * diag[i];
                double cu = upper[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else if (alpha[i] == cu) {
                    if (g < pgMinOld) {
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    } else if (g > 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                pgMaxNew = Math.max(pgMaxNew, pg);
                pgMinNew = Math.min(pgMinNew, pg);
                if (Math.abs(pg) > 1e-12 && qd[i] > 0) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(alpha[i] - g / qd[i], 0.0), cu);
                    double d = (alpha[i] - old) * yi;
                    for (int j = 0; j < p; j++) {
                        w[j] += d * x.valueAt(off + j);
                    }
                    if (hasBias) {
                        w[p] += d * bias;
                    }
                }
            }
            iter++;
            gap = pgMaxNew - pgMinNew;
            if (gap <= eps) {
                if (active == n) {
                    converged = true;
                    break;
                }
                active = n;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMaxNew;
            pgMinOld = pgMinNew;
            if (pgMaxOld <= 0) {
                pgMaxOld = Double.POSITIVE_INFINITY;
            }
            if (pgMinOld >= 0) {
                pgMinOld = Double.NEGATIVE_INFINITY;
            }
        }
        return new Result(w, iter, converged, gap);
    }
}
