package dev.retention.churn.svm;

import java.util.Locale;
import java.util.Objects;

/**
 * Platt scaling: a sigmoid {@code P(y = 1 | f) = 1 / (1 + exp(A f + B))} fitted to decision values by
 * maximum likelihood, with Platt's smoothed targets {@code (N+ + 1) / (N+ + 2)} and {@code 1 / (N- + 2)}
 * (Platt, "Probabilistic outputs for support vector machines", 1999), by the Newton method with
 * backtracking of Lin, Lin and Weng ("A note on Platt's probabilistic outputs for support vector
 * machines", Machine Learning 68, 2007). The optimum equals scikit-learn's {@code _sigmoid_calibration}.
 *
 * @param a the slope A (negative when larger decision values mean class 1)
 * @param b the offset B
 */
public record PlattScaling(double a, double b) {

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param a the slope A (negative when larger decision values mean class 1)
     * @param b the offset B
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public PlattScaling {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt parameters must be finite, got A=" + a + ", B=" + b);
        }
    }

    /**
     * Fits the sigmoid. O(n) per Newton iteration, usually fewer than 10 iterations.
     *
     * @param decision read: finite decision values
     * @param labels   read: 0 or 1, same length
     * @return the fitted sigmoid
     * @throws IllegalArgumentException if the lengths differ, a value is not finite or a label is not 0/1
     */
    public static PlattScaling fit(double[] decision, int[] labels) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(labels, "labels");
        int n = decision.length;
        if (labels.length != n || n == 0) {
            throw new IllegalArgumentException("decision has " + n + " values, labels " + labels.length
                    + "; expected the same non-zero length");
        }
        double prior1 = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1, got " + labels[i]);
            }
            if (!Double.isFinite(decision[i])) {
                throw new IllegalArgumentException("decision[" + i + "] must be finite, got " + decision[i]);
            }
            prior1 += labels[i];
        }
        double prior0 = n - prior1;
        double hi = (prior1 + 1) / (prior1 + 2);
        double lo = 1 / (prior0 + 2);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = labels[i] == 1 ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1) / (prior1 + 1));
        double fval = objective(decision, t, a, b);
        double sigma = 1e-12;
        for (int it = 0; it < 200; it++) {
            double h11 = sigma;
            double h22 = sigma;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = decision[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    double e = Math.exp(-fApB);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                } else {
                    double e = Math.exp(fApB);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                double d2 = p * q;
                h11 += decision[i] * decision[i] * d2;
                h22 += d2;
                h21 += decision[i] * d2;
                double d1 = t[i] - p;
                g1 += decision[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-12 * n && Math.abs(g2) < 1e-12 * n) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            boolean moved = false;
            while (step >= 1e-10) {
                double na = a + step * dA;
                double nb = b + step * dB;
                double nf = objective(decision, t, na, nb);
                if (nf < fval + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                break;   // no further decrease: the optimum to working precision
            }
        }
        return new PlattScaling(a, b);
    }

    private static double objective(double[] f, double[] t, double a, double b) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            s += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return s;
    }

    /**
     * {@return the calibrated probability of class 1 for a decision value}
     *
     * @param decision read: finite decision values
     */
    public double probability(double decision) {
        double z = a * decision + b;
        return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "P(churn | f) = 1 / (1 + exp(%.6g f + %.6g))", a, b);
    }
}
