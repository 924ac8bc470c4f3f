package dev.retention.optim;

import java.util.Objects;

/**
 * Central finite-difference gradients and Hessians, for checking analytic gradients in tests and for
 * standard errors of maximum-likelihood fits (the inverse Hessian of the negative log-likelihood).
 * Steps are relative to the coordinate: {@code h_i = c * max(1, |x_i|)} with {@code c = eps^(1/3)}
 * for gradients and {@code eps^(1/4)} for Hessians, the usual optimal orders for central differences
 * (Nocedal and Wright, section 8.1). Cost: 2n evaluations for a gradient, 2n^2 + 1 for a Hessian from
 * values, 2n gradient evaluations for a Hessian from gradients.
 */
public final class FiniteDifferences {

    private static final double GRADIENT_STEP = Math.cbrt(Math.ulp(1.0));
    private static final double HESSIAN_STEP = Math.pow(Math.ulp(1.0), 0.25);

    private FiniteDifferences() {
    }

    /**
     * {@return the central-difference gradient of {@code f} at {@code x}}
     *
     * @param f the function
     * @param x read, not modified
     */
    public static double[] gradient(ObjectiveFunction f, double[] x) {
        Objects.requireNonNull(f, "f");
        int n = x.length;
        double[] p = x.clone();
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double h = GRADIENT_STEP * Math.max(1, Math.abs(x[i]));
            p[i] = x[i] + h;
            double up = f.value(p);
            p[i] = x[i] - h;
            double down = f.value(p);
            p[i] = x[i];
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }

    /**
     * {@return the Hessian of {@code f} at {@code x} from function values (second central differences),
     * symmetric by construction}
     *
     * @param f the function
     * @param x read, not modified
     */
    public static double[][] hessian(ObjectiveFunction f, double[] x) {
        Objects.requireNonNull(f, "f");
        int n = x.length;
        double[] p = x.clone();
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = HESSIAN_STEP * Math.max(1, Math.abs(x[i]));
        }
        double f0 = f.value(p);
        double[][] hess = new double[n][n];
        for (int i = 0; i < n; i++) {
            p[i] = x[i] + h[i];
            double up = f.value(p);
            p[i] = x[i] - h[i];
            double down = f.value(p);
            p[i] = x[i];
            hess[i][i] = (up - 2 * f0 + down) / (h[i] * h[i]);
            for (int j = 0; j < i; j++) {
                p[i] = x[i] + h[i];
                p[j] = x[j] + h[j];
                double pp = f.value(p);
                p[j] = x[j] - h[j];
                double pm = f.value(p);
                p[i] = x[i] - h[i];
                double mm = f.value(p);
                p[j] = x[j] + h[j];
                double mp = f.value(p);
                p[i] = x[i];
                p[j] = x[j];
                double v = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
                hess[i][j] = v;
                hess[j][i] = v;
            }
        }
        return hess;
    }

    /**
     * {@return the Hessian of {@code f} at {@code x} from central differences of its analytic gradient,
     * symmetrized as {@code (H + H') / 2}; more accurate than {@link #hessian} when the gradient is exact}
     *
     * @param f the function, with its analytic gradient
     * @param x read, not modified
     */
    public static double[][] hessian(DifferentiableFunction f, double[] x) {
        Objects.requireNonNull(f, "f");
        int n = x.length;
        double[] p = x.clone();
        double[] gUp = new double[n];
        double[] gDown = new double[n];
        double[][] hess = new double[n][n];
        for (int i = 0; i < n; i++) {
            double h = GRADIENT_STEP * Math.max(1, Math.abs(x[i]));
            p[i] = x[i] + h;
            f.valueAndGradient(p, gUp);
            p[i] = x[i] - h;
            f.valueAndGradient(p, gDown);
            p[i] = x[i];
            for (int j = 0; j < n; j++) {
                hess[i][j] = (gUp[j] - gDown[j]) / (2 * h);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (hess[i][j] + hess[j][i]);
                hess[i][j] = v;
                hess[j][i] = v;
            }
        }
        return hess;
    }
}
