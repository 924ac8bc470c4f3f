/**
 * The lifetime analysis of a calibration period: the BG/NBD, the purchase model chosen for predictions and the
 * Gamma-Gamma fitted together, and the holdout check. Entry point:
 * {@link dev.retention.lifetime.analysis.LifetimeAnalysis#compute(dev.retention.lifetime.CustomerSummary,
 * dev.retention.lifetime.analysis.LifetimeAnalysisOptions)}.
 */
package dev.retention.lifetime.analysis;
