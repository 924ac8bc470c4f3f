package dev.retention.recsys.baseline;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.EpochConvergence;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Objects;

/**
 * Fits the baseline predictor {@code r_ui = mu + b_u + b_i} (Surprise's {@code BaselineOnly}; Y. Koren,
 * "Factor in the neighbors: scalable and accurate collaborative filtering", ACM TKDD 4(1), 2010, section 2.1)
 * by ALS or SGD ({@link BaselineOptions}), as a {@link BaselineOnlyModel}. Entry point {@link #fit}.
 *
 * <p>Fit O(epochs x ratings), on the calling thread (each epoch depends on the one before).
 */
public final class BaselineOnly {

    /**
     * Largest relative decrease of the objective over the last epoch for the fit to count as converged:
     * Surprise runs a fixed number of epochs, and the summary says whether that number was enough.
     */
    public static final double CONVERGENCE_TOLERANCE = 1e-4;

    private static final Logger LOG = LoggerFactory.getLogger(BaselineOnly.class);

    private BaselineOnly() {
    }

    /**
     * Fits the biases with {@link FitControl#defaults()}.
     *
     * @param train   read
     * @param options method and its parameters
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating
     */
    public static BaselineOnlyModel fit(Ratings train, BaselineOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the biases: {@code options.epochs()} passes of ALS or SGD, each followed by one pass to record the
     * objective (ALS: {@code sum (r - mu - b_u - b_i)^2 + reg_u sum b_u^2 + reg_i sum b_i^2}, which each ALS
     * pass lowers; SGD: {@code sum over ratings of (r - mu - b_u - b_i)^2 + reg (b_u^2 + b_i^2)}). Users and
     * items without ratings get a bias of 0. The summary holds the objective after every epoch and reports
     * the fit converged when the last epoch lowered it by at most {@value #CONVERGENCE_TOLERANCE} of its value
     * (otherwise a warning: more epochs would change the biases). A non-finite objective (an SGD learning rate
     * too large for these ratings) stops the fit at that epoch: the verdict is {@code UNUSABLE}, naming the epoch,
     * the objective and the learning rate, and the model answers every prediction with the global mean, flagged
     * impossible with that message; its biases are zero, so it saves and loads like any other. O(epochs x ratings).
     *
     * @param train   read
     * @param options method and its parameters
     * @param control hears each epoch (stage {@code "epochs"}, with the objective) and may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static BaselineOnlyModel fit(Ratings train, BaselineOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Limits.requireRatings("train", train.size());
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        long start = System.nanoTime();
        double mu = train.globalMean();
        double[] bu = new double[train.userCount()];
        double[] bi = new double[train.itemCount()];
        int epochs = options.epochs();
        double[] objective = new double[epochs];
        CsrMatrix byUser = train.byUser();
        CsrMatrix byItem = train.byItem();
        boolean als = options.method() == BaselineOptions.Method.ALS;
        int run = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (als) {
                alsEpoch(byUser, byItem, mu, bu, bi, options);
            } else {
                sgdEpoch(byUser, mu, bu, bi, options);
            }
            objective[epoch] = objective(byUser, mu, bu, bi, options);
            run = epoch + 1;
            LOG.debug("baseline {} epoch {} of {}: objective {}", options.method(), run, epochs, objective[epoch]);
            control.step("epochs", run, epochs, objective[epoch]);
            if (!Double.isFinite(objective[epoch])) {
                break;
            }
        }
        FitSummary.Builder summary = FitSummary.builder("BaselineOnly").options(options).data(train.fingerprint());
        boolean diverged = EpochConvergence.finish(summary,
                als ? "regularised squared error (ALS)" : "regularised squared error (SGD)",
                Arrays.copyOf(objective, run), epochs, "learning_rate " + options.learningRate(),
                CONVERGENCE_TOLERANCE);
        if (diverged) {
            Arrays.fill(bu, 0);
            Arrays.fill(bi, 0);
        }
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(BaselineOnly.class);
        return new BaselineOnlyModel(train, bu, bi, options, s);
    }

    /** One ALS pass: every item bias given the user biases, then every user bias given the item biases. */
    private static void alsEpoch(CsrMatrix byUser, CsrMatrix byItem, double mu, double[] bu, double[] bi,
                                 BaselineOptions options) {
        for (int i = 0; i < bi.length; i++) {
            double dev = 0;
            for (int q = byItem.rowStart(i), end = byItem.rowEnd(i); q < end; q++) {
                dev += byItem.value(q) - mu - bu[byItem.columnIndex(q)];
            }
            bi[i] = dev / (options.regItem() + byItem.rowLength(i));
        }
        for (int u = 0; u < bu.length; u++) {
            double dev = 0;
            for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                dev += byUser.value(p) - mu - bi[byUser.columnIndex(p)];
            }
            bu[u] = dev / (options.regUser() + byUser.rowLength(u));
        }
    }

    /** One SGD pass over the ratings in user-then-item order. */
    private static void sgdEpoch(CsrMatrix byUser, double mu, double[] bu, double[] bi, BaselineOptions options) {
        double lr = options.learningRate();
        double reg = options.reg();
        for (int u = 0; u < bu.length; u++) {
            for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                int i = byUser.columnIndex(p);
                double err = byUser.value(p) - (mu + bu[u] + bi[i]);
                bu[u] += lr * (err - reg * bu[u]);
                bi[i] += lr * (err - reg * bi[i]);
            }
        }
    }

    /** The objective the method minimises (see {@link #fit}). O(ratings + users + items). */
    private static double objective(CsrMatrix byUser, double mu, double[] bu, double[] bi, BaselineOptions options) {
        boolean als = options.method() == BaselineOptions.Method.ALS;
        double squares = 0;
        double perRating = 0;
        for (int u = 0; u < bu.length; u++) {
            for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                int i = byUser.columnIndex(p);
                double err = byUser.value(p) - (mu + bu[u] + bi[i]);
                squares += err * err;
                perRating += bu[u] * bu[u] + bi[i] * bi[i];
            }
        }
        if (!als) {
            return squares + options.reg() * perRating;
        }
        double su = 0;
        for (double b : bu) {
            su += b * b;
        }
        double si = 0;
        for (double b : bi) {
            si += b * b;
        }
        return squares + options.regUser() * su + options.regItem() * si;
    }
}
