/**
 * Internals of the recommenders, not exported: {@link dev.retention.recsys.internal.ModelSections}, the
 * checked model-file sections the rating models share (parameters that must be finite, id indexes). It
 * imports none of the module's API packages, which import it.
 */
package dev.retention.recsys.internal;
