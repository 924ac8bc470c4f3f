package dev.retention.churn.logistic;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.Contributions;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.LinearScore;
import dev.retention.churn.internal.ModelSections;
import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted logistic regression: {@code P(y = 1 | x) = 1 / (1 + exp(-(x . w + b)))}. Immutable and
 * thread-safe; saved as a model file of type {@value #MODEL_TYPE} and read back by
 * {@code Models.load(path, LogisticModel.class)}. Contributions are {@code w_j x_j} on the log-odds scale with
 * base {@code b}: on standardised features, how many standard deviations from the mean times the coefficient.
 *
 * <p>Equal to another logistic model when the coefficients, intercept, feature names and options are (the
 * number of threads aside, which does not change a fit), whatever the fit summaries say.
 */
public final class LogisticModel implements ProbabilisticClassifier {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "logistic-regression";
    /** The schema version of this type's sections: 2 since the shared fit summary. */
    public static final int SCHEMA_VERSION = 2;

    private final double[] coefficients;
    private final double intercept;
    private final String[] names;
    private final LogisticOptions options;
    private final FitSummary summary;

    LogisticModel(double[] coefficients, double intercept, String[] names, LogisticOptions options,
                  FitSummary summary) {
        this.coefficients = coefficients.clone();
        this.intercept = intercept;
        this.names = names.clone();
        this.options = options;
        this.summary = summary;
    }

    /** {@return the coefficients, one per feature; a copy} */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** {@return the intercept (0 when fitted without one)} */
    public double intercept() {
        return intercept;
    }

    /** {@return the options of the fit} */
    public LogisticOptions options() {
        return options;
    }

    /**
     * {@return the linear predictor {@code x . w + b} (log-odds), clamped to {@code +-Double.MAX_VALUE} where it
     * overflows} O(p).
     *
     * @param features read: {@link #featureCount()} finite values
     */
    public double decisionFunction(double[] features) {
        Checks.row(features, coefficients.length);
        return linear(features);
    }

    private double linear(double[] x) {
        return LinearScore.of(coefficients, intercept, x);
    }

    /** The logistic function, without overflow. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
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
    public int featureCount() {
        return coefficients.length;
    }

    @Override
    public List<String> featureNames() {
        return List.of(names);
    }

    @Override
    public double probability(double[] features) {
        Checks.row(features, coefficients.length);
        return sigmoid(linear(features));
    }

    @Override
    public Contributions contributions(double[] features) {
        Checks.row(features, coefficients.length);
        double[] c = new double[coefficients.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = LinearScore.clamp(coefficients[j] * features[j]);
        }
        return new Contributions(Contributions.Scale.LOG_ODDS, intercept, c);
    }

    /** The model file: the fit summary, the feature names, the coefficients, the intercept and the options. */
    @Override
    public byte[] toBytes() {
        ClassWeight cw = options.classWeight();
        return ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary)
                .putStrings("feature_names", names)
                .putDoubles("coefficients", coefficients)
                .putDoubles("intercept", new double[] {intercept})
                .putStrings("penalty", new String[] {options.penalty().name(), cw.mode().name()})
                .putDoubles("options", new double[] {options.c(), options.l1Ratio(), cw.negative(), cw.positive(),
                    options.fitIntercept() ? 1 : 0, options.tolerance(), options.maxIterations(), options.threads()})
                .toBytes();
    }

    /**
     * Reads a model from a checked model file of type {@value #MODEL_TYPE}; {@code Models.load} calls it.
     *
     * @param f read
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type or schema, a section is missing or malformed,
     *                              a parameter is not finite or an option is out of range (the message names the
     *                              file)
     */
    public static LogisticModel read(ModelFile f) throws ModelFormatException {
        ModelSections.open(f, MODEL_TYPE, SCHEMA_VERSION);
        try {
            double[] w = ModelSections.finiteDoubles(f, "coefficients");
            double intercept = ModelSections.finiteDouble(f, "intercept");
            String[] kinds = ModelSections.strings(f, "penalty", 2);
            double[] o = ModelSections.doubles(f, "options", 8);
            LogisticOptions options = new LogisticOptions(LogisticOptions.Penalty.valueOf(kinds[0]), o[0], o[1],
                    new ClassWeight(ClassWeight.Mode.valueOf(kinds[1]), o[2], o[3]), o[4] == 1, o[5], (int) o[6],
                    (int) o[7]);
            return new LogisticModel(w, intercept, ModelSections.featureNames(f, w.length), options,
                    FitSummary.readFrom(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid " + MODEL_TYPE + " model: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticModel m && Arrays.equals(m.coefficients, coefficients)
                && Double.compare(m.intercept, intercept) == 0 && Arrays.equals(m.names, names)
                && m.options.withThreads(1).equals(options.withThreads(1));
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(coefficients), intercept, Arrays.hashCode(names), options.withThreads(1));
    }

    /** The fit summary, then the intercept and the coefficients by feature name (the first 40). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(summary);
        sb.append(String.format(Locale.ROOT, "%-32s %12s%n", "feature", "coefficient"));
        sb.append(String.format(Locale.ROOT, "%-32s %12.6f%n", "(intercept)", intercept));
        int shown = Math.min(coefficients.length, 40);
        for (int j = 0; j < shown; j++) {
            sb.append(String.format(Locale.ROOT, "%-32.32s %12.6f%n", names[j], coefficients[j]));
        }
        if (shown < coefficients.length) {
            sb.append("... ").append(coefficients.length - shown).append(" more\n");
        }
        return sb.toString();
    }
}
