/**
 * Matrix factorisation and co-clustering of ratings, Surprise 1.1.4's {@code SVD}, {@code SVDpp}, {@code NMF} and
 * {@code CoClustering}. Entry points: {@link dev.retention.recsys.factorization.Svd#fit} and
 * {@link dev.retention.recsys.factorization.SvdPlusPlus#fit} (options
 * {@link dev.retention.recsys.factorization.FactorOptions}), {@link dev.retention.recsys.factorization.Nmf#fit}
 * ({@link dev.retention.recsys.factorization.NmfOptions}) and
 * {@link dev.retention.recsys.factorization.CoClustering#fit}
 * ({@link dev.retention.recsys.factorization.CoClusteringOptions}); the epoch kernels are in the unexported
 * {@code dev.retention.recsys.internal.ImplFactorization}.
 */
package dev.retention.recsys.factorization;
