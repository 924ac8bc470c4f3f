package dev.retention.spark;

import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;

import java.util.Objects;

/**
 * The outcome of {@link SparkLifetime#fit}: the purchase and spend models and where their likelihood was summed.
 *
 * @param purchases       the BG/NBD (or MBG/NBD) model
 * @param spend           the Gamma-Gamma model
 * @param mode            where the fits ran
 * @param customers       the customers of the purchase model's fit
 * @param repeatCustomers the customers with a repeat purchase (the spend model's fit)
 */
public record SparkLifetimeFit(BgNbdModel purchases, GammaGammaModel spend, Mode mode, long customers,
                               long repeatCustomers) {

    /** Where a lifetime fit sums its likelihood. */
    public enum Mode {
        /** The summaries are collected to the driver and fitted there by the single-JVM fit. */
        DRIVER,
        /** Each likelihood evaluation of the optimizer is one Spark job summing partition sums on the executors. */
        DISTRIBUTED;

        /** {@return the lower-case name used in JSON summaries: {@code "driver"} or {@code "distributed"}} */
        public String label() {
            return this == DRIVER ? "driver" : "distributed";
        }
    }

    /**
     * Checks the fields.
     *
     * @param purchases       the purchase model
     * @param spend           the spend model
     * @param mode            where the fits ran
     * @param customers       the customers of the purchase model's fit
     * @param repeatCustomers the customers with a repeat purchase
     * @throws NullPointerException if a model or the mode is null
     */
    public SparkLifetimeFit {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(mode, "mode");
    }
}
