/**
 * Kernels of the churn classifiers (logistic loss and gradient, split search, sorting), the parallel
 * runner and matrix access. Not exported: the public facades in the model packages check shapes and
 * values, the kernels trust them.
 */
package dev.retention.churn.internal;
