/**
 * Experiment data: {@link dev.retention.experiment.ExperimentTable} (one row per unit: arm, outcomes, covariates),
 * read from CSV by {@link dev.retention.experiment.ExperimentTableReader} or derived from a transaction log by
 * {@link dev.retention.experiment.LogOutcomes}.
 */
package dev.retention.experiment;
