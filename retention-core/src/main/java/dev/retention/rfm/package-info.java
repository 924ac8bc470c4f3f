/**
 * RFM scoring and segments. Entry point: {@link dev.retention.rfm.Rfm#fit(dev.retention.data.TransactionLog,
 * dev.retention.rfm.RfmOptions)}, a learner of the library's model contract, which returns an
 * {@link dev.retention.rfm.RfmModel}: the fitted quantile edges that score new customers (saved as a model file of
 * type {@code rfm}) and the training customers' {@link dev.retention.rfm.RfmTable} (values, scores, segments, raw
 * features). {@link dev.retention.rfm.RfmSegments} holds the segment map, {@link dev.retention.rfm.RfmWeights} the
 * weights of the weighted score.
 */
package dev.retention.rfm;
