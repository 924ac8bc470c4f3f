package dev.retention.lifetime.analysis;

import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.gammagamma.GammaGammaOptions;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;

import java.util.Objects;

/**
 * Options of {@link LifetimeAnalysis#compute}: which purchase model predicts, and the options of each fit.
 *
 * @param purchases  the purchase model for predictions, the holdout check and CLV (default {@link Purchases#BG_NBD});
 *                   the BG/NBD is fitted in every case
 * @param bgNbd      the options of the BG/NBD fit, whose variant must be {@link BgNbdModel.Variant#BG_NBD}; the
 *                   MBG/NBD, when chosen, is fitted with the same options in its own variant (default
 *                   {@link BgNbdOptions#defaults()})
 * @param paretoNbd  the options of the Pareto/NBD fit, used when it is chosen (default
 *                   {@link ParetoNbdOptions#defaults()})
 * @param gammaGamma the options of the Gamma-Gamma fit (default {@link GammaGammaOptions#defaults()})
 */
public record LifetimeAnalysisOptions(Purchases purchases, BgNbdOptions bgNbd, ParetoNbdOptions paretoNbd,
                                      GammaGammaOptions gammaGamma) {

    /** The purchase model that predicts. */
    public enum Purchases {
        /** The BG/NBD itself (Fader, Hardie and Lee 2005). */
        BG_NBD,
        /** The MBG/NBD (Batislam, Denizel and Filiztekin 2007), fitted besides the BG/NBD. */
        MBG_NBD,
        /** The Pareto/NBD (Schmittlein, Morrison and Colombo 1987), fitted besides the BG/NBD. */
        PARETO_NBD
    }

    /**
     * Validates the options.
     *
     * @param purchases  the purchase model for predictions, the holdout check and CLV (default {@link
     *                   Purchases#BG_NBD}); the BG/NBD is fitted in every case
     * @param bgNbd      the options of the BG/NBD fit, whose variant must be {@link BgNbdModel.Variant#BG_NBD}; the
     *                   MBG/NBD, when chosen, is fitted with the same options in its own variant (default {@link
     *                   BgNbdOptions#defaults()})
     * @param paretoNbd  the options of the Pareto/NBD fit, used when it is chosen (default {@link
     *                   ParetoNbdOptions#defaults()})
     * @param gammaGamma the options of the Gamma-Gamma fit (default {@link GammaGammaOptions#defaults()})
     * @throws IllegalArgumentException if the BG/NBD options ask for the MBG/NBD variant
     */
    public LifetimeAnalysisOptions {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(bgNbd, "bgNbd");
        Objects.requireNonNull(paretoNbd, "paretoNbd");
        Objects.requireNonNull(gammaGamma, "gammaGamma");
        if (bgNbd.variant() != BgNbdModel.Variant.BG_NBD) {
            throw new IllegalArgumentException("bgNbd.variant must be BG_NBD (the analysis always reports the "
                    + "BG/NBD; choose the MBG/NBD with purchases = MBG_NBD), got " + bgNbd.variant());
        }
    }

    /** {@return BG/NBD predictions; every fit with its defaults} */
    public static LifetimeAnalysisOptions defaults() {
        return new LifetimeAnalysisOptions(Purchases.BG_NBD, BgNbdOptions.defaults(), ParetoNbdOptions.defaults(),
                GammaGammaOptions.defaults());
    }

    /**
     * {@return a copy predicting with the given purchase model}
     *
     * @param purchases the purchase model for predictions, the holdout check and CLV (default {@link
     *                  Purchases#BG_NBD}); the BG/NBD is fitted in every case
     */
    public LifetimeAnalysisOptions withPurchases(Purchases purchases) {
        return new LifetimeAnalysisOptions(purchases, bgNbd, paretoNbd, gammaGamma);
    }

    /**
     * {@return a copy with the given BG/NBD options}
     *
     * @param bgNbd the options of the BG/NBD fit, whose variant must be {@link BgNbdModel.Variant#BG_NBD}; the MBG/NBD,
     *              when chosen, is fitted with the same options in its own variant (default {@link
     *              BgNbdOptions#defaults()})
     */
    public LifetimeAnalysisOptions withBgNbd(BgNbdOptions bgNbd) {
        return new LifetimeAnalysisOptions(purchases, bgNbd, paretoNbd, gammaGamma);
    }

    /**
     * {@return a copy with the given Pareto/NBD options}
     *
     * @param paretoNbd the options of the Pareto/NBD fit, used when it is chosen (default {@link
     *                  ParetoNbdOptions#defaults()})
     */
    public LifetimeAnalysisOptions withParetoNbd(ParetoNbdOptions paretoNbd) {
        return new LifetimeAnalysisOptions(purchases, bgNbd, paretoNbd, gammaGamma);
    }

    /**
     * {@return a copy with the given Gamma-Gamma options}
     *
     * @param gammaGamma the options of the Gamma-Gamma fit (default {@link GammaGammaOptions#defaults()})
     */
    public LifetimeAnalysisOptions withGammaGamma(GammaGammaOptions gammaGamma) {
        return new LifetimeAnalysisOptions(purchases, bgNbd, paretoNbd, gammaGamma);
    }

    /**
     * {@return a copy whose three fits use the given L2 penalizer}
     *
     * @param penalizer the L2 penalizer, finite and &gt;= 0
     * @throws IllegalArgumentException if the penalizer is negative or not finite
     */
    public LifetimeAnalysisOptions withPenalizer(double penalizer) {
        return new LifetimeAnalysisOptions(purchases, bgNbd.withPenalizer(penalizer),
                paretoNbd.withPenalizer(penalizer), gammaGamma.withPenalizer(penalizer));
    }

    /**
     * {@return a copy whose three fits use the given number of threads}
     *
     * @param threads threads of each fit, &gt;= 1
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public LifetimeAnalysisOptions withThreads(int threads) {
        return new LifetimeAnalysisOptions(purchases, bgNbd.withThreads(threads), paretoNbd.withThreads(threads),
                gammaGamma.withThreads(threads));
    }
}
