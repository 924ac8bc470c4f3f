/**
 * Preprocessing and classifier as one servable model. Entry point
 * {@link dev.retention.churn.pipeline.ChurnPipeline#fit}; {@link dev.retention.churn.pipeline.ClassifierFiles}
 * reads any classifier file of the module.
 */
package dev.retention.churn.pipeline;
