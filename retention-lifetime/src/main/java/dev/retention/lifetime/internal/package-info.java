/**
 * The lifetime models' kernels and shared machinery, not exported: special functions and 2F1, the closed forms,
 * the likelihood kernels summed over fixed blocks of customers, maximum likelihood over positive parameters with
 * standard errors and the fit summary, argument checks and the model files' common reading rule. Imports no API
 * package of the module.
 */
package dev.retention.lifetime.internal;
