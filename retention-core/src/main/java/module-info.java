/**
 * Retention core: ids, the data model and readers, RFM scoring and segments, cohort retention, the
 * synthetic shop, the model contract and file format, splits, optimizers, dense matrices and decompositions,
 * the parallel runner and the primitive collections.
 */
module dev.retention.core {
    requires org.slf4j;
    requires de.siegmar.fastcsv;
    requires org.tukaani.xz;

    exports dev.retention.cohort;
    exports dev.retention.data;
    exports dev.retention.evaluation;
    exports dev.retention.io;
    exports dev.retention.matrix;
    exports dev.retention.model;
    exports dev.retention.optim;
    exports dev.retention.parallel;
    exports dev.retention.primitive;
    exports dev.retention.random;
    exports dev.retention.rfm;
    exports dev.retention.special;
    exports dev.retention.synth;

    uses dev.retention.model.ModelReader;

    provides dev.retention.model.ModelReader with dev.retention.rfm.modelfiles.RfmModelReader;
}
