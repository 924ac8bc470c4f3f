/** Slope One collaborative filtering. Entry point: {@link dev.retention.recsys.slopeone.SlopeOne#fit}. */
package dev.retention.recsys.slopeone;
