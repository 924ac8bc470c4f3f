/**
 * Sparse matrices and their kernels. Entry points: {@link dev.retention.recsys.sparse.CsrMatrix#fromTriples}
 * (CSR with float values, built by counting sort), {@link dev.retention.recsys.sparse.CscMatrix}, the checked
 * facade {@link dev.retention.recsys.sparse.SparseOps} (sparse times dense vector and tall-skinny matrix,
 * transposed products, the sparse Gram matrix with top-k and minimum support, row and column
 * statistics) and {@link dev.retention.recsys.sparse.TruncatedSvd} (randomized truncated SVD). The kernels
 * themselves live in the unexported {@code dev.retention.recsys.sparse.internal}.
 */
package dev.retention.recsys.sparse;
