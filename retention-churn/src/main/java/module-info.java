/**
 * Retention churn: churn datasets from transactions and tables, classifiers with honest evaluation,
 * customer-lifetime models (BG/NBD, Gamma-Gamma) and explanations. Its packages are added by the churn
 * and lifetime issues; the module exists so that the dependency rules hold from the start.
 */
module dev.retention.churn {
    requires transitive dev.retention.core;

    exports dev.retention.churn.lifetime;
}
