package dev.retention.recsys.svd;

import dev.retention.model.FitControl;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.evaluation.HitRate;
import dev.retention.recsys.evaluation.PurchasePeriod;
import dev.retention.recsys.sparse.SvdOptions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Chooses PureSVD's number of factors on a validation period: for every rank of a grid, PureSVD is fitted on
 * the purchases before the period and scored by its {@link HitRate} on the period; the rank with the most hits
 * wins, the first of the grid on ties (put the ranks in increasing order to prefer the smaller model). A
 * rank above {@code min(customers, items)} of the training purchases is fitted at that limit. Immutable.
 *
 * <p>Check the chosen rank on a later period (a holdout) before trusting it, and compare it with the
 * most popular items ({@link dev.retention.recsys.popularity.Popularity}): on shops whose purchases follow
 * popularity more than taste, one factor often wins, ranking items almost as popularity does.
 */
public final class RankSelection {

    private final PurchasePeriod period;
    private final int[] ranks;
    private final HitRate[] hitRates;
    private final int best;
    private final int n;

    private RankSelection(PurchasePeriod period, int[] ranks, HitRate[] hitRates, int best, int n) {
        this.period = period;
        this.ranks = ranks;
        this.hitRates = hitRates;
        this.best = best;
        this.n = n;
    }

    /**
     * Fits and scores every rank. O(ranks x (cost of a PureSVD fit + cost of a {@link HitRate})).
     *
     * @param period  read: the training purchases and the period scored
     * @param ranks   read, copied: the ranks to try, each {@code >= 1}, at least one
     * @param n       items recommended per customer, {@code >= 1}
     * @param options the randomized SVD (oversampling, power iterations, seed, threads); its rank is replaced
     * @return every rank's hit rate, and the best
     * @throws IllegalArgumentException if there is no rank, a rank is below 1, or {@code n < 1}
     */
    public static RankSelection evaluate(PurchasePeriod period, int[] ranks, int n, SvdOptions options) {
        return evaluate(period, ranks, n, options, FitControl.defaults());
    }

    /**
     * Fits and scores every rank, with progress and cancellation.
     *
     * @param period  read: the training purchases and the period scored
     * @param ranks   read, copied: the ranks to try, each {@code >= 1}, at least one
     * @param n       items recommended per customer, {@code >= 1}
     * @param options the randomized SVD (oversampling, power iterations, seed, threads); its rank is replaced
     * @param control passed to every fit (stage {@code "power iterations"}), and told once per rank (stage
     *                {@code "ranks"}, with the hit rate, or NaN without customers)
     * @return every rank's hit rate, and the best
     * @throws IllegalArgumentException                   if there is no rank, a rank is below 1, or {@code n < 1}
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static RankSelection evaluate(PurchasePeriod period, int[] ranks, int n, SvdOptions options,
                                         FitControl control) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(ranks, "ranks");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        if (ranks.length == 0) {
            throw new IllegalArgumentException("ranks must hold at least one rank");
        }
        for (int r : ranks) {
            if (r < 1) {
                throw new IllegalArgumentException("ranks must be >= 1, got " + r + " in " + Arrays.toString(ranks));
            }
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        int[] grid = ranks.clone();
        Ratings train = period.train();
        int limit = Math.min(train.userCount(), train.itemCount());
        HitRate[] rates = new HitRate[grid.length];
        int best = 0;
        for (int k = 0; k < grid.length; k++) {
            PureSvdModel model = PureSvd.fit(train, options.withRank(Math.min(grid[k], limit)), control);
            rates[k] = HitRate.compute(model, period, n);
            if (rates[k].hits() > rates[best].hits()) {
                best = k;
            }
            control.step("ranks", k + 1, grid.length, rates[k].rate().orElse(Double.NaN));
        }
        return new RankSelection(period, grid, rates, best, n);
    }

    /** {@return the period the ranks were scored on} */
    public PurchasePeriod period() {
        return period;
    }

    /** {@return the ranks tried, as given; a copy} */
    public int[] ranks() {
        return ranks.clone();
    }

    /** {@return the hit rate of each rank, in the order of {@link #ranks()}} */
    public List<HitRate> hitRates() {
        return List.of(hitRates);
    }

    /** {@return the chosen rank, as given in the grid (a fit caps it at {@code min(customers, items)} of its data)} */
    public int rank() {
        return ranks[best];
    }

    /** {@return the hit rate of the chosen rank} */
    public HitRate bestHitRate() {
        return hitRates[best];
    }

    /** {@return items recommended per customer} */
    public int n() {
        return n;
    }

    /** A table: each rank with its hit rate, the chosen one marked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "PureSVD rank by top-%d hit rate on %s .. %s "
                + "(%,d customers)%n%8s %10s%n", n, period.start(), period.end(), period.customers(), "rank",
                "hit rate"));
        for (int k = 0; k < ranks.length; k++) {
            OptionalDouble r = hitRates[k].rate();
            sb.append(String.format(Locale.ROOT, "%8d %10s%s%n", ranks[k],
                    r.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * r.getAsDouble()) : "n/a",
                    k == best ? "  chosen" : ""));
        }
        return sb.toString();
    }
}
