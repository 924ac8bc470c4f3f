package dev.retention.recsys.factorization;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.random.Variates;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Fits Surprise's {@code CoClustering} (T. George and S. Merugu, "A Scalable Collaborative Filtering Framework based
 * on Co-clustering", ICDM 2005): users and items in clusters, {@code r_ui = avg(C_ui) + (mu_u - avg(C_u)) +
 * (mu_i - avg(C_i))} with the averages of the co-cluster, the user's cluster and the item's cluster, as a
 * {@link CoClusteringModel}. Entry point {@link #fit}.
 *
 * <p>Surprise 1.1.4's algorithm exactly: random initial clusters (our draws from the seed); every epoch computes
 * the cluster averages (an empty cluster averages the global mean), moves every user, in index order, to the user
 * cluster with the least squared error over the user's ratings (ties to the smaller cluster), then every item the
 * same way with the users' new clusters; the averages are computed once more at the end. Fit O(epochs x ratings x
 * (user clusters + item clusters)) on the calling thread.
 */
public final class CoClustering {

    private CoClustering() {
    }

    /**
     * Fits the model with {@link FitControl#defaults()}.
     *
     * @param train   read
     * @param options clusters, epochs and seed
     * @return the fitted model
     */
    public static CoClusteringModel fit(Ratings train, CoClusteringOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the model: {@code options.epochs()} passes; the objective per epoch is the squared error of the model's
     * estimates over the training ratings after the epoch. Converged when the last epoch moved no user or item.
     *
     * @param train   read
     * @param options clusters, epochs and seed
     * @param control hears each epoch (stage {@code "epochs"}, with the objective) and may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} has no rating
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static CoClusteringModel fit(Ratings train, CoClusteringOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        Variates v = Variates.stream(options.seed(), FactorFits.USERS, 0);
        int[] cu = new int[train.userCount()];
        for (int u = 0; u < cu.length; u++) {
            cu[u] = v.nextInt(options.userClusters());
        }
        v.reset(options.seed(), FactorFits.ITEMS, 0);
        int[] ci = new int[train.itemCount()];
        for (int i = 0; i < ci.length; i++) {
            ci[i] = v.nextInt(options.itemClusters());
        }
        return fit(train, options, control, cu, ci);
    }

