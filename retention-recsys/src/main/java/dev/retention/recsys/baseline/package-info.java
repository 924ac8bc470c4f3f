/**
 * Baseline rating predictors. Entry points: {@link dev.retention.recsys.baseline.BaselineOnly#fit}
 * ({@code mu + b_u + b_i} by ALS or SGD, options in {@link dev.retention.recsys.baseline.BaselineOptions})
 * and {@link dev.retention.recsys.baseline.NormalPredictor#fit}.
 */
package dev.retention.recsys.baseline;
