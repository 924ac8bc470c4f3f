package dev.retention.churn.ranking;

import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.rfm.StatusRule;

import java.time.Instant;
import java.util.Objects;

/**
 * Options of {@link ChurnRanking#compute}.
 *
 * @param cutoff          the scoring cutoff: only lines before it make the scored customers' features
 * @param horizonDays     churn is no purchase within this many days after a cutoff, &gt;= 1
 * @param trainingCutoffs how many training cutoffs, &gt;= 1 (default 4); the latest one is one horizon before
 *                        {@code cutoff}, so its labels use only lines before it
 * @param stepDays        days between training cutoffs, &gt;= 1 (default 30)
 * @param preprocessing   the preprocessing fitted on the training rows (default: the defaults with missing
 *                        indicators, since the gap features are missing for one-order customers)
 * @param observedUntil   the end of the data, exclusive, or {@code null} (the default) for just after the last
 *                        purchase: the out-of-time AUC is measured when the horizon after the cutoff ends by then
 * @param statusRule      who is lapsed, at risk or active (default {@link StatusRule#defaults()}: lapsed after 365 days
 *                        without purchase, at risk from P(churn) 0.5); a ranking has no P(alive), so only the
 *                        recency decides lapsed
 * @param allowUnusable   whether to score the customers even when the fit is judged UNUSABLE (default false:
 *                        {@link ChurnRanking#compute} then throws {@link IllegalStateException} naming the reasons);
 *                        a caller that reports the verdict itself sets it
 */
public record RankingOptions(Instant cutoff, int horizonDays, int trainingCutoffs, int stepDays,
                             PreprocessOptions preprocessing, Instant observedUntil, StatusRule statusRule,
                             boolean allowUnusable) {

    /**
     * Checks every option.
     *
     * @param cutoff          the scoring cutoff: only lines before it make the scored customers' features
     * @param horizonDays     churn is no purchase within this many days after a cutoff, &gt;= 1
     * @param trainingCutoffs how many training cutoffs, &gt;= 1 (default 4); the latest one is one horizon before
     *                        {@code cutoff}, so its labels use only lines before it
     * @param stepDays        days between training cutoffs, &gt;= 1 (default 30)
     * @param preprocessing   the preprocessing fitted on the training rows (default: the defaults with missing
     *                        indicators, since the gap features are missing for one-order customers)
     * @param observedUntil   the end of the data, exclusive, or {@code null} (the default) for just after the last
     *                        purchase: the out-of-time AUC is measured when the horizon after the cutoff ends by then
     * @param statusRule      who is lapsed, at risk or active
     * @param allowUnusable   whether to score the customers even when the fit is judged UNUSABLE
     * @throws IllegalArgumentException naming the option, its value and what was expected
     */
    public RankingOptions {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(statusRule, "statusRule");
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be >= 1, got " + horizonDays);
        }
        if (trainingCutoffs < 1) {
            throw new IllegalArgumentException("trainingCutoffs must be >= 1, got " + trainingCutoffs);
        }
        if (stepDays < 1) {
            throw new IllegalArgumentException("stepDays must be >= 1, got " + stepDays);
        }
    }

    /**
     * {@return the defaults at a cutoff and horizon: 4 training cutoffs 30 days apart, the default preprocessing with
     * missing indicators, observed until just after the last purchase}
     *
     * @param cutoff      the scoring cutoff
     * @param horizonDays the churn horizon in days, &gt;= 1
     */
    public static RankingOptions of(Instant cutoff, int horizonDays) {
        return new RankingOptions(cutoff, horizonDays, 4, 30, PreprocessOptions.defaults().withMissingIndicators(true),
                null, StatusRule.defaults(), false);
    }

    /**
     * {@return a copy with this scoring cutoff}
     *
     * @param cutoff the scoring cutoff: only lines before it make the scored customers' features
     */
    public RankingOptions withCutoff(Instant cutoff) {
        return new RankingOptions(cutoff, horizonDays, trainingCutoffs, stepDays, preprocessing, observedUntil,
                statusRule, allowUnusable);
    }

    /**
     * {@return a copy with this horizon}
     *
     * @param horizonDays churn is no purchase within this many days after a cutoff, &gt;= 1
     */
    public RankingOptions withHorizonDays(int horizonDays) {
        return new RankingOptions(cutoff, horizonDays, trainingCutoffs, stepDays, preprocessing, observedUntil,
                statusRule, allowUnusable);
    }

    /**
     * {@return a copy with this many training cutoffs}
     *
     * @param trainingCutoffs how many training cutoffs, &gt;= 1 (default 4); the latest one is one horizon before
     *                        {@code cutoff}, so its labels use only lines before it
     */
    public RankingOptions withTrainingCutoffs(int trainingCutoffs) {
        return new RankingOptions(cutoff, horizonDays, trainingCutoffs, stepDays, preprocessing, observedUntil,
                statusRule, allowUnusable);
    }

    /**
     * {@return a copy with training cutoffs this many days apart}
     *
     * @param stepDays days between training cutoffs, &gt;= 1 (default 30)
     */
    public RankingOptions withStepDays(int stepDays) {
        return new RankingOptions(cutoff, horizonDays, trainingCutoffs, stepDays, preprocessing, observedUntil,
                statusRule, allowUnusable);
    }

    /**
     * {@return a copy with this preprocessing}
     *
     * @param preprocessing the preprocessing fitted on the training rows (default: the defaults with missing
     *                      indicators, since the gap features are missing for one-order customers)
     */
    public RankingOptions withPreprocessing(PreprocessOptions preprocessing) {
        return new RankingOptions(cutoff, horizonDays, trainingCutoffs, stepDays, preprocessing, observedUntil,
                statusRule, allowUnusable);
    }

    /**
     * {@return a copy observed until this instant, exclusive ({@code null}: just after the last purchase)}
     *
     * @param observedUntil the end of the data, exclusive, or {@code null} (the default) for just after the last
     *                      purchase: the out-of-time AUC is measured when the horizon after the cutoff ends by then
     */
    public RankingOptions withObservedUntil(Instant observedUntil) {
        return new RankingOptions(cutoff, horizonDays, trainingCutoffs, stepDays, preprocessing, observedUntil,
                statusRule, allowUnusable);
    }

    /**
     * {@return a copy with this status rule}
     *
     * @param statusRule who is lapsed, at risk or active
     */
    public RankingOptions withStatusRule(StatusRule statusRule) {
        return new RankingOptions(cutoff, horizonDays, trainingCutoffs, stepDays, preprocessing, observedUntil,
                statusRule, allowUnusable);
    }

    /**
     * {@return a copy that scores even when the fit is judged UNUSABLE, or refuses to}
     *
     * @param allowUnusable whether {@link ChurnRanking#compute} scores from an UNUSABLE fit
     */
    public RankingOptions withAllowUnusable(boolean allowUnusable) {
        return new RankingOptions(cutoff, horizonDays, trainingCutoffs, stepDays, preprocessing, observedUntil,
                statusRule, allowUnusable);
    }
}
