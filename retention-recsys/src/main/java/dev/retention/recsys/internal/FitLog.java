package dev.retention.recsys.internal;

import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import org.slf4j.Logger;

import java.util.Locale;

/**
 * How the recommenders' fits log their end: one INFO line (algorithm, outcome, time, data), and the verdict
 * with its reasons at WARN when it is not {@link Verdict#FINE}. Nothing is logged per prediction.
 */
public final class FitLog {

    private FitLog() {
    }

    /**
     * Logs a finished fit.
     *
     * @param log     the fitting class's logger
     * @param summary the fit's summary
     */
    public static void report(Logger log, FitSummary summary) {
        if (log.isInfoEnabled()) {
            log.info("{} fitted in {} s on {}: {}", summary.algorithm(),
                    String.format(Locale.ROOT, "%.3f", summary.seconds()), summary.data(), summary.stopReason());
        }
        if (summary.verdict() != Verdict.FINE) {
            log.warn("{} fit: verdict {}: {}", summary.algorithm(), summary.verdict(), summary.warnings());
        }
    }
}
