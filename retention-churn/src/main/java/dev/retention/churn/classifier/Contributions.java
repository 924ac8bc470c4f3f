package dev.retention.churn.classifier;

import java.util.Arrays;
import java.util.Objects;

/**
 * A score split into a base value and one contribution per feature: {@code output = base + sum(values)}.
 *
 * @param scale  the scale on which the contributions add up
 * @param base   the score of a row whose features all contribute nothing (the intercept of a linear
 *               model, the root's probability of a tree)
 * @param values one contribution per feature, positive values pushing towards the positive class
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record Contributions(Scale scale, double base, double[] values) {

    /** The scale of a score. */
    public enum Scale {
        /** Log-odds of the positive class: linear models. */
        LOG_ODDS,
        /** Probability of the positive class: trees and forests. */
        PROBABILITY
    }

    /**
     * Checks the components (and copies what must be copied).
     *
     * @param scale  the scale on which the contributions add up
     * @param base   the score of a row whose features all contribute nothing (the intercept of a linear model, the
     *               root's probability of a tree)
     * @param values one contribution per feature, positive values pushing towards the positive class
     * @throws IllegalArgumentException naming the component and its value when one is out of range
     */
    public Contributions {
        Objects.requireNonNull(scale, "scale");
        values = values.clone();
    }

    /** {@return the contributions; a copy} */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * {@return the contribution of feature {@code j}}
     *
     * @param j feature index, in [0, size())
     */
    public double value(int j) {
        return values[j];
    }

    /** {@return the number of features} */
    public int size() {
        return values.length;
    }

    /** {@return {@code base + sum(values)}: the log-odds or the probability of the positive class} */
    public double output() {
        double s = base;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contributions c && c.scale == scale && Double.compare(c.base, base) == 0
                && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, base, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Contributions[" + scale + ", base " + base + ", " + Arrays.toString(values) + "]";
    }
}
