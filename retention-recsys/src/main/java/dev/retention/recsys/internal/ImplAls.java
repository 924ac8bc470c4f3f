package dev.retention.recsys.internal;

import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

/**
 * The half-steps of implicit-feedback ALS (Hu, Koren and Volinsky, "Collaborative filtering for implicit feedback
 * datasets", ICDM 2008), as the {@code implicit} library's {@code _als.pyx} writes them: for each row {@code u} of
 * a confidence matrix {@code C} (entries {@code c_ui > 0}, preference 1 where stored, 0 elsewhere with confidence
 * 1), solve {@code (Y^T Y + lambda I + sum_i (c_ui - 1) y_i y_i^T) x_u = sum_i c_ui y_i}, either exactly
 * (Cholesky, {@link ImplFactorization#solvePositiveDefinite}) or by {@code cgSteps} conjugate-gradient steps
 * warm-started from the current {@code x_u} (Takacs, Pilaszy and Tikk, "Applications of the conjugate gradient
 * method for implicit feedback collaborative filtering", RecSys 2011). Factors are row-major float; the algebra is double. Rows are cut into blocks by their
 * entries ({@link Blocks#byWeight}); each row reads {@code Y} and writes only its own {@code x_u}, so the result
 * is the same for any number of threads. O(f^2 (rows + cols) + nnz f cgSteps) per half-step with CG,
 * O(nnz f^2 + rows f^3) with Cholesky. Trusts its input.
 */
public final class ImplAls {

    /** Residual norm below which CG stops, as {@code implicit}. */
    private static final double CG_EPSILON = 1e-20;
    /** About this many stored entries per block of rows. */
    private static final long BLOCK_NNZ = 4096;

    private ImplAls() {
    }

    /**
     * {@return {@code Y^T Y + lambda I}, {@code f x f} row-major, summed over the rows of {@code y} in order}
     *
     * @param y      read; {@code n x f} row-major
     * @param n      rows of y
     * @param f      factors
     * @param lambda added to the diagonal
     */
    public static double[] gram(float[] y, int n, int f, double lambda) {
        double[] g = new double[f * f];
        for (int i = 0; i < n; i++) {
            int o = i * f;
            for (int a = 0; a < f; a++) {
                double ya = y[o + a];
                int row = a * f;
                for (int b = 0; b < f; b++) {
                    g[row + b] += ya * y[o + b];
                }
            }
        }
        for (int a = 0; a < f; a++) {
            g[a * f + a] += lambda;
        }
        return g;
    }

