/**
 * The hybrid recommender: {@link dev.retention.recsys.hybrid.Hybrid#fit} wraps a collaborative model with content and
 * popularity so that new customers and new products are served, each recommended item with its
 * {@link dev.retention.recsys.hybrid.Source}.
 */
package dev.retention.recsys.hybrid;
