/**
 * Numerical optimization shared by the models: {@link dev.retention.optim.Lbfgs} (L-BFGS with a strong
 * Wolfe line search, and OWL-QN for L1 penalties), {@link dev.retention.optim.NelderMead} (derivative-free
 * simplex), and {@link dev.retention.optim.FiniteDifferences} (gradient checks and Hessians for standard
 * errors). Results are {@link dev.retention.optim.OptimizationResult}s that report convergence instead of
 * throwing.
 */
package dev.retention.optim;
