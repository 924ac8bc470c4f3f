/**
 * Internals of the recommenders, not exported: {@link dev.retention.recsys.internal.ModelSections}, the
 * checked model-file sections the rating models share (parameters that must be finite, id indexes);
 * {@link dev.retention.recsys.internal.ImplFactorization}, the epoch kernels of the factorisation models; and
 * {@link dev.retention.recsys.internal.EpochConvergence}, the convergence rule of fits with a fixed number of
 * epochs. It imports none of the module's API packages, which import it.
 */
package dev.retention.recsys.internal;
