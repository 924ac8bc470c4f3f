package dev.retention.cli;

import dev.retention.lifetime.BgNbd;
import dev.retention.lifetime.BgNbdModel;
import dev.retention.lifetime.BgNbdOptions;
import dev.retention.lifetime.ClvTable;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.GammaGamma;
import dev.retention.lifetime.GammaGammaModel;
import dev.retention.lifetime.GammaGammaOptions;
import dev.retention.lifetime.LifetimeFitSummary;
import dev.retention.lifetime.ParetoNbd;
import dev.retention.lifetime.ParetoNbdOptions;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.SummaryOptions;
import dev.retention.data.TransactionLog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer-lifetime fits that {@code retention clv fit} and {@code retention demo} share: the summary of a log up
 * to a calibration end, the BG/NBD (always), the purchase model used for predictions (the BG/NBD itself, the
 * MBG/NBD or the Pareto/NBD), the Gamma-Gamma spend model, and the holdout check of the purchase model when the
 * summary has a holdout period; with their JSON forms.
 *
 * @param summary   the calibration summary
 * @param bgnbd     the BG/NBD fit
 * @param purchases the purchase model for predictions ({@code bgnbd} itself for {@code "bgnbd"})
 * @param spend     the Gamma-Gamma fit
 * @param holdout   actual and predicted holdout purchases of the calibration customers, or {@code null} without
 *                  holdout
 */
record LifetimeFit(CustomerSummary summary, BgNbdModel bgnbd, PurchaseModel purchases, GammaGammaModel spend,
                   double[] holdout) {

    /**
     * Summarizes and fits. O(lines) for the summary plus the fits' iterations, each O(customers).
     *
     * @param log       read
     * @param options   unit, calibration end and observation end of the summary
     * @param model     {@code bgnbd}, {@code mbgnbd} or {@code pareto-nbd}
     * @param bgOptions the BG/NBD options; their penalizer and parallelism also serve the other fits
     */
    static LifetimeFit fit(TransactionLog log, SummaryOptions options, String model, BgNbdOptions bgOptions) {
        CustomerSummary summary = CustomerSummary.from(log, options);
        BgNbdModel bgnbd = BgNbd.fit(summary, bgOptions);
        PurchaseModel purchases = switch (model) {
            case "bgnbd" -> bgnbd;
            case "mbgnbd" -> BgNbd.fit(summary, bgOptions.withVariant(BgNbdModel.Variant.MBG_NBD));
            case "pareto-nbd" -> ParetoNbd.fit(summary, ParetoNbdOptions.defaults()
                    .withPenalizer(bgOptions.penalizer()).withParallelism(bgOptions.parallelism()));
            default -> throw new IllegalArgumentException("model must be bgnbd, mbgnbd or pareto-nbd, got '" + model
                    + "'");
        };
        GammaGammaModel spend = GammaGamma.fit(summary, GammaGammaOptions.defaults()
                .withPenalizer(bgOptions.penalizer()).withParallelism(bgOptions.parallelism()));
        double[] holdout = summary.hasHoldout() ? holdoutCheck(purchases, summary) : null;
        return new LifetimeFit(summary, bgnbd, purchases, spend, holdout);
    }

    /** Actual and predicted purchases of the summary's customers in its holdout period. O(customers). */
    static double[] holdoutCheck(PurchaseModel model, CustomerSummary summary) {
        double actual = 0;
        double predicted = 0;
        for (int i = 0; i < summary.size(); i++) {
            actual += summary.holdoutFrequency(i);
            predicted += model.expectedPurchases(summary.holdoutLength(), summary.frequency(i), summary.recency(i),
                    summary.age(i));
        }
        return new double[] {actual, predicted};
    }

    /** {@code r, alpha, a, b, log_likelihood, standard_errors, converged, iterations} of the BG/NBD. */
    Json bgnbdJson() {
        LifetimeFitSummary bg = bgnbd.fitSummary();
        return new Json()
                .put("r", bgnbd.r())
                .put("alpha", bgnbd.alpha())
                .put("a", bgnbd.a())
                .put("b", bgnbd.b())
                .put("log_likelihood", bg.logLikelihood())
                .put("standard_errors", standardErrors(bg))
                .put("converged", bg.converged())
                .put("iterations", bg.iterations());
    }

    /**
     * {@code p, q, v, log_likelihood, standard_errors, converged, repeat_customers, frequency_spend_correlation} of
     * the Gamma-Gamma model.
     */
    Json gammaGammaJson() {
        return new Json()
                .put("p", spend.p())
                .put("q", spend.q())
                .put("v", spend.v())
                .put("log_likelihood", spend.fitSummary().logLikelihood())
                .put("standard_errors", standardErrors(spend.fitSummary()))
                .put("converged", spend.fitSummary().converged())
                .put("repeat_customers", spend.fitSummary().customers())
                .put("frequency_spend_correlation", spend.frequencySpendCorrelation());
    }

    /** {@code length, actual_purchases, predicted_purchases} of the holdout check; call only with a holdout. */
    Json holdoutJson() {
        return new Json().put("length", summary.holdoutLength()).put("actual_purchases", holdout[0])
                .put("predicted_purchases", holdout[1]);
    }

    /**
     * {@code horizon_months, monthly_discount_rate, total} of a CLV table and, when {@code top > 0}, its {@code top}
     * customers ({@code customer, frequency, p_alive, expected_purchases, expected_spend, clv}).
     *
     * @param clv     the table
     * @param scored  the summary the table was computed on
     * @param top     how many customers to list
     */
    static Json clvJson(ClvTable clv, CustomerSummary scored, int top) {
        Json json = new Json()
                .put("horizon_months", clv.options().horizonMonths())
                .put("monthly_discount_rate", clv.options().monthlyRate())
                .put("total", clv.total());
        if (top > 0) {
            int[] rank = clv.ranking();
            List<Json> rows = new ArrayList<>();
            for (int k = 0; k < Math.min(top, rank.length); k++) {
                int i = rank[k];
                rows.add(new Json().put("customer", scored.id(i)).put("frequency", scored.frequency(i))
                        .put("p_alive", clv.probabilityAlive(i)).put("expected_purchases", clv.expectedPurchases(i))
                        .put("expected_spend", clv.expectedSpend(i)).put("clv", clv.clv(i)));
            }
            json.put("top", rows);
        }
        return json;
    }

    /** Standard errors by parameter name. */
    static Map<String, Double> standardErrors(LifetimeFitSummary f) {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] se = f.standardErrors();
        for (int i = 0; i < se.length; i++) {
            m.put(f.parameterNames().get(i), se[i]);
        }
        return m;
    }
}
