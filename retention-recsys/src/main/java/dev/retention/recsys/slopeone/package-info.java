/**
 * Slope One collaborative filtering. Entry point: {@link dev.retention.recsys.slopeone.SlopeOne#fit}; options
 * in {@link dev.retention.recsys.slopeone.SlopeOneOptions}, model {@link dev.retention.recsys.slopeone.SlopeOneModel}.
 */
package dev.retention.recsys.slopeone;
