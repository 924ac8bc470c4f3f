package dev.retention.churn.pipeline;

import dev.retention.churn.classifier.FitListener;
import dev.retention.churn.classifier.Learner;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.dataset.ColumnKind;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.explain.Explainer;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.preprocess.PreprocessingModel;
import dev.retention.churn.preprocess.Preprocessor;
import dev.retention.churn.preprocess.Transformed;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A preprocessing model and a classifier fitted together on the same training rows: what scores new
 * customers from raw table rows and says why. Fitting runs {@link Preprocessor#fit} on the training rows
 * only, transforms them and fits the learner; scoring transforms the rows with the fitted preprocessing
 * (unseen categories become all-zero one-hots and are counted) and asks the classifier. Immutable and
 * thread-safe; saved as one model file (type {@value #MODEL_TYPE}) holding the two models' files.
 */
public final class ChurnPipeline {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "churn-pipeline";

    private final PreprocessingModel preprocessing;
    private final ProbabilisticClassifier classifier;
    private final Explainer explainer;

    /**
     * Joins a fitted preprocessing and a classifier fitted on its output.
     *
     * @throws IllegalArgumentException if the classifier's feature count differs from the preprocessing's
     */
    public ChurnPipeline(PreprocessingModel preprocessing, ProbabilisticClassifier classifier) {
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (classifier.featureCount() != preprocessing.featureCount()) {
            throw new IllegalArgumentException("the classifier has " + classifier.featureCount()
                    + " features, the preprocessing makes " + preprocessing.featureCount());
        }
        String[] sources = new String[preprocessing.featureCount()];
        for (int f = 0; f < sources.length; f++) {
            sources[f] = preprocessing.sourceColumn(f);
        }
        this.explainer = Explainer.grouped(classifier, sources);
    }

    /**
     * Fits the preprocessing and the classifier on the training rows of a labelled table.
     *
     * @param table    read: a labelled table
     * @param rows     read: the training rows
     * @param options  preprocessing options
     * @param learner  the classifier to fit
     * @param listener progress of the classifier's fit
     */
    public static ChurnPipeline fit(CustomerTable table, int[] rows, PreprocessOptions options, Learner learner,
                                    FitListener listener) {
        Objects.requireNonNull(learner, "learner");
        PreprocessingModel pre = Preprocessor.fit(table, rows, options);
        Transformed t = pre.transform(table, rows);
        ProbabilisticClassifier c = learner.fit(t.features(), table.labels(rows), listener);
        return new ChurnPipeline(pre, c);
    }

    /** The fitted preprocessing. */
    public PreprocessingModel preprocessing() {
        return preprocessing;
    }

    /** The fitted classifier. */
    public ProbabilisticClassifier classifier() {
        return classifier;
    }

    /**
     * The probability of churn of the given rows, with the count of unseen categories met.
     *
     * @param table read: a table with the columns the preprocessing was fitted on
     * @param rows  read: the rows to score
     */
    public Scores score(CustomerTable table, int[] rows) {
        Transformed t = preprocessing.transform(table, rows);
        return new Scores(classifier.probabilities(t.features()), t.unseen());
    }

    /**
     * Explains one row: its top reasons up and down, grouped by source column and labelled with the
     * customer's values ({@code "Contract=Month-to-month"}, {@code "tenure=2"}).
     *
     * @param table read: the table
     * @param row   the row
     * @param top   reasons per side, &gt;= 1
     */
    public Explanation explain(CustomerTable table, int row, int top) {
        Transformed t = preprocessing.transform(table, new int[] {row});
        List<String> sources = List.of(explainer.groupNames());
        String[] labels = new String[sources.size()];
        for (int g = 0; g < labels.length; g++) {
            int j = table.indexOf(sources.get(g));
            String value = table.text(row, j);
            labels[g] = sources.get(g) + "=" + (value.isEmpty() && table.kind(j) == ColumnKind.CATEGORICAL
                    ? PreprocessingModel.MISSING_LEVEL : value.isEmpty() ? "(missing)" : value);
        }
        return explainer.explain(table.key(row), t.features().row(0), labels, top);
    }

    /** The pipeline as model-file bytes. */
    public byte[] toBytes() {
        return writer().toBytes();
    }

    /**
     * Writes the pipeline as one model file.
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path path) throws IOException {
        writer().write(path);
    }

    private ModelFile.Writer writer() {
        return ModelFile.writer(MODEL_TYPE)
                .putBytes("preprocessing", preprocessing.toBytes())
                .putBytes("classifier", classifier.toBytes());
    }

    /**
     * Reads a pipeline written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file or one of the models inside it is not valid
     * @throws IOException          if it cannot be read
     */
    public static ChurnPipeline load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a pipeline from bytes written by {@link #toBytes()}. */
    public static ChurnPipeline fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    private static ChurnPipeline from(ModelFile f) throws ModelFormatException {
        f.requireType(MODEL_TYPE);
        PreprocessingModel pre = PreprocessingModel.fromBytes(f.bytes("preprocessing"), f.source() + "#preprocessing");
        ProbabilisticClassifier c = ClassifierFiles.fromBytes(f.bytes("classifier"), f.source() + "#classifier");
        try {
            return new ChurnPipeline(pre, c);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return preprocessing + "\n" + classifier;
    }
}
