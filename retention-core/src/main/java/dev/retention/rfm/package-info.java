/**
 * RFM scoring and segments. Entry point: {@link dev.retention.rfm.Rfm#compute(dev.retention.data.TransactionLog,
 * dev.retention.rfm.RfmOptions)}, which returns an {@link dev.retention.rfm.RfmTable} (values, scores, segments,
 * feature matrices) and its fitted {@link dev.retention.rfm.RfmScorer}, the model that scores new customers and is
 * saved with the model file format. {@link dev.retention.rfm.RfmSegments} holds the segment map.
 */
package dev.retention.rfm;
