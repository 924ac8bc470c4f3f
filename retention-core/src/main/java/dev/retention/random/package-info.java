/**
 * Seeded randomness shared by the library: {@link dev.retention.random.Seeds} derives independent streams
 * from a seed, and {@link dev.retention.random.Variates} draws uniform, normal, exponential, gamma and beta
 * variates that are the same on every JDK and platform.
 */
package dev.retention.random;
