/**
 * The analysis of an experiment: {@link dev.retention.experiment.analysis.ExperimentAnalysis#compute} compares every
 * treated arm with the control on every {@link dev.retention.experiment.analysis.Metric}, adjusts for multiplicity,
 * checks the sample ratio and applies CUPED, returning an {@link dev.retention.experiment.analysis.AnalysisReport}.
 */
package dev.retention.experiment.analysis;
