package dev.retention.recsys.baseline;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;

import java.util.Locale;
import java.util.Objects;

/**
 * Fits Surprise's {@code NormalPredictor}: the maximum-likelihood mean and standard deviation of the training
 * ratings, {@code mu} and {@code sigma = sqrt(sum (r - mu)^2 / n)}, as a {@link NormalPredictorModel} that
 * predicts a draw from {@code N(mu, sigma^2)}. Entry point {@link #fit}. Fit O(ratings), closed form.
 */
public final class NormalPredictor {

    private NormalPredictor() {
    }

    /**
     * Fits mean and standard deviation.
     *
     * @param train   read
     * @param options the seed of the draws
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating
     */
    public static NormalPredictorModel fit(Ratings train, NormalPredictorOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits mean and standard deviation. A closed-form fit: {@code control} is only asked whether to cancel
     * before the fit starts.
     *
     * @param train   read
     * @param options the seed of the draws
     * @param control may cancel the fit
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no rating
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static NormalPredictorModel fit(Ratings train, NormalPredictorOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Limits.requireRatings("train", train.size());
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        control.checkCancelled("NormalPredictor", 0);
        long start = System.nanoTime();
        double mu = train.globalMean();
        double ss = 0;
        for (int p = 0; p < train.size(); p++) {
            double d = train.value(p) - mu;
            ss += d * d;
        }
        double sigma = Math.sqrt(ss / train.size());
        FitSummary.Builder summary = FitSummary.builder("NormalPredictor").options(options)
                .choice(String.format(Locale.ROOT, "maximum-likelihood mu %.6f, sigma %.6f over %,d ratings", mu,
                        sigma, train.size()))
                .data(train.fingerprint());
        FitSummary s = summary.secondsSince(start).build();
        s.logTo(NormalPredictor.class);
        return new NormalPredictorModel(train, sigma, options, s);
    }
}
