/**
 * Sparse matrices and their kernels. Entry points: {@link dev.retention.sparse.CsrMatrix#fromTriples}
 * (CSR with float values, built by counting sort), {@link dev.retention.sparse.CscMatrix}, the checked
 * facade {@link dev.retention.sparse.SparseOps} (sparse times dense vector and tall-skinny matrix,
 * transposed products, the sparse Gram matrix with top-k and minimum support, row and column
 * statistics) and {@link dev.retention.sparse.TruncatedSvd} (randomized truncated SVD). The kernels
 * themselves live in the unexported {@code dev.retention.sparse.internal}.
 */
package dev.retention.sparse;
