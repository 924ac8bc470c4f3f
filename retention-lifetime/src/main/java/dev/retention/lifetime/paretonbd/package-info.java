/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987). Entry point:
 * {@link dev.retention.lifetime.paretonbd.ParetoNbd#fit(dev.retention.lifetime.CustomerSummary,
 * dev.retention.lifetime.paretonbd.ParetoNbdOptions)}, which returns a
 * {@link dev.retention.lifetime.paretonbd.ParetoNbdModel} (model type {@code pareto-nbd}).
 */
package dev.retention.lifetime.paretonbd;
