package dev.retention.cli;

import dev.retention.io.Json;
import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.HoldoutCheck;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.clv.ClvTable;
import dev.retention.lifetime.gammagamma.GammaGammaModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of the lifetime results that {@code retention clv fit} and {@code retention demo} share. The fits
 * themselves and the holdout check are the library's ({@code dev.retention.lifetime.analysis.LifetimeAnalysis});
 * this class only writes them out.
 */
final class LifetimeJson {

    private LifetimeJson() {
    }

    /** {@code r, alpha, a, b, log_likelihood, standard_errors, converged, iterations} of the BG/NBD. */
    static Json bgnbd(BgNbdModel bgnbd) {
        return new Json()
                .put("r", bgnbd.r())
                .put("alpha", bgnbd.alpha())
                .put("a", bgnbd.a())
                .put("b", bgnbd.b())
                .put("log_likelihood", bgnbd.estimates().logLikelihood())
                .put("standard_errors", standardErrors(bgnbd.estimates()))
                .put("converged", bgnbd.fitSummary().converged())
                .put("iterations", bgnbd.fitSummary().iterations());
    }

    /**
     * The parameters by name, {@code log_likelihood, standard_errors, converged, iterations} of a purchase model other
     * than the BG/NBD.
     */
    static Json purchases(PurchaseModel model) {
        Estimates e = model.estimates();
        Json p = new Json();
        double[] values = e.values();
        for (int i = 0; i < values.length; i++) {
            p.put(e.names().get(i), values[i]);
        }
        return p.put("log_likelihood", e.logLikelihood()).put("standard_errors", standardErrors(e))
                .put("converged", model.fitSummary().converged()).put("iterations", model.fitSummary().iterations());
    }

    /**
     * {@code p, q, v, log_likelihood, standard_errors, converged, repeat_customers, frequency_spend_correlation} of
     * the Gamma-Gamma model.
     */
    static Json gammaGamma(GammaGammaModel spend) {
        return new Json()
                .put("p", spend.p())
                .put("q", spend.q())
                .put("v", spend.v())
                .put("log_likelihood", spend.estimates().logLikelihood())
                .put("standard_errors", standardErrors(spend.estimates()))
                .put("converged", spend.fitSummary().converged())
                .put("repeat_customers", spend.estimates().customers())
                .put("frequency_spend_correlation", spend.frequencySpendCorrelation());
    }

    /** {@code length, actual_purchases, predicted_purchases} of a holdout check. */
    static Json holdout(HoldoutCheck holdout) {
        return new Json().put("length", holdout.length()).put("actual_purchases", holdout.actualPurchases())
                .put("predicted_purchases", holdout.predictedPurchases());
    }

    /**
     * {@code horizon_months, monthly_discount_rate, total} of a CLV table and, when {@code top > 0}, its {@code top}
     * customers ({@code customer, frequency, p_alive, expected_purchases, expected_spend, clv}).
     *
     * @param clv     the table
     * @param scored  the summary the table was computed on
     * @param top     how many customers to list
     */
    static Json clv(ClvTable clv, CustomerSummary scored, int top) {
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
    private static Map<String, Double> standardErrors(Estimates e) {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] se = e.standardErrors();
        for (int i = 0; i < se.length; i++) {
            m.put(e.names().get(i), se[i]);
        }
        return m;
    }
}
