/**
 * Targeting: {@link dev.retention.experiment.targeting.TargetingRule} treats the top fraction by uplift, or by
 * expected incremental value under a budget, and compares it with treating everyone and no one.
 */
package dev.retention.experiment.targeting;
