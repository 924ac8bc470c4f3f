/**
 * Top-N recommendation from a truncated SVD of the rating matrix. Entry point:
 * {@link dev.retention.recsys.svd.PureSvd#fit}; the SVD itself is
 * {@link dev.retention.recsys.sparse.TruncatedSvd}.
 */
package dev.retention.recsys.svd;
