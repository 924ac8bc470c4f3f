package dev.retention.model;

/**
 * Receives the progress of a fit: an iteration of an optimizer, an epoch, a restart, a tree of a forest.
 * Called on the thread that runs the fit (for work done in parallel, on whichever thread finished a step,
 * one call at a time). It must be quick; an exception it throws stops the fit and reaches the caller.
 * To stop a fit, give a cancellation to {@link FitControl#withCancellation}.
 */
@FunctionalInterface
public interface FitListener {

    /** A listener that ignores everything. */
    FitListener NONE = (stage, done, total, objective) -> { };

    /**
     * One step of progress.
     *
     * @param stage     what is running, for example {@code "L-BFGS"}, {@code "epochs"} or {@code "trees"}
     * @param done      steps done so far in this stage
     * @param total     the number of steps, or the limit for iterative methods that may stop earlier
     * @param objective the current objective where there is one, else NaN
     */
    void progress(String stage, long done, long total, double objective);
}
