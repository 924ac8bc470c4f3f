/**
 * Customer lifetime value from a purchase model and the Gamma-Gamma spend model, month by month with
 * discounting. Entry point: {@link dev.retention.lifetime.clv.Clv#compute}, which returns a ranked
 * {@link dev.retention.lifetime.clv.ClvTable}.
 */
package dev.retention.lifetime.clv;
