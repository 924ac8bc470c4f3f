package dev.retention.churn.svm;

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
 * A fitted linear SVM with Platt scaling: decision value {@code f = x . w + b}, probability
 * {@code 1 / (1 + exp(A f + B))}. The log-odds are {@code -A f - B}, so contributions on the log-odds scale
 * are {@code -A w_j x_j} with base {@code -A b - B}. Immutable and thread-safe; saved as a model file of type
 * {@value #MODEL_TYPE}, read back by {@code Models.load(path, SvmModel.class)}. Equal to another SVM model when
 * the weights, intercept, sigmoid, feature names and options (threads aside) are.
 */
public final class SvmModel implements ProbabilisticClassifier {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "linear-svm";
    /** The schema version of this type's sections: 2 since the shared fit summary. */
    public static final int SCHEMA_VERSION = 2;

    private final double[] w;
    private final double b;
    private final PlattScaling platt;
    private final String[] names;
    private final SvmOptions options;
    private final FitSummary summary;

    SvmModel(double[] w, double b, PlattScaling platt, String[] names, SvmOptions options, FitSummary summary) {
        this.w = w.clone();
        this.b = b;
        this.platt = platt;
        this.names = names.clone();
        this.options = options;
        this.summary = summary;
    }

    /** {@return the weights, one per feature; a copy} */
    public double[] coefficients() {
        return w.clone();
    }

    /** {@return the intercept (the bias feature's weight times its value)} */
    public double intercept() {
        return b;
    }

    /** {@return the Platt sigmoid} */
    public PlattScaling platt() {
        return platt;
    }

    /** {@return the options of the fit} */
    public SvmOptions options() {
        return options;
    }

    /**
     * {@return the decision value {@code x . w + b}, clamped to {@code +-Double.MAX_VALUE} where it overflows} O(p).
     *
     * @param features read: {@link #featureCount()} finite values
     */
    public double decisionFunction(double[] features) {
        Checks.row(features, w.length);
        return linear(features);
    }

    private double linear(double[] x) {
        return LinearScore.of(w, b, x);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int featureCount() {
        return w.length;
    }

    @Override
    public List<String> featureNames() {
        return List.of(names);
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
    public double probability(double[] features) {
        Checks.row(features, w.length);
        return platt.probability(linear(features));
    }

    @Override
    public Contributions contributions(double[] features) {
        Checks.row(features, w.length);
        double[] c = new double[w.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = LinearScore.clamp(-platt.a() * w[j] * features[j]);
        }
        return new Contributions(Contributions.Scale.LOG_ODDS, LinearScore.clamp(-platt.a() * b - platt.b()), c);
    }

    /** The model file: the fit summary, the feature names, the weights, intercept, Platt sigmoid and options. */
    @Override
    public byte[] toBytes() {
        ClassWeight cw = options.classWeight();
        return ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary)
                .putStrings("feature_names", names)
                .putDoubles("coefficients", w)
                .putDoubles("intercept_platt", new double[] {b, platt.a(), platt.b()})
                .putStrings("svm_options", new String[] {options.loss().name(), cw.mode().name()})
                .putDoubles("svm_option_values", new double[] {options.c(), cw.negative(), cw.positive(),
                    options.fitIntercept() ? 1 : 0, options.interceptScaling(), options.tolerance(),
                    options.maxIterations(), options.calibrationFolds(), options.threads()})
                .putLongs("svm_seed", new long[] {options.seed()})
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
    public static SvmModel read(ModelFile f) throws ModelFormatException {
        ModelSections.open(f, MODEL_TYPE, SCHEMA_VERSION);
        try {
            double[] w = ModelSections.finiteDoubles(f, "coefficients");
            double[] ip = ModelSections.finiteDoubles(f, "intercept_platt");
            String[] s = ModelSections.strings(f, "svm_options", 2);
            double[] v = ModelSections.doubles(f, "svm_option_values", 9);
            long[] seed = f.longs("svm_seed");
            if (seed.length != 1 || ip.length != 3) {
                throw new ModelFormatException(f.source() + ": malformed linear-svm sections 'svm_seed' or "
                        + "'intercept_platt'");
            }
            SvmOptions o = new SvmOptions(SvmOptions.Loss.valueOf(s[0]), v[0],
                    new ClassWeight(ClassWeight.Mode.valueOf(s[1]), v[1], v[2]), v[3] == 1, v[4], v[5], (int) v[6],
                    (int) v[7], seed[0], (int) v[8]);
            return new SvmModel(w, ip[0], new PlattScaling(ip[1], ip[2]), ModelSections.featureNames(f, w.length), o,
                    FitSummary.readFrom(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid " + MODEL_TYPE + " model: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SvmModel m && Arrays.equals(m.w, w) && Double.compare(m.b, b) == 0
                && m.platt.equals(platt) && Arrays.equals(m.names, names)
                && m.options.withThreads(1).equals(options.withThreads(1));
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(w), b, platt, Arrays.hashCode(names), options.withThreads(1));
    }

    /** The fit summary, then the intercept and the weights by feature name (the first 40). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(summary);
        sb.append(String.format(Locale.ROOT, "%-32s %12s%n%-32s %12.6f%n", "feature", "weight", "(intercept)", b));
        for (int j = 0; j < Math.min(w.length, 40); j++) {
            sb.append(String.format(Locale.ROOT, "%-32.32s %12.6f%n", names[j], w[j]));
        }
        return sb.toString();
    }
}
