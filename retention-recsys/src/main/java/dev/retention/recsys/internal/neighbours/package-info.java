/**
 * The scores shared by the item-neighbourhood models (item-kNN on purchases, content-based), apart from
 * {@code dev.retention.recsys.internal} because they read the sparse matrices, which themselves use that package's
 * limits. Not exported.
 */
package dev.retention.recsys.internal.neighbours;