    /** The fit from given initial clusters (taken over), for the golden tests. */
    static CoClusteringModel fit(Ratings train, CoClusteringOptions options, FitControl control, int[] cu, int[] ci) {
        Objects.requireNonNull(control, "control");
        Limits.requireRatings("train", train.size());
        long start = System.nanoTime();
        CsrMatrix byUser = train.byUser();
        CsrMatrix byItem = train.byItem();
        int nu = options.userClusters();
        int ni = options.itemClusters();
        double mu = train.globalMean();
        double[] userMean = means(byUser);
        double[] itemMean = means(byItem);
        int epochs = options.epochs();
        double[] objective = new double[epochs];
        Averages a = Averages.of(byUser, cu, ci, nu, ni, mu);
        int moved = 0;
        double[] errors = new double[Math.max(nu, ni)];
        for (int epoch = 0; epoch < epochs; epoch++) {
            moved = 0;
            for (int u = 0; u < cu.length; u++) {
                if (byUser.rowLength(u) == 0) {
                    continue;
                }
                Arrays.fill(errors, 0, nu, 0);
                for (int uc = 0; uc < nu; uc++) {
                    for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                        int i = byUser.columnIndex(p);
                        double e = byUser.value(p) - a.estimate(uc, ci[i], userMean[u], itemMean[i]);
                        errors[uc] += e * e;
                    }
                }
                int best = argmin(errors, nu);
                moved += best == cu[u] ? 0 : 1;
                cu[u] = best;
            }
            for (int i = 0; i < ci.length; i++) {
                if (byItem.rowLength(i) == 0) {
                    continue;
                }
                Arrays.fill(errors, 0, ni, 0);
                for (int ic = 0; ic < ni; ic++) {
                    for (int p = byItem.rowStart(i), end = byItem.rowEnd(i); p < end; p++) {
                        int u = byItem.columnIndex(p);
                        double e = byItem.value(p) - a.estimate(cu[u], ic, userMean[u], itemMean[i]);
                        errors[ic] += e * e;
                    }
                }
                int best = argmin(errors, ni);
                moved += best == ci[i] ? 0 : 1;
                ci[i] = best;
            }
            a = Averages.of(byUser, cu, ci, nu, ni, mu);
            double sse = 0;
            for (int u = 0; u < cu.length; u++) {
                for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                    int i = byUser.columnIndex(p);
                    double e = byUser.value(p) - a.estimate(cu[u], ci[i], userMean[u], itemMean[i]);
                    sse += e * e;
                }
            }
            objective[epoch] = sse;
            control.step("epochs", epoch + 1, epochs, sse);
        }
        FitSummary.Builder summary = FitSummary.builder("CoClustering").options(options).iterations(epochs)
                .objective("squared error", objective).data(train.fingerprint());
        if (moved == 0) {
            summary.converged(true, String.format(Locale.ROOT, "%d epochs (Surprise's n_epochs); the last moved no "
                    + "user or item", epochs));
        } else {
            summary.converged(false, String.format(Locale.ROOT, "%d epochs (Surprise's n_epochs) were not enough: the "
                    + "last moved %d users and items to other clusters", epochs, moved));
        }
        FitSummary s = summary.secondsSince(start).build();
        CoClusteringModel model = new CoClusteringModel(train, cu, ci, userMean, itemMean, a.user, a.item, a.co,
                options, s);
        s.logTo(CoClustering.class);
        return model;
    }

    private static int argmin(double[] errors, int n) {
        int best = 0;
        for (int c = 1; c < n; c++) {
            if (errors[c] < errors[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The mean of every row's values; 0 for an empty row (it is never used). */
    private static double[] means(CsrMatrix m) {
        double[] mean = new double[m.rows()];
        for (int x = 0; x < mean.length; x++) {
            double s = 0;
            for (int p = m.rowStart(x), end = m.rowEnd(x); p < end; p++) {
                s += m.value(p);
            }
            mean[x] = m.rowLength(x) == 0 ? 0 : s / m.rowLength(x);
        }
        return mean;
    }

    /** The average rating of every user cluster, item cluster and co-cluster (the global mean when empty). */
    static final class Averages {
        final double[] user;
        final double[] item;
        final double[] co;
        private final int ni;

        private Averages(double[] user, double[] item, double[] co, int ni) {
            this.user = user;
            this.item = item;
            this.co = co;
            this.ni = ni;
        }

        static Averages of(CsrMatrix byUser, int[] cu, int[] ci, int nu, int ni, double mu) {
            double[] su = new double[nu];
            double[] si = new double[ni];
            double[] sc = new double[nu * ni];
            long[] nuc = new long[nu];
            long[] nic = new long[ni];
            long[] ncc = new long[nu * ni];
            for (int u = 0; u < cu.length; u++) {
                for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                    int ic = ci[byUser.columnIndex(p)];
                    double r = byUser.value(p);
                    su[cu[u]] += r;
                    nuc[cu[u]]++;
                    si[ic] += r;
                    nic[ic]++;
                    sc[cu[u] * ni + ic] += r;
                    ncc[cu[u] * ni + ic]++;
                }
            }
            return new Averages(divide(su, nuc, mu), divide(si, nic, mu), divide(sc, ncc, mu), ni);
        }

        private static double[] divide(double[] sum, long[] count, double mu) {
            double[] avg = new double[sum.length];
            for (int c = 0; c < avg.length; c++) {
                avg[c] = count[c] == 0 ? mu : sum[c] / count[c];
            }
            return avg;
        }

        double estimate(int uc, int ic, double userMean, double itemMean) {
            return co[uc * ni + ic] + userMean - user[uc] + itemMean - item[ic];
        }
    }
}
