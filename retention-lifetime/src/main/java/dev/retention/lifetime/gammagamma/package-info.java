/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, "RFM and CLV"). Entry point:
 * {@link dev.retention.lifetime.gammagamma.GammaGamma#fit(dev.retention.lifetime.CustomerSummary,
 * dev.retention.lifetime.gammagamma.GammaGammaOptions)}, which returns a
 * {@link dev.retention.lifetime.gammagamma.GammaGammaModel} (model type {@code gamma-gamma}).
 */
package dev.retention.lifetime.gammagamma;
