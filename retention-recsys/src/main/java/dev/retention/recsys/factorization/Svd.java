package dev.retention.recsys.factorization;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ImplFactorization;
import dev.retention.recsys.internal.Limits;

import java.util.Objects;

/**
 * Fits Surprise's {@code SVD}: biased matrix factorisation {@code r_ui = mu + b_u + b_i + q_i.p_u} by stochastic
 * gradient descent on the regularised squared error (S. Funk, "Netflix Update: Try This at Home", 2006; Y. Koren,
 * R. Bell and C. Volinsky, "Matrix Factorization Techniques for Recommender Systems", IEEE Computer 42(8), 2009,
 * equation 5), as a {@link SvdModel}; with {@code biased = false}, plain Funk SVD {@code r_ui = q_i.p_u}
 * (probabilistic matrix factorisation's MAP estimate). Entry point {@link #fit}.
 *
 * <p>Surprise 1.1.4's algorithm exactly: biases start at 0, factors at {@code N(initMean, initStd)} (our draws from
 * the seed, not NumPy's); every epoch visits the ratings in Surprise's order (users by index, each user's ratings
 * by item index, which is {@code trainset.all_ratings()} when the ratings were read in that order) or, with
 * {@code shuffle}, a new seeded order; per rating {@code e = r - r_hat}, {@code b_u += lr_bu (e - reg_bu b_u)},
 * {@code b_i += lr_bi (e - reg_bi b_i)}, {@code p_u += lr_pu (e q_i - reg_pu p_u)} and
 * {@code q_i += lr_qi (e p_u - reg_qi q_i)} with the values before the step.
 *
 * <p>Fit O(epochs x ratings x factors) on the calling thread, in double precision (kernels in
 * {@code ImplFactorization}); the same options give the same model every time.
 */
public final class Svd {

    private Svd() {
    }

    /**
     * Fits the model with {@link FitControl#defaults()}.
     *
     * @param train   read
     * @param options factors, epochs, rates, terms and seed
     * @return the fitted model
     */
    public static SvdModel fit(Ratings train, FactorOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the model: {@code options.epochs()} SGD passes. The objective recorded per epoch is Surprise's
     * regularised squared error, {@code sum over ratings of (r - r_hat)^2 + reg_bu b_u^2 + reg_bi b_i^2
     * + reg_pu |p_u|^2 + reg_qi |q_i|^2}, with each rating's error taken when the pass visits it (before its
     * step) and the regularisation at the end of the epoch. A non-finite objective (the learning rate is too
     * large for these ratings) stops the fit at that epoch: the summary is {@code UNUSABLE}, naming the epoch and
     * the objective, and the model answers every prediction with the global mean, flagged impossible; it never
     * predicts NaN. Users and items without training ratings keep zero factors and biases.
     * O(epochs x ratings x factors).
     *
     * @param train   read
     * @param options factors, epochs, rates, terms and seed
     * @param control hears each epoch (stage {@code "epochs"}, with the objective) and may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} has no rating
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static SvdModel fit(Ratings train, FactorOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        int f = options.factors();
        return fit(train, options, control,
                FactorFits.normal(options.seed(), FactorFits.USERS, train.userCount(), f, options.initMean(),
                        options.initStd()),
                FactorFits.normal(options.seed(), FactorFits.ITEMS, train.itemCount(), f, options.initMean(),
                        options.initStd()));
    }

    /** The fit from given initial factors (taken over), for the golden tests. */
    static SvdModel fit(Ratings train, FactorOptions options, FitControl control, double[] pu, double[] qi) {
        Objects.requireNonNull(control, "control");
        Limits.requireRatings("train", train.size());
        long start = System.nanoTime();
        int f = options.factors();
        FactorFits.Csr csr = FactorFits.Csr.of(train);
        int[] userCounts = csr.userCounts;
        double[] bu = new double[train.userCount()];
        double[] bi = new double[train.itemCount()];
        boolean biased = options.biased();
        double mu = biased ? train.globalMean() : 0;
        double[] h = options.hyper();
        int epochs = options.epochs();
        double[] objective = new double[epochs];
        int[] userOf = options.shuffle() ? train.userOfEntry() : null;
        int run = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double sse = options.shuffle()
                    ? ImplFactorization.svdEpochInOrder(FactorFits.permutation(options.seed(), epoch, csr.r.length),
                            userOf, csr.idx, csr.r, mu, bu, bi, pu, qi, f, h, biased)
                    : ImplFactorization.svdEpoch(csr.ptr, csr.idx, csr.r, mu, bu, bi, pu, qi, f, h, biased);
            objective[epoch] = sse
                    + FactorFits.weightedSquares(userCounts, bu, options.regBu(), pu, f, options.regPu())
                    + FactorFits.weightedSquares(csr.itemCounts, bi, options.regBi(), qi, f, options.regQi());
            run = epoch + 1;
            control.step("epochs", run, epochs, objective[epoch]);
            if (!Double.isFinite(objective[epoch])) {
                break;
            }
        }
        FitSummary.Builder summary = FitSummary.builder(biased ? "SVD" : "SVD (unbiased)").options(options)
                .data(train.fingerprint());
        FactorFits.finish(summary, "regularised squared error (SGD, errors as visited)",
                java.util.Arrays.copyOf(objective, run), epochs, "lr_pu " + options.lrPu() + ", lr_qi " + options.lrQi());
        FitSummary s = summary.secondsSince(start).build();
        boolean diverged = s.verdict() == dev.retention.model.Verdict.UNUSABLE;
        if (diverged) {
            java.util.Arrays.fill(bu, 0);
            java.util.Arrays.fill(bi, 0);
            java.util.Arrays.fill(pu, 0);
            java.util.Arrays.fill(qi, 0);
        }
        FactorFits.zeroUnrated(userCounts, pu, f);
        FactorFits.zeroUnrated(csr.itemCounts, qi, f);
        SvdModel model = new SvdModel(train, bu, bi, pu, qi, userCounts, csr.itemCounts, options, s);
        s.logTo(Svd.class);
        return model;
    }
}
