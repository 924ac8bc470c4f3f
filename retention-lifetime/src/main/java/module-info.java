/**
 * Retention lifetime: customer-lifetime models (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma), customer lifetime
 * value, the calibration and holdout analysis, and the models' simulations. Its model files open with
 * {@code Models.load} through the {@code ModelReader} it provides.
 */
module dev.retention.lifetime {
    requires transitive dev.retention.core;
    requires org.slf4j;

    exports dev.retention.lifetime;
    exports dev.retention.lifetime.analysis;
    exports dev.retention.lifetime.bgnbd;
    exports dev.retention.lifetime.clv;
    exports dev.retention.lifetime.gammagamma;
    exports dev.retention.lifetime.paretonbd;
    exports dev.retention.lifetime.simulation;

    provides dev.retention.model.ModelReader with dev.retention.lifetime.modelfiles.LifetimeModelReader;
}
