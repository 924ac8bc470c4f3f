/**
 * The experiment module's {@link dev.retention.model.ModelReader},
 * {@link dev.retention.experiment.modelfiles.ExperimentModelReader}: not exported, found by {@code Models.load} as a
 * service. It imports the uplift package, and no package imports it.
 */
package dev.retention.experiment.modelfiles;
