/**
 * Dense matrices and dense linear algebra. {@link dev.retention.matrix.DenseMatrix} is the one immutable
 * row-major matrix of finite values that clustering and the classifiers take, and
 * {@link dev.retention.matrix.FeatureScaling} the fitted {@code log1p} and z-score transform that a model keeps so
 * that it scores raw input. {@link dev.retention.matrix.Decompositions} works on row-major {@code double[]} arrays
 * with explicit row and column counts, as EJML's {@code CommonOps} (an {@code m x n} matrix holds element
 * {@code (i, j)} at {@code i n + j}): the thin Householder QR and the singular value decomposition by one-sided
 * Jacobi, whose result is a {@link dev.retention.matrix.ThinSvd}. The facade checks shapes and values; the kernels
 * live in the unexported {@code dev.retention.matrix.internal} and trust their input.
 */
package dev.retention.matrix;
