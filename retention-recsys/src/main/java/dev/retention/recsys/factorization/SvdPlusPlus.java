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
 * Fits Surprise's {@code SVDpp}: {@code r_ui = mu + b_u + b_i + q_i.(p_u + |I_u|^-1/2 sum_{j in I_u} y_j)}, matrix
 * factorisation with the implicit feedback of which items each user rated (Y. Koren, "Factorization meets the
 * neighborhood: a multifaceted collaborative filtering model", KDD 2008, equation 15), by SGD on the regularised
 * squared error, as a {@link SvdPlusPlusModel}. Entry point {@link #fit}; options {@link FactorOptions#svdPlusPlus()}.
 *
 * <p>Surprise 1.1.4's update rules and order, with one difference in the arithmetic, not in the algorithm:
 * Surprise recomputes the implicit term from every {@code y_j} before each rating and moves every {@code y_j} of
 * the user after each rating, O(|I_u|^2 f) per user and epoch; here the implicit term is kept per user and moved
 * by the same step, and the user's {@code y_j} steps are composed and applied once at the end of the user's
 * ratings (exact, since Surprise visits a user's ratings together and every {@code y_j} takes the same affine
 * step; see {@code ImplFactorization.svdPlusPlusEpoch}), O(|I_u| f). The result equals Surprise's up to rounding
 * (a golden test compares them to 1e-9). With {@code shuffle}, the users come in a seeded random order every epoch,
 * each user's ratings still together.
 *
 * <p>Fit O(epochs x ratings x factors) on the calling thread, in double precision.
 */
public final class SvdPlusPlus {

    private SvdPlusPlus() {
    }

    /**
     * Fits the model with {@link FitControl#defaults()}.
     *
     * @param train   read
     * @param options factors, epochs, rates, terms and seed; {@code biased} must be true
     * @return the fitted model
     */
    public static SvdPlusPlusModel fit(Ratings train, FactorOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the model: {@code options.epochs()} SGD passes; the objective per epoch is the regularised squared
     * error with each rating's error taken when visited, plus {@code reg_yj sum_u |I_u| sum_{j in I_u} |y_j|^2}
     * besides {@link Svd#fit}'s terms. Divergence stops the fit as in {@link Svd#fit}. O(epochs x ratings x f).
     *
     * @param train   read
     * @param options factors, epochs, rates, terms and seed; {@code biased} must be true
     * @param control hears each epoch (stage {@code "epochs"}, with the objective) and may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} has no rating or {@code options.biased()} is false (Surprise's
     *                                  SVD++ has no unbiased form)
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static SvdPlusPlusModel fit(Ratings train, FactorOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        int f = options.factors();
        long seed = options.seed();
        return fit(train, options, control,
                FactorFits.normal(seed, FactorFits.USERS, train.userCount(), f, options.initMean(), options.initStd()),
                FactorFits.normal(seed, FactorFits.ITEMS, train.itemCount(), f, options.initMean(), options.initStd()),
                FactorFits.normal(seed, FactorFits.IMPLICIT, train.itemCount(), f, options.initMean(),
                        options.initStd()));
    }

    /** The fit from given initial factors (taken over), for the golden tests. */
    static SvdPlusPlusModel fit(Ratings train, FactorOptions options, FitControl control, double[] pu, double[] qi,
                                double[] yj) {
        Objects.requireNonNull(control, "control");
        if (!options.biased()) {
            throw new IllegalArgumentException("biased must be true for SVD++ (Surprise's SVDpp has no unbiased form), "
                    + "got false");
        }
        Limits.requireRatings("train", train.size());
        long start = System.nanoTime();
        int f = options.factors();
        FactorFits.Csr csr = FactorFits.Csr.of(train);
        double[] bu = new double[train.userCount()];
        double[] bi = new double[train.itemCount()];
        double mu = train.globalMean();
        double[] h = options.hyper();
        int epochs = options.epochs();
        double[] objective = new double[epochs];
        double[] z = new double[f];
        double[] acc = new double[f];
        // weight of |y_j|^2 in the objective: sum over the users who rated j of their number of ratings
        long[] implicitWeight = new long[train.itemCount()];
        for (int u = 0; u < csr.userCounts.length; u++) {
            for (int p = csr.ptr[u]; p < csr.ptr[u + 1]; p++) {
                implicitWeight[csr.idx[p]] += csr.userCounts[u];
            }
        }
        int run = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = options.shuffle() ? FactorFits.permutation(options.seed(), epoch, train.userCount()) : null;
            double sse = ImplFactorization.svdPlusPlusEpoch(csr.ptr, csr.idx, csr.r, mu, bu, bi, pu, qi, yj, f, h, z,
                    acc, order);
            double implicit = 0;
            for (int j = 0; j < implicitWeight.length; j++) {
                if (implicitWeight[j] > 0) {
                    implicit += implicitWeight[j] * ImplFactorization.dot(yj, j * f, yj, j * f, f);
                }
            }
            objective[epoch] = sse
                    + FactorFits.weightedSquares(csr.userCounts, bu, options.regBu(), pu, f, options.regPu())
                    + FactorFits.weightedSquares(csr.itemCounts, bi, options.regBi(), qi, f, options.regQi())
                    + options.regYj() * implicit;
            run = epoch + 1;
            control.step("epochs", run, epochs, objective[epoch]);
            if (!Double.isFinite(objective[epoch])) {
                break;
            }
        }
        FitSummary.Builder summary = FitSummary.builder("SVD++").options(options).data(train.fingerprint());
        FactorFits.finish(summary, "regularised squared error (SGD, errors as visited)", Arrays.copyOf(objective, run),
                epochs, "lr_pu " + options.lrPu() + ", lr_qi " + options.lrQi() + ", lr_yj " + options.lrYj());
        FitSummary s = summary.secondsSince(start).build();
        if (s.verdict() == Verdict.UNUSABLE) {
            for (double[] a : new double[][] {bu, bi, pu, qi, yj}) {
                Arrays.fill(a, 0);
            }
        }
        FactorFits.zeroUnrated(csr.userCounts, pu, f);
        FactorFits.zeroUnrated(csr.itemCounts, qi, f);
        FactorFits.zeroUnrated(csr.itemCounts, yj, f);
        double[] implicitTerms = new double[train.userCount() * f];
        for (int u = 0; u < csr.userCounts.length; u++) {
            if (csr.userCounts[u] > 0) {
                ImplFactorization.implicitSum(csr.idx, csr.ptr[u], csr.ptr[u + 1], yj, f,
                        Math.sqrt(csr.userCounts[u]), z);
                System.arraycopy(z, 0, implicitTerms, u * f, f);
            }
        }
        SvdPlusPlusModel model = new SvdPlusPlusModel(train, new FactorParameters(f, bu, bi, pu, qi, csr.userCounts,
                csr.itemCounts), yj, implicitTerms, options, s);
        s.logTo(SvdPlusPlus.class);
        return model;
    }
}
