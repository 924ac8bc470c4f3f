/**
 * A nightly batch job, for the team that refreshes scores and models on a schedule: entry point
 * {@link dev.retention.examples.batch.NightlyScoring} (a {@code main} that reads an order file, fits RFM, k-means
 * and the lifetime models, writes one row of scores per customer and the model files), and
 * {@link dev.retention.examples.batch.ScoringModels}, the set of model files it writes and a service loads.
 */
package dev.retention.examples.batch;
