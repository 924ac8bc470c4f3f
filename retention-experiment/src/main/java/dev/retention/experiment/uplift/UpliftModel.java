package dev.retention.experiment.uplift;

import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted uplift model: the estimated change in the probability of the outcome if a unit is treated,
 * {@code tau(x) = P(Y = 1 | x, treated) - P(Y = 1 | x, control)}, from one of three learners:
 * <ul>
 *   <li>{@link Kind#T_LEARNER}: {@code mu_1(x) - mu_0(x)}, two classifiers;</li>
 *   <li>{@link Kind#CLASS_TRANSFORMATION}: {@code 2 P(Z = 1 | x) - 1}, one classifier of
 *       {@code Z = T Y + (1 - T)(1 - Y)};</li>
 *   <li>{@link Kind#X_LEARNER}: {@code g tau_0(x) + (1 - g) tau_1(x)}, the two classifiers {@code mu_0, mu_1} and
 *       two linear regressions {@code tau_0, tau_1} of the imputed effects, {@code g} the treated share.</li>
 * </ul>
 * Immutable and thread-safe; scoring is O(features) per component and never logs. Equal to another by kind,
 * components, regressions, propensity and options, not by fit summary. Model type {@value #MODEL_TYPE}, schema
 * {@value #SCHEMA_VERSION}: the fit summary, the kind, the options, the feature names, each component's own
 * model file (read back through {@code Models.fromBytes}, so any classifier of the churn module can serve) and for
 * the X-learner the regressions and the propensity.
 */
public final class UpliftModel implements Model {

    /** The model type written into files. */
    public static final String MODEL_TYPE = "uplift";
    /** The schema version of this type's sections. */
    public static final int SCHEMA_VERSION = 1;

    /** The learner that produced a model. */
    public enum Kind {
        /** Two models (T-learner). */
        T_LEARNER,
        /** Class transformation (Jaskowski and Jaroszewicz 2012). */
        CLASS_TRANSFORMATION,
        /** X-learner (Kuenzel et al. 2019). */
        X_LEARNER
    }

    private final Kind kind;
    private final ProbabilisticClassifier[] components;
    private final double[] effects;   // X-learner: w0 (p), b0, w1 (p), b1, g; empty otherwise
    private final String[] names;
    private final UpliftOptions options;
    private final FitSummary summary;

    UpliftModel(Kind kind, ProbabilisticClassifier[] components, double[] effects, String[] names,
                UpliftOptions options, FitSummary summary) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.components = components.clone();
        this.effects = effects.clone();
        this.names = names.clone();
        this.options = Objects.requireNonNull(options, "options");
        this.summary = Objects.requireNonNull(summary, "summary");
        int expected = kind == Kind.CLASS_TRANSFORMATION ? 1 : 2;
        if (this.components.length != expected) {
            throw new IllegalArgumentException(kind + " needs " + expected + " classifiers, got " + components.length);
        }
        for (ProbabilisticClassifier c : this.components) {
            if (c.featureCount() != names.length) {
                throw new IllegalArgumentException("a component has " + c.featureCount() + " features, the model "
                        + names.length);
            }
        }
        int p = names.length;
        if (this.effects.length != (kind == Kind.X_LEARNER ? 2 * p + 3 : 0)) {
            throw new IllegalArgumentException(kind + " with " + p + " features needs " + (kind == Kind.X_LEARNER
                    ? 2 * p + 3 : 0) + " regression values, got " + effects.length);
        }
        for (double e : this.effects) {
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("a regression value is not finite: " + e);
            }
        }
        if (kind == Kind.X_LEARNER && !(this.effects[2 * p + 2] > 0 && this.effects[2 * p + 2] < 1)) {
            throw new IllegalArgumentException("the propensity must be in (0, 1), got " + this.effects[2 * p + 2]);
        }
    }

    /** {@return the learner that produced this model} */
    public Kind kind() {
        return kind;
    }

    /** {@return the options of the fit} */
    public UpliftOptions options() {
        return options;
    }

    /** {@return the feature names, in order} */
    public List<String> featureNames() {
        return List.of(names);
    }

    /** {@return the base classifiers: control then treated outcome models, or the one class-transformation model} */
    public List<ProbabilisticClassifier> components() {
        return List.of(components);
    }

    /**
     * {@return the estimated uplift of one unit, in [-1, 1]} The uplift of a binary outcome is a difference of two
     * probabilities: the T-learner and class transformation give one; the X-learner's linear second stage can leave
     * that range and is clipped to it (an estimate outside it is never closer to the truth), and a linear estimate
     * that overflows a double is evaluated at a smaller scale to find its sign.
     *
     * @param features read: one value per feature, finite
     * @throws IllegalArgumentException if the length is wrong or a value is not finite
     */
    public double uplift(double[] features) {
        Objects.requireNonNull(features, "features");
        if (features.length != names.length) {
            throw new IllegalArgumentException("features has " + features.length + " values, the model "
                    + names.length);
        }
        return switch (kind) {
            case T_LEARNER -> components[1].probability(features) - components[0].probability(features);
            case CLASS_TRANSFORMATION -> 2 * components[0].probability(features) - 1;
            case X_LEARNER -> {
                int p = names.length;
                double g = effects[2 * p + 2];
                double estimate = g * linear(0, effects[p], features) + (1 - g) * linear(p + 1, effects[2 * p + 1],
                        features);
                yield Math.max(-1, Math.min(1, estimate));
            }
        };
    }

    /**
     * The intercept plus the products of the effects from {@code offset} with the features. A sum that overflows
     * (huge coefficients or features) is recomputed in units of 2^1080 and answered as +-1e300 with its sign (0 if it
     * cancels there too), which the caller's clipping to [-1, 1] turns into the estimate's limit.
     */
    private double linear(int offset, double intercept, double[] features) {
        double s = intercept;
        for (int j = 0; j < features.length; j++) {
            s += effects[offset + j] * features[j];
        }
        if (Double.isFinite(s)) {
            return s;
        }
        double t = Math.scalb(intercept, -1080);
        for (int j = 0; j < features.length; j++) {
            t += Math.scalb(effects[offset + j], -540) * Math.scalb(features[j], -540);
        }
        return t == 0 || Double.isNaN(t) ? 0 : Math.copySign(1e300, t);
    }

    /**
     * {@return the estimated uplift of every row} O(rows x features x components).
     *
     * @param x read: rows with {@link #featureNames()}'s columns
     * @throws IllegalArgumentException if the number of columns is wrong
     */
    public double[] uplift(DenseMatrix x) {
        Objects.requireNonNull(x, "x");
        if (x.columns() != names.length) {
            throw new IllegalArgumentException("x has " + x.columns() + " columns, the model " + names.length);
        }
        double[] out = new double[x.rows()];
        double[] row = new double[names.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = uplift(x.copyRow(i, row, 0));
        }
        return out;
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    @Override
    public FitSummary fitSummary() {
        return summary;
    }

    @Override
    public byte[] toBytes() {
        ModelFile.Writer w = ModelFile.writer(MODEL_TYPE, SCHEMA_VERSION);
        summary.writeTo(w);
        w.putString("kind", kind.name()).putDoubles("options", new double[] {options.ridge()})
                .putLong("seed", options.seed()).putStrings("feature_names", names)
                .putInt("components", components.length);
        for (int i = 0; i < components.length; i++) {
            w.putBytes("component_" + i, components[i].toBytes());
        }
        w.putDoubles("effects", effects);
        return w.toBytes();
    }

    /**
     * Reads a model from a checked model file of type {@value #MODEL_TYPE}; {@code Models.load} calls it.
     *
     * @param f read
     * @return the model
     * @throws ModelFormatException if the file holds another type or schema, a section is missing or inconsistent,
     *                              or a component is not a classifier (the message names the file)
     */
    public static UpliftModel read(ModelFile f) throws ModelFormatException {
        f.requireType(MODEL_TYPE, SCHEMA_VERSION);
        try {
            Kind kind = Kind.valueOf(f.string("kind"));
            double[] o = f.doubles("options");
            if (o.length != 1) {
                throw new IllegalArgumentException("section options must hold 1 value, got " + o.length);
            }
            UpliftOptions options = new UpliftOptions(f.longValue("seed"), o[0]);
            int count = f.intValue("components");
            if (count < 1 || count > 2) {
                throw new IllegalArgumentException("components must be 1 or 2, got " + count);
            }
            ProbabilisticClassifier[] parts = new ProbabilisticClassifier[count];
            for (int i = 0; i < count; i++) {
                parts[i] = Models.fromBytes(f.bytes("component_" + i), f.source() + "#component_" + i,
                        ProbabilisticClassifier.class);
            }
            return new UpliftModel(kind, parts, f.doubles("effects"), f.strings("feature_names"), options,
                    FitSummary.readFrom(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid " + MODEL_TYPE + " model: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpliftModel m && m.kind == kind && Arrays.equals(m.components, components)
                && Arrays.equals(m.effects, effects) && Arrays.equals(m.names, names) && m.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(components), Arrays.hashCode(effects), Arrays.hashCode(names),
                options);
    }

    /** The fit summary, then the kind, the components and (X-learner) the effect regressions by feature name. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(summary);
        sb.append(String.format(Locale.ROOT, "uplift model %s on %d features; components:", kind, names.length));
        for (ProbabilisticClassifier c : components) {
            sb.append(' ').append(c.modelType());
        }
        sb.append('\n');
        if (kind == Kind.X_LEARNER) {
            int p = names.length;
            sb.append(String.format(Locale.ROOT, "%-32s %12s %12s%n", "effect regression", "tau_0", "tau_1"));
            sb.append(String.format(Locale.ROOT, "%-32s %12.6f %12.6f%n", "(intercept)", effects[p], effects[2 * p + 1]));
            for (int j = 0; j < Math.min(p, 40); j++) {
                sb.append(String.format(Locale.ROOT, "%-32.32s %12.6f %12.6f%n", names[j], effects[j], effects[p + 1 + j]));
            }
            sb.append(String.format(Locale.ROOT, "propensity g = %.6f%n", effects[2 * p + 2]));
        }
        return sb.toString();
    }
}
