/**
 * Customer-lifetime ("buy till you die") models for shops where customers leave silently. Entry points:
 * {@link dev.retention.lifetime.CustomerSummary#from(dev.retention.data.TransactionLog,
 * dev.retention.lifetime.SummaryOptions)} turns a transaction log into each customer's frequency, recency,
 * age and mean spend (with an optional holdout period); {@link dev.retention.lifetime.BgNbd#fit} (BG/NBD and
 * MBG/NBD), {@link dev.retention.lifetime.ParetoNbd#fit} and {@link dev.retention.lifetime.GammaGamma#fit}
 * fit the models by maximum likelihood and return immutable models ({@link dev.retention.lifetime.BgNbdModel},
 * {@link dev.retention.lifetime.ParetoNbdModel}, {@link dev.retention.lifetime.GammaGammaModel}) with a
 * {@link dev.retention.lifetime.LifetimeFitSummary}; the purchase models give P(alive), expected purchases and, for the
 * BG/NBD, the probability of k purchases; {@link dev.retention.lifetime.Clv#compute} combines a purchase model
 * with the spend model into discounted lifetime values and a ranked
 * {@link dev.retention.lifetime.ClvTable}. {@link dev.retention.lifetime.LifetimeSimulation} draws
 * customers from each model's generative process for parameter-recovery studies. All models save and load with the
 * model file format.
 */
package dev.retention.lifetime;
