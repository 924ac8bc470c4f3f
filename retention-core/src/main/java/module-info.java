/**
 * Retention core: ids, the data model and readers, RFM scoring and segments, cohort retention, the
 * synthetic shop, customer clustering and the model file format.
 */
module dev.retention.core {
    requires it.unimi.dsi.fastutil.core;
    requires org.slf4j;
    requires de.siegmar.fastcsv;

    exports dev.retention.cluster;
    exports dev.retention.cluster.dbscan;
    exports dev.retention.cluster.hierarchical;
    exports dev.retention.cluster.kmeans;
    exports dev.retention.cluster.quality;
    exports dev.retention.cohort;
    exports dev.retention.data;
    exports dev.retention.io;
    exports dev.retention.rfm;
    exports dev.retention.modelfile;
    exports dev.retention.synth;
}