    /**
     * Solves every row of {@code x} against {@code y}; a row without entries becomes 0.
     *
     * @param rows    rows of the confidence matrix (and of x)
     * @param ptr     read; row pointers of the confidences
     * @param idx     read; column of each entry
     * @param conf    read; confidence {@code c > 0} of each entry
     * @param x       read and written; {@code rows x f}
     * @param y       read; {@code cols x f}
     * @param f       factors
     * @param yty     read; {@link #gram} of y with lambda
     * @param cgSteps conjugate-gradient steps per row; 0 for the exact Cholesky solve
     * @param workers run the blocks
     */
    public static void solve(int rows, int[] ptr, int[] idx, float[] conf, float[] x, float[] y, int f, double[] yty,
                             int cgSteps, Workers workers) {
        Blocks blocks = Blocks.byWeight(ptr, rows, BLOCK_NNZ);
        double[] yd = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            yd[i] = y[i];
        }
        workers.run(blocks.count(), b -> {
            double[] xv = new double[f];
            double[] r = new double[f];
            double[] p = new double[f];
            double[] ap = new double[f];
            double[] a = cgSteps == 0 ? new double[f * f] : null;
            for (int u = blocks.start(b); u < blocks.end(b); u++) {
                if (ptr[u] == ptr[u + 1]) {
                    java.util.Arrays.fill(x, u * f, (u + 1) * f, 0f);
                    continue;
                }
                if (cgSteps == 0) {
                    cholesky(ptr[u], ptr[u + 1], idx, conf, yd, f, yty, a, xv);
                } else {
                    for (int k = 0; k < f; k++) {
                        xv[k] = x[u * f + k];
                    }
                    conjugateGradient(ptr[u], ptr[u + 1], idx, conf, yd, f, yty, cgSteps, xv, r, p, ap);
                }
                for (int k = 0; k < f; k++) {
                    x[u * f + k] = (float) xv[k];
                }
            }
        });
    }

    /** {@code out = A v} for the row's {@code A = yty + sum (c - 1) y_i y_i^T}. */
    private static void multiply(int start, int end, int[] idx, float[] conf, double[] y, int f, double[] yty,
                                 double[] v, double[] out) {
        for (int a = 0; a < f; a++) {
            out[a] = ImplFactorization.dot(yty, a * f, v, 0, f);
        }
        for (int q = start; q < end; q++) {
            int o = idx[q] * f;
            double t = (conf[q] - 1.0) * ImplFactorization.dot(y, o, v, 0, f);
            for (int k = 0; k < f; k++) {
                out[k] += t * y[o + k];
            }
        }
    }

    private static double dot(double[] a, double[] b, int f) {
        return ImplFactorization.dot(a, 0, b, 0, f);
    }

    private static void conjugateGradient(int start, int end, int[] idx, float[] conf, double[] y, int f,
                                          double[] yty, int steps, double[] x, double[] r, double[] p, double[] ap) {
        multiply(start, end, idx, conf, y, f, yty, x, ap);
        for (int k = 0; k < f; k++) {
            r[k] = -ap[k];
        }
        for (int q = start; q < end; q++) {
            int o = idx[q] * f;
            double c = conf[q];
            for (int k = 0; k < f; k++) {
                r[k] += c * y[o + k];
            }
        }
        System.arraycopy(r, 0, p, 0, f);
        double rsold = dot(r, r, f);
        if (rsold < CG_EPSILON) {
            return;
        }
        for (int it = 0; it < steps; it++) {
            multiply(start, end, idx, conf, y, f, yty, p, ap);
            double alpha = rsold / dot(p, ap, f);
            for (int k = 0; k < f; k++) {
                x[k] += alpha * p[k];
                r[k] -= alpha * ap[k];
            }
            double rsnew = dot(r, r, f);
            if (rsnew < CG_EPSILON) {
                break;
            }
            double beta = rsnew / rsold;
            for (int k = 0; k < f; k++) {
                p[k] = r[k] + beta * p[k];
            }
            rsold = rsnew;
        }
    }

    /** The exact solve: A and b built, A = L L^T in place, two triangular solves into {@code x}. */
    private static void cholesky(int start, int end, int[] idx, float[] conf, double[] y, int f, double[] yty,
                                 double[] a, double[] x) {
        System.arraycopy(yty, 0, a, 0, f * f);
        java.util.Arrays.fill(x, 0, f, 0.0);
        for (int q = start; q < end; q++) {
            int o = idx[q] * f;
            double c = conf[q];
            for (int i = 0; i < f; i++) {
                double yi = y[o + i];
                x[i] += c * yi;
                double t = (c - 1.0) * yi;
                int row = i * f;
                for (int j = 0; j < f; j++) {
                    a[row + j] += t * y[o + j];
                }
            }
        }
        if (!ImplFactorization.solvePositiveDefinite(a, x, f)) {
            throw new IllegalStateException("the ALS system is not positive definite; raise the regularization");
        }
    }

    /**
     * {@return {@code implicit}'s training loss: {@code (sum over stored c (1 - x.y)^2 + sum over the others
     * (x.y)^2 + lambda (|X|^2 + |Y|^2)) / (sum of c + rows cols - nnz)}, summed row by row in order}
     * O(nnz f + rows f^2).
     *
     * @param rows   rows
     * @param cols   columns
     * @param ptr    read
     * @param idx    read
     * @param conf   read
     * @param x      read; rows x f
     * @param y      read; cols x f
     * @param f      factors
     * @param lambda the regularization
     */
    public static double loss(int rows, int cols, int[] ptr, int[] idx, float[] conf, float[] x, float[] y, int f,
                              double lambda) {
        double[] yty = gram(y, cols, f, 0);
        double loss = 0;
        double total = 0;
        double norms = 0;
        double[] xv = new double[f];
        for (int u = 0; u < rows; u++) {
            for (int k = 0; k < f; k++) {
                xv[k] = x[u * f + k];
                norms += xv[k] * xv[k];
            }
            double quad = 0;
            for (int a = 0; a < f; a++) {
                double s = 0;
                for (int b = 0; b < f; b++) {
                    s += yty[a * f + b] * xv[b];
                }
                quad += s * xv[a];
            }
            loss += quad;
            for (int q = ptr[u]; q < ptr[u + 1]; q++) {
                int o = idx[q] * f;
                double s = 0;
                for (int k = 0; k < f; k++) {
                    s += y[o + k] * xv[k];
                }
                double c = conf[q];
                loss += c - 2 * c * s + (c - 1) * s * s;
                total += c;
            }
        }
        for (int i = 0; i < cols * f; i++) {
            norms += (double) y[i] * y[i];
        }
        loss += lambda * norms;
        return loss / (total + (double) rows * cols - ptr[rows]);
    }
}
