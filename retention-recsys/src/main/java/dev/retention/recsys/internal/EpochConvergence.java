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
