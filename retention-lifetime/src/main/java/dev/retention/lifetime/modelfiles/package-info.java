/**
 * The lifetime module's {@link dev.retention.lifetime.modelfiles.LifetimeModelReader}, the service through which
 * {@code Models.load} opens BG/NBD, Pareto/NBD and Gamma-Gamma model files. Not exported: it imports the model
 * packages and nothing imports it (the model packages import {@code internal}, so it cannot live there without a
 * cycle).
 */
package dev.retention.lifetime.modelfiles;
