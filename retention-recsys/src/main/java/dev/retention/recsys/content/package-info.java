/**
 * Content-based recommendation from item attributes: {@link dev.retention.recsys.content.ItemAttributes} (tokens per
 * item, read from MovieLens genres or product descriptions) and
 * {@link dev.retention.recsys.content.ContentRecommender#fit}, TF-IDF cosine neighbours scored as item-kNN.
 */
package dev.retention.recsys.content;
