/**
 * The most-popular-items recommender, the baseline of top-N recommendation. Entry point:
 * {@link dev.retention.recsys.popularity.Popularity#fit}, options in
 * {@link dev.retention.recsys.popularity.PopularityOptions}, model
 * {@link dev.retention.recsys.popularity.PopularityModel}.
 */
package dev.retention.recsys.popularity;
