/**
 * Internals of the recommenders, not exported: {@link dev.retention.recsys.internal.RatingModelFiles},
 * the model-file sections the rating models share.
 */
package dev.retention.recsys.internal;
