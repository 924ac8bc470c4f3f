/**
 * The sparse kernels, not exported: construction and transpose ({@code ImplConstruction}), products
 * ({@code ImplMultiplication}, {@code ImplSell}), pair statistics for the Gram product and the similarities
 * ({@code ImplPairs}), top-k selection ({@code TopK}) and row buffers. They trust their input (the facade
 * {@link dev.retention.recsys.sparse.SparseOps} checks it), run on the caller's
 * {@link dev.retention.parallel.Workers} over {@link dev.retention.parallel.Blocks} fixed by the data, and
 * combine partial results in block order, so results do not depend on the number of threads.
 */
package dev.retention.recsys.sparse.internal;
