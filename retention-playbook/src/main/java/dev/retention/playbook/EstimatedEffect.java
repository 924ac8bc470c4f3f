package dev.retention.playbook;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link Effect} estimated per customer by an uplift model fitted on an experiment: for each customer, the estimated
 * uplift {@code tau}, the change in the probability of buying over the horizon if contacted (treated minus control).
 * The playbook does not fit or load the uplift model (that is the experiment module's, and the playbook stays free of
 * it): the caller scores its customers and hands the estimates over, as the command line does for an action file's
 * {@code uplift_model} column.
 *
 * <p><b>From uplift to a share of the value at stake.</b> A kept customer brings {@code V =}
 * {@link CustomerState#valueIfKept()} over the horizon. Raising the probability of buying by {@code tau} saves
 * {@code tau V}, the share {@code tau V / }{@link CustomerState#valueAtStake()} of the value at stake, capped to
 * [-1, 1] (a contact cannot save more than is at stake). A customer with nothing at stake gets 0. A customer without
 * an estimate gets {@code otherwise} (0 by default: no effect is assumed where the model says nothing).
 */
public final class EstimatedEffect implements Effect {

    private final String model;
    private final Map<String, Double> uplift;
    private final double otherwise;
    private final double mean;

    /**
     * Keeps the estimates.
     *
     * @param model     the model's name in outputs (its file name)
     * @param uplift    customer id to estimated uplift, each finite and in [-1, 1]
     * @param otherwise the share for customers without an estimate, in [-1, 1]
     * @throws IllegalArgumentException naming the customer whose uplift is not finite or out of [-1, 1], or the share
     */
    public EstimatedEffect(String model, Map<String, Double> uplift, double otherwise) {
        if (Objects.requireNonNull(model, "model").isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        this.model = model;
        Map<String, Double> copy = new HashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : Objects.requireNonNull(uplift, "uplift").entrySet()) {
            double v = Objects.requireNonNull(e.getValue(), e.getKey());
            if (!(v >= -1 && v <= 1)) {
                throw new IllegalArgumentException("uplift of customer " + e.getKey() + " must be in [-1, 1], got " + v);
            }
            copy.put(Objects.requireNonNull(e.getKey(), "customer"), v);
            sum += v;
        }
        if (!(otherwise >= -1 && otherwise <= 1)) {
            throw new IllegalArgumentException("otherwise must be a share in [-1, 1], got " + otherwise);
        }
        this.uplift = java.util.Collections.unmodifiableMap(copy);
        this.otherwise = otherwise;
        this.mean = copy.isEmpty() ? 0 : sum / copy.size();
    }

    /** {@return the estimated uplift per customer id (unmodifiable)} */
    public Map<String, Double> uplift() {
        return uplift;
    }

    /** {@return the model's name} */
    public String model() {
        return model;
    }

    /**
     * {@return the uplift of a customer, or NaN without an estimate}
     *
     * @param customer an external id
     */
    public double uplift(String customer) {
        Double v = uplift.get(customer);
        return v == null ? Double.NaN : v;
    }

    @Override
    public double share(CustomerState c) {
        Double tau = uplift.get(c.id());
        if (tau == null) {
            return otherwise;
        }
        double stake = c.valueAtStake();
        if (!(stake > 0)) {
            return 0;
        }
        return Math.max(-1, Math.min(1, tau * c.valueIfKept() / stake));
    }

    /** {@return "uplift model NAME"} */
    @Override
    public String source() {
        return "uplift model " + model;
    }

    /** {@return "estimated by uplift model NAME: mean uplift +0.012 in P(buying) over 1,234 customers"} */
    @Override
    public String describe() {
        return String.format(Locale.ROOT, "estimated by uplift model %s: mean uplift %+.4f in P(buying over the "
                + "horizon) over %,d customers, share of value at stake = uplift x value if kept / value at stake%s", model, mean,
                uplift.size(), otherwise == 0 ? "" : ", " + Effect.percent(otherwise) + " without an estimate");
    }

    @Override
    public String toString() {
        return describe();
    }
}
