package dev.retention.model;

/**
 * How far a fitted model can be trusted, as its {@link FitSummary} judges it. The reasons are in
 * {@link FitSummary#warnings()}.
 */
public enum Verdict {
    /** The fit met its stopping test and nothing suspicious was seen. */
    FINE,
    /**
     * The model is usable but something deserves a look: the fit stopped at its iteration limit, a parameter
     * sits on a bound of its search, a standard error could not be estimated, or the data was degenerate.
     */
    WARNING,
    /**
     * The model should not be used: the fit diverged, or its parameters or predictions are not finite. Fits
     * that end this way still return their model, so that the summary can be read; services should refuse it.
     */
    UNUSABLE
}
