package dev.retention.lifetime;

/** Argument checks shared by the lifetime models; messages name the argument, its value and the rule. */
final class Checks {

    private Checks() {
    }

    /** Validates one customer's history (x, t_x, T). */
    static void history(int frequency, double recency, double age) {
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

    /** Validates a horizon. */
    static void horizon(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be finite and >= 0, got " + t);
        }
    }

    /** Validates a positive finite parameter. */
    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /** Validates the penalizer. */
    static void penalizer(double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("penalizer must be finite and >= 0, got " + v);
        }
    }

    /** Validates the common optimizer options. */
    static void optimizer(int maxIterations, double tolerance, int parallelism) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and > 0, got " + tolerance);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
    }

    /** The summary must be in the model's unit. */
    static void sameUnit(PurchaseModel model, CustomerSummary summary) {
        if (model.unit() != summary.unit()) {
            throw new IllegalArgumentException("the summary is in " + summary.unit().label() + "s but the "
                    + model.name() + " model is in " + model.unit().label() + "s");
        }
    }

    /** Enough customers for a model with {@code parameters} parameters. */
    static void enoughCustomers(String model, int parameters, int customers, String what) {
        if (customers < parameters) {
            throw new IllegalArgumentException(model + " has " + parameters + " parameters and needs at least "
                    + parameters + " " + what + ", got " + customers);
        }
    }
}
