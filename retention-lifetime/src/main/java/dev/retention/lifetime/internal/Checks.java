package dev.retention.lifetime.internal;

/**
 * Argument checks shared by the lifetime models and their options; messages name the argument, its value and
 * the rule. Each check is O(1).
 */
public final class Checks {

    /**
     * The smallest shape or scale parameter a lifetime model accepts (and a fit's search reaches): below it,
     * ratios such as {@code alpha / (alpha + t)} underflow and the closed forms stop meaning anything.
     */
    public static final double PARAMETER_MIN = 1e-15;
    /** The largest shape or scale parameter a lifetime model accepts (and a fit's search reaches). */
    public static final double PARAMETER_MAX = 1e15;

    private Checks() {
    }

    /**
     * Refuses a prediction from a model whose fit was judged {@link dev.retention.model.Verdict#UNUSABLE}, unless
     * the caller opted in ({@code allowingUnusable()} of the model).
     *
     * @throws IllegalStateException if the verdict is UNUSABLE and {@code allowed} is false
     */
    public static void usable(dev.retention.model.FitSummary fit, String model, boolean allowed) {
        if (!allowed && fit.verdict() == dev.retention.model.Verdict.UNUSABLE) {
            throw new IllegalStateException("the " + model + " fit was judged UNUSABLE (" + String.join("; ",
                    fit.warnings()) + "), so it gives no predictions unless asked: call allowingUnusable() on the "
                    + "model to predict anyway");
        }
    }

    /**
     * Validates a model parameter: finite and within [{@value #PARAMETER_MIN}, {@value #PARAMETER_MAX}], where
     * every prediction is evaluated accurately with bounded work.
     *
     * @throws IllegalArgumentException if {@code v} is outside that range or not finite
     */
    public static void parameter(String name, double v) {
        positive(name, v);
        if (!(v >= PARAMETER_MIN && v <= PARAMETER_MAX)) {
            throw new IllegalArgumentException(name + " must be in [" + PARAMETER_MIN + ", " + PARAMETER_MAX
                    + "] (finite, > 0, and within the range where the model's formulas are evaluated accurately), got "
                    + v);
        }
    }

    /**
     * Validates one customer's history (x, t_x, T).
     *
     * @throws IllegalArgumentException if {@code x < 0}, {@code T} is negative or not finite, {@code t_x} is outside
     *                                  {@code [0, T]}, or {@code t_x != 0} while {@code x = 0}
     */
    public static void history(int frequency, double recency, double age) {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, got " + frequency);
        }
        if (!(age >= 0) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("age must be finite and >= 0, got " + age);
        }
        if (!(recency >= 0) || recency > age) {
            throw new IllegalArgumentException("recency must be in [0, age=" + age + "], got " + recency
                    + (recency > age ? " (t_x > T)" : ""));
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("recency must be 0 when frequency is 0, got " + recency);
        }
    }

    /**
     * Validates a horizon.
     *
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    public static void horizon(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be finite and >= 0, got " + t);
        }
    }

    /**
     * Validates a positive finite parameter.
     *
     * @throws IllegalArgumentException if {@code v} is not finite and positive
     */
    public static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /**
     * Validates the L2 penalizer.
     *
     * @throws IllegalArgumentException if it is negative or not finite
     */
    public static void penalizer(double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("penalizer must be finite and >= 0, got " + v);
        }
    }

    /**
     * Validates a number of threads.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /**
     * Validates the common optimizer options.
     *
     * @throws IllegalArgumentException if {@code maxIterations < 1}, the tolerance is not finite and positive, or
     *                                  {@code threads < 1}
     */
    public static void optimizer(int maxIterations, double tolerance, int threads) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
        threads(threads);
    }

    /**
     * Enough customers for a model with {@code parameters} parameters.
     *
     * @throws IllegalArgumentException if {@code customers < parameters}
     */
    public static void enoughCustomers(String model, int parameters, int customers, String what) {
        if (customers < parameters) {
            throw new IllegalArgumentException(model + " has " + parameters + " parameters and needs at least "
                    + parameters + " " + what + ", got " + customers);
        }
    }
}
