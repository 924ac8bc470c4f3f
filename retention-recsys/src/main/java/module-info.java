/**
 * Retention recommenders: baselines, neighbourhood collaborative filtering, matrix factorisation,
 * top-N recommendations with cold-start fallbacks, and rating and ranking evaluation. Its packages are
 * added by the recommender issues; the module exists so that the dependency rules hold from the start.
 */
module dev.retention.recsys {
    requires transitive dev.retention.core;
}
