/**
 * The contract every model of the library keeps, and the file format that carries models to a service.
 *
 * <p>Every learner is a final class with a static {@code fit(data, options)} (and
 * {@code fit(data, options, control)}) that returns an immutable, thread-safe model implementing
 * {@link dev.retention.model.Model}. Options are records validated in their constructors, with the same names
 * for the same ideas everywhere ({@code seed}, {@code threads}, {@code maxIterations}, {@code tolerance}).
 * Every model carries one {@link dev.retention.model.FitSummary} (options, choices, objective per iteration,
 * convergence, a {@link dev.retention.model.Verdict} with reasons, time, a
 * {@link dev.retention.model.DataFingerprint} of its training data). {@link dev.retention.model.FitControl}
 * carries what does not change a model: a {@link dev.retention.model.FitListener} for progress, a cancellation,
 * and the caller's executor.
 *
 * <p>Models save as a {@link dev.retention.model.ModelFile} (versioned, checksummed, a schema version per model
 * type, no Java serialization), and {@link dev.retention.model.Models#load} opens any of them as the right type,
 * through the {@link dev.retention.model.ModelReader} each module provides.
 */
package dev.retention.model;
