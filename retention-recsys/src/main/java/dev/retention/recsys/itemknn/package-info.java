/**
 * Item-kNN on purchases (implicit feedback): cosine, BM25 or TF-IDF weighted co-occurrence with the top-K
 * neighbours of every item, as the {@code implicit} library's item-item recommenders. Entry point
 * {@link dev.retention.recsys.itemknn.ItemKnn#fit}, model {@link dev.retention.recsys.itemknn.ItemKnnModel}.
 */
package dev.retention.recsys.itemknn;
