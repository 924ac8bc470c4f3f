/**
 * Retention playbook: from scores to decisions. Per customer at an as-of date a {@link
 * dev.retention.playbook.CustomerState} (RFM segment, P(churn) over the horizon, P(alive), expected purchases, CLV,
 * recency, lapsed / at risk / active, and the caller's cluster and items), candidate
 * {@link dev.retention.playbook.Action}s with stated effects or an uplift model's estimates, and a
 * {@link dev.retention.playbook.Playbook} policy that picks at most one action per customer under a budget, with a
 * reason a marketer reads. Its own module because it combines core's RFM with the lifetime family, which core must not
 * know, and no family needs it; clusters, items and uplift estimates come in through small interfaces, so it depends
 * on no other family.
 */
module dev.retention.playbook {
    requires transitive dev.retention.core;
    requires transitive dev.retention.lifetime;

    exports dev.retention.playbook;
}
