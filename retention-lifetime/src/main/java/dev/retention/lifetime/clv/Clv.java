package dev.retention.lifetime.clv;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.PurchaseModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.internal.CustomerBlocks;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;

import java.util.Objects;

/**
 * Customer lifetime value: the expected discounted value of each customer's purchases over a horizon, from a
 * purchase model (BG/NBD, MBG/NBD or Pareto/NBD) and the Gamma-Gamma spend model (Fader, Hardie and Lee, "RFM
 * and CLV: using iso-value curves for customer base analysis", JMR 42(4), 2005), computed month by month as
 * lifetimes' {@code customer_lifetime_value} does:
 * <pre>
 * CLV = E[M | x, m] * sum_{j=1..H} (E[Y(j u) | x, t_x, T] - E[Y((j - 1) u) | x, t_x, T]) / (1 + d)^j
 * </pre>
 * with {@code u} one month in the model's unit (365.25 / 12 days), {@code H} the horizon in months and {@code d}
 * the monthly discount rate. The expected purchases in each month are discounted at the month's end.
 * O(n H) evaluations of the conditional expectation, over fixed blocks of customers on
 * {@link ClvOptions#threads()} threads (each block writes its own customers: the same result for any number of
 * threads).
 */
public final class Clv {

    private Clv() {
    }

    /**
     * Computes every customer's lifetime value.
     *
     * @param purchases the purchase model; read
     * @param spend     the spend model; read
     * @param summary   the customers, in the purchase model's unit; read
     * @param options   horizon, discount rate and threads
     * @return every customer's P(alive), expected purchases, expected spend and CLV
     * @throws IllegalArgumentException if the summary's unit differs from the model's, or a repeat customer's
     *                                  monetary value is not positive
     */
    public static ClvTable compute(PurchaseModel purchases, GammaGammaModel spend, CustomerSummary summary,
                                   ClvOptions options) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        summary.requireUnit(purchases.unit(), purchases.name());
        int n = summary.size();
        double[] alive = new double[n];
        double[] expected = new double[n];
        double[] value = spend.expectedSpend(summary);
        double[] clv = new double[n];
        double month = summary.unit().unitsPerMonth();
        int horizon = options.horizonMonths();
        double rate = options.monthlyRate();
        Blocks blocks = CustomerBlocks.of(n);
        try (Workers workers = Workers.create(options.threads())) {
            workers.run(blocks.count(), b -> {
                for (int i = blocks.start(b); i < blocks.end(b); i++) {
                    int x = summary.frequency(i);
                    double tx = summary.recency(i);
                    double t = summary.age(i);
                    alive[i] = purchases.probabilityAlive(x, tx, t);
                    double previous = 0;
                    double discounted = 0;
                    double factor = 1;
                    for (int j = 1; j <= horizon; j++) {
                        double e = purchases.expectedPurchases(j * month, x, tx, t);
                        factor /= 1 + rate;
                        discounted += (e - previous) * factor;
                        previous = e;
                    }
                    expected[i] = previous;
                    clv[i] = value[i] * discounted;
                }
            });
        }
        return new ClvTable(summary.customers(), summary.frequencies(), alive, expected, value, clv, options,
                purchases.name());
    }
}
