package dev.retention.churn.logistic;

import dev.retention.churn.classifier.ClassWeight;
import dev.retention.churn.classifier.Contributions;
import dev.retention.churn.classifier.FitSummary;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.internal.Checks;
import dev.retention.churn.internal.ModelSections;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A fitted logistic regression: {@code P(y = 1 | x) = 1 / (1 + exp(-(x . w + b)))}. Immutable and
 * thread-safe; saved with the model file format (type {@value #MODEL_TYPE}). Contributions are
 * {@code w_j x_j} on the log-odds scale with base {@code b}: on standardised features, how many
 * standard deviations from the mean times the coefficient.
 */
public final class LogisticModel implements ProbabilisticClassifier {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "logistic-regression";

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

    /** The coefficients, one per feature; a copy. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The intercept (0 when fitted without one). */
    public double intercept() {
        return intercept;
    }

    /** The options of the fit. */
    public LogisticOptions options() {
        return options;
    }

    /** The linear predictor {@code x . w + b} (log-odds). O(p). */
    public double decisionFunction(double[] features) {
        Checks.row(features, coefficients.length);
        return linear(features);
    }

    private double linear(double[] x) {
        double z = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            z += coefficients[j] * x[j];
        }
        return z;
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
    public int featureCount() {
        return coefficients.length;
    }

    @Override
    public String[] featureNames() {
        return names.clone();
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
            c[j] = coefficients[j] * features[j];
        }
        return new Contributions(Contributions.Scale.LOG_ODDS, intercept, c);
    }

    @Override
    public FitSummary summary() {
        return summary;
    }

    @Override
    public byte[] toBytes() {
        return writer().toBytes();
    }

    @Override
    public void save(Path path) throws IOException {
        writer().write(path);
    }

    private ModelFile.Writer writer() {
        ClassWeight cw = options.classWeight();
        ModelFile.Writer w = ModelFile.writer(MODEL_TYPE)
                .putDoubles("coefficients", coefficients)
                .putDoubles("intercept", new double[] {intercept})
                .putStrings("penalty", new String[] {options.penalty().name(), cw.mode().name()})
                .putDoubles("options", new double[] {options.c(), options.l1Ratio(), cw.negative(), cw.positive(),
                    options.fitIntercept() ? 1 : 0, options.tolerance(), options.maxIterations(),
                    options.parallelism()});
        return ModelSections.write(w, names, summary);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid logistic-regression model file
     * @throws IOException          if it cannot be read
     */
    public static LogisticModel load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a model from bytes written by {@link #toBytes()}. */
    public static LogisticModel fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    /** Reads a model from a parsed model file of type {@value #MODEL_TYPE}. */
    public static LogisticModel from(ModelFile f) throws ModelFormatException {
        f.requireType(MODEL_TYPE);
        try {
            double[] w = ModelSections.finiteDoubles(f, "coefficients");
            double[] intercept = ModelSections.finiteDoubles(f, "intercept");
            String[] kinds = f.strings("penalty");
            double[] o = ModelSections.doubles(f, "options", 8);
            if (kinds.length != 2) {
                throw new ModelFormatException(f.source() + ": section 'penalty' must hold 2 strings");
            }
            ClassWeight.Mode mode = ClassWeight.Mode.valueOf(kinds[1]);
            LogisticOptions options = new LogisticOptions(LogisticOptions.Penalty.valueOf(kinds[0]), o[0], o[1],
                    new ClassWeight(mode, o[2], o[3]), o[4] == 1, o[5], (int) o[6], (int) o[7]);
            if (intercept.length != 1) {
                throw new ModelFormatException(f.source() + ": section 'intercept' must hold 1 value");
            }
            return new LogisticModel(w, intercept[0], ModelSections.featureNames(f, w.length), options, ModelSections.summary(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid logistic-regression model: " + e.getMessage());
        }
    }

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
