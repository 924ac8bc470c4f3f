/**
 * Retention core: ids, the data model and readers, RFM scoring and segments, cohort retention, the
 * synthetic shop, the model file format, sparse matrices with their kernels and truncated SVD,
 * similarity measures and customer clustering.
 */
@SuppressWarnings("module")   // the qualified export names dev.retention.churn, compiled after this module
module dev.retention.core {
    requires it.unimi.dsi.fastutil.core;
    requires org.slf4j;
    requires de.siegmar.fastcsv;
    requires ejml.core;
    requires ejml.ddense;

    exports dev.retention.cluster;
    exports dev.retention.cluster.dbscan;
    exports dev.retention.cluster.hierarchical;
    exports dev.retention.cluster.kmeans;
    exports dev.retention.cluster.quality;
    exports dev.retention.cohort;
    exports dev.retention.data;
    exports dev.retention.eval;
    exports dev.retention.io;
    exports dev.retention.rfm;
    exports dev.retention.modelfile;
    exports dev.retention.optim;
    exports dev.retention.synth;
    exports dev.retention.sparse;
    exports dev.retention.similarity;

    exports dev.retention.parallel.internal to dev.retention.churn;
}
