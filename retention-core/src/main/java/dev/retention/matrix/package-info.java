/**
 * Dense matrices: {@link dev.retention.matrix.DenseMatrix}, the one immutable row-major matrix of finite values
 * that clustering and the classifiers take, and {@link dev.retention.matrix.FeatureScaling}, the fitted
 * {@code log1p} and z-score transform that a model keeps so that it scores raw input.
 */
package dev.retention.matrix;
