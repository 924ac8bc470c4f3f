/**
 * Uplift models: who should get the action. Learners {@link dev.retention.experiment.uplift.TLearner},
 * {@link dev.retention.experiment.uplift.ClassTransformation} and {@link dev.retention.experiment.uplift.XLearner}
 * over the churn module's classifiers return an {@link dev.retention.experiment.uplift.UpliftModel};
 * {@link dev.retention.experiment.uplift.UpliftEvaluation} measures a ranking on held-out rows (Qini, AUUC, uplift
 * at k, deciles) and {@link dev.retention.experiment.uplift.UpliftSplit} draws the stratified test split.
 */
package dev.retention.experiment.uplift;
