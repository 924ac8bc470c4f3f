package dev.retention.churn.classifier;

/**
 * Receives progress of a long fit: optimizer iterations of linear models, trees done of a forest. Called
 * on the fitting thread (for a parallel forest, on whichever thread finished a tree, one call at a
 * time); must be quick and must not throw.
 */
@FunctionalInterface
public interface FitListener {

    /** A listener that ignores everything. */
    FitListener NONE = (stage, done, total, objective) -> { };

    /**
     * One step of progress.
     *
     * @param stage     what is running, for example {@code "L-BFGS"} or {@code "trees"}
     * @param done      steps done so far
     * @param total     the step limit or total (an upper bound for iterative methods)
     * @param objective the current objective, or NaN where there is none
     */
    void progress(String stage, long done, long total, double objective);
}
