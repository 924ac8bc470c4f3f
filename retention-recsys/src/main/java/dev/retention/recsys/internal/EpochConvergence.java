package dev.retention.recsys.internal;

import dev.retention.model.FitSummary;

import java.util.Locale;

/**
 * The convergence rule of the fits that run Surprise's fixed number of epochs (the SGD and ALS baselines, the
 * factorisations): converged when the last epoch changed the objective by at most {@code tolerance} of it.
 * Imports no API package of the module.
 */
public final class EpochConvergence {

    private EpochConvergence() {
    }

    /**
     * Ends the summary of a fit that stops at the first epoch whose objective is not finite: the objective of the
     * epochs run and either the divergence (verdict unusable, the message naming the epoch, the objective and the
     * learning rate to lower) or convergence by {@link #summarise}.
     *
     * @param summary   written: iterations, objective, convergence and, when diverged, the unusable reason
     * @param name      the objective's name
     * @param objective one value per epoch run, read; only the last may be non-finite
     * @param epochs    the epochs asked for
     * @param learning  the learning rate(s), for the message
     * @param tolerance the largest relative change that counts as converged
     * @return whether the fit diverged
     */
    public static boolean finish(FitSummary.Builder summary, String name, double[] objective, int epochs,
                                 String learning, double tolerance) {
        int run = objective.length;
        double last = objective[run - 1];
        if (!Double.isFinite(last)) {
            summary.iterations(run).objective(name, java.util.Arrays.copyOf(objective, run - 1));
            String message = String.format(Locale.ROOT, "the fit diverged at epoch %d of %d: the objective is %s%s; "
                    + "stopped there, and the model falls back to the global mean for every prediction; lower the "
                    + "learning rate (%s)", run, epochs, last,
                    run > 1 ? String.format(Locale.ROOT, " (%.6g after epoch %d)", objective[run - 2], run - 1) : "",
                    learning);
            summary.converged(false, message).unusable(message);
            return true;
        }
        summary.iterations(run).objective(name, objective);
        summarise(summary, objective, epochs, tolerance);
        return false;
    }

    /**
     * Records convergence, or why not, in a summary.
     *
     * @param summary   written: {@code converged(...)}
     * @param objective the finite objective after every epoch run, read
     * @param epochs    the epochs asked for
     * @param tolerance the largest relative change that counts as converged
     */
    public static void summarise(FitSummary.Builder summary, double[] objective, int epochs, double tolerance) {
        int n = objective.length;
        if (n < 2) {
            summary.converged(false, String.format(Locale.ROOT,
                    "%d epoch (Surprise's n_epochs): one value of the objective cannot show convergence", epochs));
            return;
        }
        double before = objective[n - 2];
        double last = objective[n - 1];
        double change = before == 0 ? Math.abs(last) : Math.abs(before - last) / Math.abs(before);
        if (Math.abs(before - last) <= tolerance * Math.abs(before)) {
            summary.converged(true, String.format(Locale.ROOT, "%d epochs (Surprise's n_epochs); the last changed "
                    + "the objective by %.2g of it, within %s", epochs, change, tolerance));
        } else {
            summary.converged(false, String.format(Locale.ROOT, "%d epochs (Surprise's n_epochs) were not enough: "
                    + "the last changed the objective by %.2g of it, more than %s", epochs, change, tolerance));
        }
    }
}
