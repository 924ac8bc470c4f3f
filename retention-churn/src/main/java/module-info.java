/**
 * Retention churn: churn datasets from transactions and tables, classifiers with honest evaluation,
 * explanations and churn rankings. Its models are read by {@code Models.load} through
 * {@code dev.retention.churn.modelfiles.ChurnModelReader}.
 */
module dev.retention.churn {
    requires transitive dev.retention.core;
    requires org.slf4j;
    requires de.siegmar.fastcsv;

    exports dev.retention.churn.classifier;
    exports dev.retention.churn.dataset;
    exports dev.retention.churn.evaluation;
    exports dev.retention.churn.explain;
    exports dev.retention.churn.forest;
    exports dev.retention.churn.logistic;
    exports dev.retention.churn.pipeline;
    exports dev.retention.churn.preprocess;
    exports dev.retention.churn.ranking;
    exports dev.retention.churn.svm;
    exports dev.retention.churn.tree;

    provides dev.retention.model.ModelReader with dev.retention.churn.modelfiles.ChurnModelReader;
}
