package dev.retention.lifetime.analysis;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.HoldoutCheck;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbd;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer-lifetime analysis of a shop, as Fader, Hardie and Lee (2005) run it on CDNOW: on the customers of a
 * calibration period, fit the BG/NBD (always, as the reference model), the purchase model chosen for predictions
 * (the BG/NBD itself, the MBG/NBD or the Pareto/NBD) and the Gamma-Gamma spend model, each with its estimates and
 * standard errors, and, when the summary has a holdout period, compare the purchases the chosen model predicts
 * for it with those the customers made ({@link HoldoutCheck}). The models then give P(alive), expected purchases
 * and, with {@code dev.retention.lifetime.clv.Clv}, lifetime values. Immutable.
 *
 * <pre>{@code
 * CustomerSummary calibration = CustomerSummary.from(log, new SummaryOptions(PeriodUnit.WEEK, calibrationEnd, null));
 * LifetimeAnalysis a = LifetimeAnalysis.compute(calibration, LifetimeAnalysisOptions.defaults());
 * String report = a.toString();                 // estimates, convergence, the holdout check
 * ClvTable clv = Clv.compute(a.purchases(), a.spend(), calibration, ClvOptions.defaults());
 * }</pre>
 *
 * <p>Cost: the fits' (O(customers) per likelihood evaluation, tens of evaluations for the BG/NBD and the
 * Gamma-Gamma, hundreds for the Pareto/NBD) plus one conditional expectation per customer for the holdout check.
 */
public final class LifetimeAnalysis {

    private final CustomerSummary summary;
    private final BgNbdModel bgNbd;
    private final PurchaseModel purchases;
    private final GammaGammaModel spend;
    private final HoldoutCheck holdout;

    private LifetimeAnalysis(CustomerSummary summary, BgNbdModel bgNbd, PurchaseModel purchases, GammaGammaModel spend,
                             HoldoutCheck holdout) {
        this.summary = summary;
        this.bgNbd = bgNbd;
        this.purchases = purchases;
        this.spend = spend;
        this.holdout = holdout;
    }

    /**
     * Fits the models on a calibration summary and checks the holdout if it has one.
     *
     * @param calibration the customers' calibration histories, with a holdout period or without; read
     * @param options     the purchase model for predictions and the options of each fit
     * @return the fitted models, their CLV and, with a holdout, its check
     * @throws IllegalArgumentException if a fit refuses the summary (fewer customers than parameters, fewer than 3
     *                                  repeat customers, a repeat customer without a positive spend)
     */
    public static LifetimeAnalysis compute(CustomerSummary calibration, LifetimeAnalysisOptions options) {
        return compute(calibration, options, FitControl.defaults());
    }

    /**
     * Fits the models on a calibration summary, under a fit control (every iteration of every fit reaches its
     * listener, its cancellation stops the analysis, its executor runs the likelihoods), and checks the holdout if
     * the summary has one.
     *
     * @param calibration the customers' calibration histories, with a holdout period or without; read
     * @param options     the purchase model for predictions and the options of each fit
     * @param control     progress, cancellation and executor of the fits
     * @return the fitted models, their CLV and, with a holdout, its check
     * @throws IllegalArgumentException if a fit refuses the summary (fewer customers than parameters, fewer than 3
     *                                  repeat customers, a repeat customer without a positive spend)
     * @throws java.util.concurrent.CancellationException if the control cancels a fit
     */
    public static LifetimeAnalysis compute(CustomerSummary calibration, LifetimeAnalysisOptions options,
                                           FitControl control) {
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        BgNbdModel bgNbd = BgNbd.fit(calibration, options.bgNbd(), control);
        PurchaseModel purchases = switch (options.purchases()) {
            case BG_NBD -> bgNbd;
            case MBG_NBD -> BgNbd.fit(calibration, options.bgNbd().withVariant(BgNbdModel.Variant.MBG_NBD), control);
            case PARETO_NBD -> ParetoNbd.fit(calibration, options.paretoNbd(), control);
        };
        GammaGammaModel spend = GammaGamma.fit(calibration, options.gammaGamma(), control);
        // an UNUSABLE purchase model gives no predictions unless asked (PurchaseModel#allowingUnusable), so no check
        boolean usable = purchases.fitSummary().verdict() != Verdict.UNUSABLE;
        HoldoutCheck holdout = calibration.hasHoldout() && usable ? HoldoutCheck.compute(purchases, calibration) : null;
        return new LifetimeAnalysis(calibration, bgNbd, purchases, spend, holdout);
    }

    /** {@return the calibration summary the models were fitted on} */
    public CustomerSummary summary() {
        return summary;
    }

    /** {@return the BG/NBD fit} */
    public BgNbdModel bgNbd() {
        return bgNbd;
    }

    /** {@return the purchase model for predictions: {@link #bgNbd()} itself when the BG/NBD was chosen} */
    public PurchaseModel purchases() {
        return purchases;
    }

    /** {@return the Gamma-Gamma spend model} */
    public GammaGammaModel spend() {
        return spend;
    }

    /**
     * {@return the holdout check of {@link #purchases()}, or empty when the summary has no holdout period or the
     * purchase model's fit is UNUSABLE (it then predicts nothing unless asked)}
     */
    public Optional<HoldoutCheck> holdout() {
        return Optional.ofNullable(holdout);
    }

    /** {@return the least trustworthy verdict among the fits: {@link Verdict#FINE} only when every fit is} */
    public Verdict verdict() {
        Verdict worst = bgNbd.fitSummary().verdict();
        for (Verdict v : new Verdict[] {purchases.fitSummary().verdict(), spend.fitSummary().verdict()}) {
            if (v.compareTo(worst) > 0) {
                worst = v;
            }
        }
        return worst;
    }

    /**
     * The report: the calibration summary; per fit, its estimates with standard errors and how the search ended
     * (iterations, evaluations, seconds, why it stopped); the frequency-spend correlation; the holdout check.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(summary);
        fitReport(sb, bgNbd.estimates(), bgNbd.fitSummary());
        if (purchases != bgNbd) {
            fitReport(sb, purchases.estimates(), purchases.fitSummary());
        }
        fitReport(sb, spend.estimates(), spend.fitSummary());
        sb.append(String.format(Locale.ROOT, "frequency-spend correlation %.3f (the Gamma-Gamma model assumes 0)%n",
                spend.frequencySpendCorrelation()));
        if (holdout != null) {
            sb.append(holdout).append(String.format(Locale.ROOT, "%n"));
        } else if (summary.hasHoldout()) {
            sb.append(String.format(Locale.ROOT, "holdout check skipped: the %s fit is UNUSABLE%n", purchases.name()));
        }
        return sb.toString();
    }

    private static void fitReport(StringBuilder sb, Estimates estimates, FitSummary fit) {
        sb.append(estimates);
        sb.append(String.format(Locale.ROOT, "  %s after %d iterations (%d evaluations, %.3f s): %s%n",
                fit.converged() ? "converged" : "NOT converged", fit.iterations(), estimates.evaluations(),
                fit.seconds(), fit.stopReason()));
        if (fit.verdict() != Verdict.FINE) {
            for (String w : fit.warnings()) {
                sb.append("  ").append(fit.verdict()).append(": ").append(w).append(String.format(Locale.ROOT, "%n"));
            }
        }
    }
}
