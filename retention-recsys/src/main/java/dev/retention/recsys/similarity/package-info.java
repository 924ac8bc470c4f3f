/**
 * Similarity measures between the rows of a sparse matrix (users or items): cosine, Pearson,
 * Pearson-baseline with shrinkage, mean squared difference, Jaccard and adjusted cosine, over
 * co-rated entries, with a minimum support, as a full matrix or a top-k neighbour index. Entry point:
 * {@link dev.retention.recsys.similarity.Similarities#compute}; options in
 * {@link dev.retention.recsys.similarity.SimilarityOptions}.
 */
package dev.retention.recsys.similarity;
