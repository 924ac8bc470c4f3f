/**
 * Top-N recommendation from a truncated SVD of the rating matrix. Entry point:
 * {@link dev.retention.recsys.svd.PureSvd#fit} (options {@link dev.retention.recsys.sparse.SvdOptions}, model
 * {@link dev.retention.recsys.svd.PureSvdModel}); the number of factors chosen on a validation period by
 * {@link dev.retention.recsys.svd.RankSelection#evaluate}. The SVD itself is
 * {@link dev.retention.recsys.sparse.TruncatedSvd}.
 */
package dev.retention.recsys.svd;
