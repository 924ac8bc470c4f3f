/**
 * Retention playbook: from scores to decisions. Per customer at an as-of date a {@link
 * dev.retention.playbook.CustomerState} (RFM segment, P(churn) over the horizon, P(alive), expected purchases, CLV,
 * recency, lapsed / at risk / active), candidate {@link dev.retention.playbook.Action}s with stated effects, and a
 * {@link dev.retention.playbook.Playbook} policy that picks at most one action per customer under a budget, with a
 * reason a marketer reads. Its own module because it combines core's RFM with the lifetime family, which core must not
 * know, and no family needs it.
 */
module dev.retention.playbook {
    requires transitive dev.retention.core;
    requires transitive dev.retention.lifetime;

    exports dev.retention.playbook;
}
