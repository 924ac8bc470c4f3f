package dev.retention.recsys.evaluation;

import dev.retention.recsys.Ratings;

import java.util.Objects;

/**
 * Accuracy of predicted ratings against the true ones of a test set, as Surprise's
 * {@code accuracy} module: RMSE, MSE, MAE and FCP. Estimates are given in the entry order of the test
 * ratings. Each is O(n) except FCP.
 */
public final class RatingMetrics {

    private RatingMetrics() {
    }

    /**
     * {@return the root mean squared error}
     *
     * @param test      read: the test ratings
     * @param estimates read: one estimate per test rating
     */
    public static double rmse(Ratings test, double[] estimates) {
        return Math.sqrt(mse(test, estimates));
    }

    /**
     * {@return the mean squared error}
     *
     * @param test      read: the test ratings
     * @param estimates read: one estimate per test rating
     */
    public static double mse(Ratings test, double[] estimates) {
        check(test, estimates);
        double s = 0;
        for (int p = 0; p < estimates.length; p++) {
            double d = test.value(p) - estimates[p];
            s += d * d;
        }
        return s / estimates.length;
    }

    /**
     * {@return the mean absolute error}
     *
     * @param test      read: the test ratings
     * @param estimates read: one estimate per test rating
     */
    public static double mae(Ratings test, double[] estimates) {
        check(test, estimates);
        double s = 0;
        for (int p = 0; p < estimates.length; p++) {
            s += Math.abs(test.value(p) - estimates[p]);
        }
        return s / estimates.length;
    }

    /**
     * {@return the fraction of concordant pairs (Y} Koren and J. Sill, "OrdRec: an ordinal model for predicting
     * personalized item rating distributions", RecSys 2011, section 5.2), as Surprise's {@code fcp}:
     * per user, pairs of test ratings whose estimates are ordered as the ratings ({@code nc}) or not
     * ({@code nd}: estimate not lower while the rating is lower); then the mean {@code nc} over users
     * divided by the sum of the means of {@code nc} and {@code nd}. 0 when no user has a pair with
     * different ratings. O(sum over users of test count^2).
     *
     * @param test      read: the test ratings
     * @param estimates read: one estimate per test rating
     */
    public static double fcp(Ratings test, double[] estimates) {
        check(test, estimates);
        long users = 0;
        double nc = 0;
        double nd = 0;
        for (int u = 0; u < test.userCount(); u++) {
            int from = test.byUser().rowStart(u);
            int to = test.byUser().rowEnd(u);
            if (from == to) {
                continue;
            }
            users++;
            long c = 0;
            long d = 0;
            for (int a = from; a < to; a++) {
                for (int b = from; b < to; b++) {
                    float ra = test.value(a);
                    float rb = test.value(b);
                    if (estimates[a] > estimates[b] && ra > rb) {
                        c++;
                    }
                    if (estimates[a] >= estimates[b] && ra < rb) {
                        d++;
                    }
                }
            }
            nc += c;
            nd += d;
        }
        if (users == 0 || nc + nd == 0) {
            return 0;
        }
        return (nc / users) / (nc / users + nd / users);
    }

    private static void check(Ratings test, double[] estimates) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(estimates, "estimates");
        if (estimates.length != test.size()) {
            throw new IllegalArgumentException("estimates must have one value per test rating, "
                    + test.size() + ", got " + estimates.length);
        }
        if (estimates.length == 0) {
            throw new IllegalArgumentException("the test set is empty: there is nothing to measure");
        }
    }
}
