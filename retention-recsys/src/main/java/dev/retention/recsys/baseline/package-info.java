/**
 * Baseline rating predictors. Entry points: {@link dev.retention.recsys.baseline.BaselineOnly#fit}
 * ({@code mu + b_u + b_i} by ALS or SGD, options in {@link dev.retention.recsys.baseline.BaselineOptions}, model
 * {@link dev.retention.recsys.baseline.BaselineOnlyModel}) and
 * {@link dev.retention.recsys.baseline.NormalPredictor#fit} (options
 * {@link dev.retention.recsys.baseline.NormalPredictorOptions}, model
 * {@link dev.retention.recsys.baseline.NormalPredictorModel}).
 */
package dev.retention.recsys.baseline;
