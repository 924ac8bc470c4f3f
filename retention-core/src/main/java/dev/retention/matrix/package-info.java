/**
 * Dense linear algebra on row-major {@code double[]} arrays with explicit row and column counts, as EJML's
 * {@code CommonOps}: an {@code m x n} matrix holds element {@code (i, j)} at {@code i n + j}. Entry point:
 * {@link dev.retention.matrix.Decompositions} (the thin Householder QR and the singular value decomposition
 * by one-sided Jacobi), whose SVD result is a {@link dev.retention.matrix.ThinSvd}. The facade checks shapes
 * and values; the kernels live in the unexported {@code dev.retention.matrix.internal} and trust their input.
 */
package dev.retention.matrix;
