/**
 * Retention core: ids, the data model and readers, RFM scoring and segments, cohort retention, the
 * synthetic shop and the model file format.
 */
module dev.retention.core {
    requires it.unimi.dsi.fastutil.core;
    requires org.slf4j;
    requires de.siegmar.fastcsv;

    exports dev.retention.cohort;
    exports dev.retention.data;
    exports dev.retention.eval;
    exports dev.retention.io;
    exports dev.retention.rfm;
    exports dev.retention.modelfile;
    exports dev.retention.optim;
    exports dev.retention.synth;
}
