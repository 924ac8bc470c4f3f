package dev.retention.churn.svm;

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
 * A fitted linear SVM with Platt scaling: decision value {@code f = x . w + b}, probability
 * {@code 1 / (1 + exp(A f + B))}. The log-odds are {@code -A f - B}, so contributions on the log-odds scale
 * are {@code -A w_j x_j} with base {@code -A b - B}. Immutable and thread-safe; saved with the model file
 * format (type {@value #MODEL_TYPE}).
 */
public final class SvmModel implements ProbabilisticClassifier {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "linear-svm";

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

    /** The weights, one per feature; a copy. */
    public double[] coefficients() {
        return w.clone();
    }

    /** The intercept (the bias feature's weight times its value). */
    public double intercept() {
        return b;
    }

    /** The Platt sigmoid. */
    public PlattScaling platt() {
        return platt;
    }

    /** The options of the fit. */
    public SvmOptions options() {
        return options;
    }

    /** The decision value {@code x . w + b}. O(p). */
    public double decisionFunction(double[] features) {
        Checks.row(features, w.length);
        return linear(features);
    }

    private double linear(double[] x) {
        double s = b;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[j];
        }
        return s;
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
    public String[] featureNames() {
        return names.clone();
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
            c[j] = -platt.a() * w[j] * features[j];
        }
        return new Contributions(Contributions.Scale.LOG_ODDS, -platt.a() * b - platt.b(), c);
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
        ModelFile.Writer f = ModelFile.writer(MODEL_TYPE)
                .putDoubles("coefficients", w)
                .putDoubles("intercept_platt", new double[] {b, platt.a(), platt.b()})
                .putStrings("svm_options", new String[] {options.loss().name(), cw.mode().name()})
                .putDoubles("svm_option_values", new double[] {options.c(), cw.negative(), cw.positive(),
                    options.fitIntercept() ? 1 : 0, options.interceptScaling(), options.tolerance(),
                    options.maxIterations(), options.calibrationFolds()})
                .putLongs("svm_seed", new long[] {options.seed()});
        return ModelSections.write(f, names, summary);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid linear-svm model file
     * @throws IOException          if it cannot be read
     */
    public static SvmModel load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a model from bytes written by {@link #toBytes()}. */
    public static SvmModel fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    /** Reads a model from a parsed model file of type {@value #MODEL_TYPE}. */
    public static SvmModel from(ModelFile f) throws ModelFormatException {
        f.requireType(MODEL_TYPE);
        try {
            double[] w = ModelSections.finiteDoubles(f, "coefficients");
            double[] ip = ModelSections.finiteDoubles(f, "intercept_platt");
            String[] s = f.strings("svm_options");
            double[] v = ModelSections.doubles(f, "svm_option_values", 8);
            long[] seed = f.longs("svm_seed");
            if (s.length != 2 || seed.length != 1 || ip.length != 3) {
                throw new ModelFormatException(f.source() + ": malformed linear-svm option sections");
            }
            SvmOptions o = new SvmOptions(SvmOptions.Loss.valueOf(s[0]), v[0],
                    new ClassWeight(ClassWeight.Mode.valueOf(s[1]), v[1], v[2]), v[3] == 1, v[4], v[5], (int) v[6],
                    (int) v[7], seed[0]);
            return new SvmModel(w, ip[0], new PlattScaling(ip[1], ip[2]), ModelSections.featureNames(f, w.length), o,
                    ModelSections.summary(f));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid linear-svm model: " + e.getMessage());
        }
    }

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
