package dev.retention.cluster.internal;

import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;
import org.slf4j.Logger;

/** The WARN line that every clustering fit logs when its verdict is not {@link Verdict#FINE}. */
public final class FitLog {

    private FitLog() {
    }

    /** Logs the verdict and its reasons at WARN unless the verdict is {@link Verdict#FINE}. */
    public static void verdict(Logger log, FitSummary summary) {
        if (summary.verdict() != Verdict.FINE) {
            log.warn("{}: verdict {}: {}", summary.algorithm(), summary.verdict(), String.join("; ",
                    summary.warnings()));
        }
    }
}
