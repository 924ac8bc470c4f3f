/**
 * Monitoring an experiment while it runs: {@link dev.retention.experiment.sequential.GroupSequential} boundaries
 * from Lan-DeMets {@link dev.retention.experiment.sequential.Spending} functions, and always-valid p-values by the
 * mixture SPRT ({@link dev.retention.experiment.sequential.Msprt}).
 */
package dev.retention.experiment.sequential;
