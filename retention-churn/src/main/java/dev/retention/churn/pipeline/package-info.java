/**
 * Preprocessing and classifier as one servable model. Entry point
 * {@link dev.retention.churn.pipeline.ChurnPipeline#fit}, model
 * {@link dev.retention.churn.pipeline.ChurnPipelineModel} (type {@code churn-pipeline}), which scores raw
 * customer rows and explains them; {@code Models.load(path, ChurnPipelineModel.class)} reads it back.
 */
package dev.retention.churn.pipeline;
