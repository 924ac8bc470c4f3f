/**
 * Retention lifetime: customer-lifetime models (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma) and customer
 * lifetime value.
 */
module dev.retention.lifetime {
    requires transitive dev.retention.core;
    requires org.slf4j;

    exports dev.retention.lifetime;
}
