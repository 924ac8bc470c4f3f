/**
 * Customers drawn from the generative processes of the lifetime models, for parameter-recovery studies, tests and
 * benchmarks. Entry point: {@link dev.retention.lifetime.simulation.LifetimeSimulation#purchases}.
 */
package dev.retention.lifetime.simulation;
