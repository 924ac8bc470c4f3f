/**
 * Customer-lifetime ("buy till you die") models for shops where customers leave silently: what every model of
 * the family shares. Entry point: {@link dev.retention.lifetime.CustomerSummary#from(dev.retention.data.TransactionLog,
 * dev.retention.lifetime.SummaryOptions)} turns a transaction log into each customer's frequency, recency, age and
 * mean spend (in {@link dev.retention.lifetime.PeriodUnit days or weeks}, with an optional holdout period).
 * {@link dev.retention.lifetime.PurchaseModel} is what the BG/NBD and Pareto/NBD models answer (P(alive), expected
 * purchases), {@link dev.retention.lifetime.Estimates} their maximum-likelihood estimates with standard errors, and
 * {@link dev.retention.lifetime.HoldoutCheck} compares a model's predictions with a holdout period.
 *
 * <p>The family's other packages: {@code bgnbd} ({@code BgNbd.fit}: BG/NBD and MBG/NBD), {@code paretonbd}
 * ({@code ParetoNbd.fit}), {@code gammagamma} ({@code GammaGamma.fit}: spend), {@code clv} ({@code Clv.compute}:
 * discounted lifetime values, ranked), {@code analysis} ({@code LifetimeAnalysis.compute}: the fits of a calibration
 * period and the holdout check together) and {@code simulation} ({@code LifetimeSimulation}: customers drawn from
 * each model's process). Each depends on this package, none on a later one, so there is no cycle.
 */
package dev.retention.lifetime;
