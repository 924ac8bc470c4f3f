package dev.retention.recsys.factorization;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ImplFactorization;
import dev.retention.recsys.internal.Limits;

import java.util.Arrays;

import java.util.Objects;

/**
 * Fits Surprise's {@code NMF}: non-negative matrix factorisation {@code r_ui = q_i.p_u} (optionally
 * {@code mu + b_u + b_i + q_i.p_u}) by regularised multiplicative updates (X. Luo, M. Zhou, Y. Xia and Q. Zhu, "An
 * Efficient Non-Negative Matrix-Factorization-Based Approach to Collaborative Filtering for Recommender Systems",
 * IEEE Trans. Industrial Informatics 10(2), 2014; S. Zhang et al., "Learning from incomplete ratings using
 * non-negative matrix factorization", SDM 2006), as a {@link NmfModel}. Entry point {@link #fit}.
 *
 * <p>Surprise 1.1.4's algorithm exactly: factors start uniform in {@code [initLow, initHigh)}, every epoch
 * accumulates the numerators and denominators over the ratings in Surprise's order (moving the biases by SGD when
 * biased), then multiplies every user factor, then every item factor, by its ratio (see
 * {@code ImplFactorization.nmfEpoch}); with non-negative ratings and no biases the factors stay non-negative.
 * Fit O(epochs x ratings x factors) on the calling thread, in double precision.
 */
public final class Nmf {

    private Nmf() {
    }

    /**
     * Fits the model with {@link FitControl#defaults()}.
     *
     * @param train   read
     * @param options factors, epochs, terms and seed
     * @return the fitted model
     */
    public static NmfModel fit(Ratings train, NmfOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the model: {@code options.epochs()} passes. The objective per epoch is
     * {@code sum (r - r_hat)^2 + reg_pu |p_u|^2 + reg_qi |q_i|^2 (+ reg_bu b_u^2 + reg_bi b_i^2)} over the ratings,
     * each error taken when the pass visits the rating, the rest at the end of the epoch. A non-finite objective
     * stops the fit as {@link Svd#fit} does. O(epochs x ratings x factors).
     *
     * @param train   read
     * @param options factors, epochs, terms and seed
     * @param control hears each epoch (stage {@code "epochs"}, with the objective) and may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} has no rating
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static NmfModel fit(Ratings train, NmfOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        int f = options.factors();
        return fit(train, options, control,
                FactorFits.uniform(options.seed(), FactorFits.USERS, train.userCount(), f, options.initLow(),
                        options.initHigh()),
                FactorFits.uniform(options.seed(), FactorFits.ITEMS, train.itemCount(), f, options.initLow(),
                        options.initHigh()));
    }

    /** The fit from given initial factors (taken over), for the golden tests. */
    static NmfModel fit(Ratings train, NmfOptions options, FitControl control, double[] pu, double[] qi) {
        Objects.requireNonNull(control, "control");
        Limits.requireRatings("train", train.size());
        long start = System.nanoTime();
        int f = options.factors();
        FactorFits.Csr csr = FactorFits.Csr.of(train);
        double[] bu = new double[train.userCount()];
        double[] bi = new double[train.itemCount()];
        boolean biased = options.biased();
        double mu = biased ? train.globalMean() : 0;
        double[] h = options.hyper();
        double[] userNum = new double[pu.length];
        double[] userDen = new double[pu.length];
        double[] itemNum = new double[qi.length];
        double[] itemDen = new double[qi.length];
        int epochs = options.epochs();
        double[] objective = new double[epochs];
        int run = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            double sse = ImplFactorization.nmfEpoch(csr.ptr, csr.idx, csr.r, csr.itemCounts, mu, bu, bi, pu, qi, f, h,
                    biased, userNum, userDen, itemNum, itemDen);
            objective[epoch] = sse
                    + FactorFits.weightedSquares(csr.userCounts, biased ? bu : null, options.regBu(), pu, f,
                            options.regPu())
                    + FactorFits.weightedSquares(csr.itemCounts, biased ? bi : null, options.regBi(), qi, f,
                            options.regQi());
            run = epoch + 1;
            control.step("epochs", run, epochs, objective[epoch]);
            if (!Double.isFinite(objective[epoch])) {
                break;
            }
        }
        FitSummary.Builder summary = FitSummary.builder(biased ? "NMF (biased)" : "NMF").options(options)
                .data(train.fingerprint());
        FactorFits.finish(summary, "regularised squared error (errors as visited)", Arrays.copyOf(objective, run),
                epochs, "lr_bu " + options.lrBu() + ", lr_bi " + options.lrBi());
        FitSummary s = summary.secondsSince(start).build();
        if (s.verdict() == Verdict.UNUSABLE) {
            for (double[] a : new double[][] {bu, bi, pu, qi}) {
                Arrays.fill(a, 0);
            }
        }
        FactorFits.zeroUnrated(csr.userCounts, pu, f);
        FactorFits.zeroUnrated(csr.itemCounts, qi, f);
        NmfModel model = new NmfModel(train, new FactorParameters(f, bu, bi, pu, qi, csr.userCounts, csr.itemCounts),
                options, s);
        s.logTo(Nmf.class);
        return model;
    }
}
