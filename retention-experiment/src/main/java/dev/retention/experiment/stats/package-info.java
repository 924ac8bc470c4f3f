/**
 * Statistical tests, intervals and distributions for experiments: {@link dev.retention.experiment.stats.TwoSampleTests}
 * (proportions, Welch, Mann-Whitney, bootstrap), {@link dev.retention.experiment.stats.MultipleTesting} (Holm,
 * Bonferroni), {@link dev.retention.experiment.stats.SampleRatio} (sample-ratio mismatch),
 * {@link dev.retention.experiment.stats.Cuped} (variance reduction) and
 * {@link dev.retention.experiment.stats.Distributions} (normal, t and chi-square) on
 * {@link dev.retention.experiment.stats.IncompleteFunctions}. Pure functions of arrays and counts.
 */
package dev.retention.experiment.stats;
