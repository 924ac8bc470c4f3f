/**
 * Planning an experiment: {@link dev.retention.experiment.planning.PowerAnalysis} (sample size, power, minimum
 * detectable effect for proportions and means, as statsmodels' {@code NormalIndPower}) returning a
 * {@link dev.retention.experiment.planning.Plan}.
 */
package dev.retention.experiment.planning;
