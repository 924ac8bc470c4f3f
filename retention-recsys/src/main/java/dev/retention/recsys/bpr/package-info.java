/**
 * Bayesian Personalized Ranking on purchases: {@link dev.retention.recsys.bpr.Bpr#fit} returns a
 * {@link dev.retention.recsys.bpr.BprModel}, matrix factorisation with an item bias learnt by SGD on sampled
 * (user, bought item, other item) triples.
 */
package dev.retention.recsys.bpr;
