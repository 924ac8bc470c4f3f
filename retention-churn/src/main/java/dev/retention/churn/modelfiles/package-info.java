/**
 * The churn module's {@link dev.retention.model.ModelReader}, {@link dev.retention.churn.modelfiles.ChurnModelReader}:
 * not exported, found by {@code Models.load} as a service. It imports the model packages, so it lives apart from
 * {@code internal}, which they import.
 */
package dev.retention.churn.modelfiles;
