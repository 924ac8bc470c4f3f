package dev.retention.lifetime;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Options of {@link CustomerSummary#from(dev.retention.data.TransactionLog, SummaryOptions)}.
 *
 * @param unit           the time unit of recency, age and the holdout length (default {@link PeriodUnit#DAY})
 * @param calibrationEnd the last day of the calibration period, inclusive, in the log's zone: purchases on
 *                       or before it are summarized, a customer's age {@code T} runs from the first purchase
 *                       day to this day, and later purchases are holdout purchases. {@code null} (the default)
 *                       means the day of the latest purchase, so there is no holdout.
 * @param observationEnd the last day of the holdout period, inclusive; {@code null} (the default) means the day
 *                       of the latest purchase. A purchase after an explicit observation end is an error (cut
 *                       the log with {@link dev.retention.data.TransactionLog#before(long)} to drop it on
 *                       purpose). Must not be before {@code calibrationEnd}.
 */
public record SummaryOptions(PeriodUnit unit, LocalDate calibrationEnd, LocalDate observationEnd) {

    /**
     * Validates the options.
     *
     * @param unit           the time unit of recency, age and the holdout length (default {@link PeriodUnit#DAY})
     * @param calibrationEnd the last day of the calibration period, inclusive, in the log's zone: purchases on or
     *                       before it are summarized, a customer's age {@code T} runs from the first purchase day to
     *                       this day, and later purchases are holdout purchases. {@code null} (the default) means the
     *                       day of the latest purchase, so there is no holdout.
     * @param observationEnd the last day of the holdout period, inclusive; {@code null} (the default) means the day of
     *                       the latest purchase. A purchase after an explicit observation end is an error (cut the log
     *                       with {@link dev.retention.data.TransactionLog#before(long)} to drop it on purpose). Must
     *                       not be before {@code calibrationEnd}.
     */
    public SummaryOptions {
        Objects.requireNonNull(unit, "unit");
        if (calibrationEnd != null && observationEnd != null && observationEnd.isBefore(calibrationEnd)) {
            throw new IllegalArgumentException("observationEnd must not be before calibrationEnd=" + calibrationEnd
                    + ", got " + observationEnd);
        }
    }

    /** {@return the defaults: days, no holdout: calibration and observation end at the latest purchase} */
    public static SummaryOptions defaults() {
        return new SummaryOptions(PeriodUnit.DAY, null, null);
    }

    /**
     * {@return a copy in the given unit}
     *
     * @param unit the time unit of recency, age and the holdout length (default {@link PeriodUnit#DAY})
     */
    public SummaryOptions withUnit(PeriodUnit unit) {
        return new SummaryOptions(unit, calibrationEnd, observationEnd);
    }

    /**
     * {@return a copy with the given last calibration day ({@code null}: the latest purchase day)}
     *
     * @param calibrationEnd the last day of the calibration period, inclusive, in the log's zone: purchases on or
     *                       before it are summarized, a customer's age {@code T} runs from the first purchase day to
     *                       this day, and later purchases are holdout purchases. {@code null} (the default) means the
     *                       day of the latest purchase, so there is no holdout.
     */
    public SummaryOptions withCalibrationEnd(LocalDate calibrationEnd) {
        return new SummaryOptions(unit, calibrationEnd, observationEnd);
    }

    /**
     * {@return a copy with the given last observed day ({@code null}: the latest purchase day)}
     *
     * @param observationEnd the last day of the holdout period, inclusive; {@code null} (the default) means the day of
     *                       the latest purchase. A purchase after an explicit observation end is an error (cut the log
     *                       with {@link dev.retention.data.TransactionLog#before(long)} to drop it on purpose). Must
     *                       not be before {@code calibrationEnd}.
     */
    public SummaryOptions withObservationEnd(LocalDate observationEnd) {
        return new SummaryOptions(unit, calibrationEnd, observationEnd);
    }
}
