/**
 * Customer-lifetime ("buy till you die") models for shops where customers leave silently. Entry points:
 * {@link dev.retention.churn.lifetime.CustomerSummary#from(dev.retention.data.TransactionLog,
 * dev.retention.churn.lifetime.SummaryOptions)} turns a transaction log into each customer's frequency, recency,
 * age and mean spend (with an optional holdout period); {@link dev.retention.churn.lifetime.BgNbd#fit} (BG/NBD and
 * MBG/NBD), {@link dev.retention.churn.lifetime.ParetoNbd#fit} and {@link dev.retention.churn.lifetime.GammaGamma#fit}
 * fit the models by maximum likelihood and return immutable models ({@link dev.retention.churn.lifetime.BgNbdModel},
 * {@link dev.retention.churn.lifetime.ParetoNbdModel}, {@link dev.retention.churn.lifetime.GammaGammaModel}) with a
 * {@link dev.retention.churn.lifetime.LifetimeFitSummary}; the purchase models give P(alive), expected purchases and, for the
 * BG/NBD, the probability of k purchases; {@link dev.retention.churn.lifetime.Clv#compute} combines a purchase model
 * with the spend model into discounted lifetime values and a ranked
 * {@link dev.retention.churn.lifetime.ClvTable}. {@link dev.retention.churn.lifetime.LifetimeSimulation} draws
 * customers from each model's generative process for parameter-recovery studies. All models save and load with the
 * model file format.
 */
package dev.retention.churn.lifetime;
