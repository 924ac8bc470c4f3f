/**
 * Retention recommenders: sparse matrices and their kernels, similarity measures, rating data and the
 * predictor interfaces, baselines, neighbourhood collaborative filtering, Slope One, PureSVD, matrix
 * factorisation (SVD, SVD++, NMF) and co-clustering, the most-popular-items baseline, implicit-feedback ALS, BPR, item-kNN, EASE, content-based and hybrid top-N
 * recommenders, top-N recommendation, and the evaluation harness (folds, cross-validation,
 * grid search, hit rate on a later period). Its models are read by {@code Models.load} through the
 * {@link dev.retention.model.ModelReader} it provides.
 */
module dev.retention.recsys {
    requires transitive dev.retention.core;
    requires org.slf4j;

    exports dev.retention.recsys;
    exports dev.retention.recsys.als;
    exports dev.retention.recsys.baseline;
    exports dev.retention.recsys.bpr;
    exports dev.retention.recsys.content;
    exports dev.retention.recsys.ease;
    exports dev.retention.recsys.evaluation;
    exports dev.retention.recsys.factorization;
    exports dev.retention.recsys.hybrid;
    exports dev.retention.recsys.itemknn;
    exports dev.retention.recsys.knn;
    exports dev.retention.recsys.popularity;
    exports dev.retention.recsys.ranking;
    exports dev.retention.recsys.similarity;
    exports dev.retention.recsys.slopeone;
    exports dev.retention.recsys.sparse;
    exports dev.retention.recsys.svd;

    provides dev.retention.model.ModelReader with dev.retention.recsys.modelfiles.RecsysModelReader;
}
