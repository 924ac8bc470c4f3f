package dev.retention.model;

import dev.retention.parallel.Workers;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * How a fit runs, as opposed to what it computes: who hears its progress, who may stop it, and whose
 * threads it uses. Nothing here changes a fitted model: the options record holds everything that does,
 * including the number of {@code threads}. Immutable; {@link #defaults()} has no listener, no
 * cancellation and lets the fit start (and stop) its own threads.
 *
 * <p>Every iterative fit of the library takes one as its optional last argument
 * ({@code KMeans.fit(points, options, control)}) and calls {@link #step} once per iteration, epoch or
 * restart: the listener hears it, and if the cancellation answers {@code true} (or the fitting thread was
 * interrupted) the fit stops with a {@link CancellationException}. Given an {@link Executor}, the fit runs
 * its helper tasks there (for example a service's own pool) instead of starting threads; either way no
 * thread of the fit outlives it (see {@link Workers}).
 *
 * <pre>{@code
 * AtomicBoolean stop = new AtomicBoolean();
 * FitControl control = FitControl.defaults()
 *         .withListener((stage, done, total, objective) -> log.info("{} {}/{}: {}", stage, done, total, objective))
 *         .withCancellation(stop::get)
 *         .withExecutor(servicePool);
 * }</pre>
 */
public final class FitControl {

    private static final FitControl DEFAULTS = new FitControl(FitListener.NONE, () -> false, null);

    private final FitListener listener;
    private final BooleanSupplier cancelled;
    private final Executor executor;

    private FitControl(FitListener listener, BooleanSupplier cancelled, Executor executor) {
        this.listener = listener;
        this.cancelled = cancelled;
        this.executor = executor;
    }

    /**
     * {@return the defaults: no listener, no cancellation (interrupting the thread still stops the fit), the fit's own
     * threads}
     */
    public static FitControl defaults() {
        return DEFAULTS;
    }

    /**
     * {@return a copy that reports progress to {@code listener}}
     *
     * @param listener told once per step; {@link FitListener#NONE} for none
     */
    public FitControl withListener(FitListener listener) {
        return new FitControl(Objects.requireNonNull(listener, "listener"), cancelled, executor);
    }

    /**
     * {@return a copy that stops the fit with a {@link CancellationException} at the first step at which
     * {@code cancelled} answers {@code true}} It is asked once per step, on the fitting thread.
     *
     * @param cancelled read once per step; must be quick and must not throw
     */
    public FitControl withCancellation(BooleanSupplier cancelled) {
        return new FitControl(listener, Objects.requireNonNull(cancelled, "cancelled"), executor);
    }

    /**
     * {@return a copy whose fits run their helper tasks on {@code executor} instead of threads of their own} The fit
     * still does its share of the work on the calling thread, and never waits for a task that the executor
     * has not started, so a small or busy executor slows a fit down but cannot deadlock it.
     *
     * @param executor used, not shut down
     */
    public FitControl withExecutor(Executor executor) {
        return new FitControl(listener, cancelled, Objects.requireNonNull(executor, "executor"));
    }

    /** {@return the listener} */
    public FitListener listener() {
        return listener;
    }

    /** {@return whether an executor was given ({@link #withExecutor})} */
    public boolean hasExecutor() {
        return executor != null;
    }

    /**
     * {@return workers for a fit: {@code threads} threads in all, on the given executor if there is one, else threads
     * of their own that {@link Workers#close()} stops} Close them when the fit ends.
     *
     * @param threads threads in all, the caller's included, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Workers workers(int threads) {
        return Workers.create(threads, executor);
    }

    /**
     * Reports one step of a fit and stops it if cancelled. Called by fits once per iteration, epoch,
     * restart or tree.
     *
     * @param stage     what is running
     * @param done      steps done in this stage
     * @param total     the number or limit of steps
     * @param objective the current objective, or NaN
     * @throws CancellationException if the cancellation answered {@code true} or the thread was interrupted
     *                               (the interrupt flag stays set)
     */
    public void step(String stage, long done, long total, double objective) {
        listener.progress(stage, done, total, objective);
        checkCancelled(stage, done);
    }

    /**
     * Stops the fit if cancelled, without reporting progress.
     *
     * @param stage what is running, for the message
     * @param done  steps done, for the message
     * @throws CancellationException if the cancellation answered {@code true} or the thread was interrupted
     */
    public void checkCancelled(String stage, long done) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("fit interrupted during " + stage + " after " + done + " steps");
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("fit cancelled during " + stage + " after " + done + " steps");
        }
    }

    @Override
    public String toString() {
        return "FitControl[listener " + (listener == FitListener.NONE ? "none" : "given") + ", executor "
                + (executor == null ? "own threads" : executor) + "]";
    }
}
