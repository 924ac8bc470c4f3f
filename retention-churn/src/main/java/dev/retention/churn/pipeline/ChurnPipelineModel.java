package dev.retention.churn.pipeline;

import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.dataset.ColumnKind;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.explain.Explainer;
import dev.retention.churn.explain.Explanation;
import dev.retention.churn.internal.ModelSections;
import dev.retention.churn.preprocess.PreprocessingModel;
import dev.retention.churn.preprocess.Transformed;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.model.Verdict;

import java.util.List;
import java.util.Objects;

/**
 * A preprocessing model and a classifier fitted together on the same training rows ({@link ChurnPipeline#fit}):
 * what scores new customers from raw table rows and says why. Scoring transforms the rows with the fitted
 * preprocessing (unseen categories become all-zero one-hots and are counted) and asks the classifier, so a
 * loaded pipeline scores raw customer rows on its own. Immutable and thread-safe; saved as one model file of
 * type {@value #MODEL_TYPE} holding the two models' files, read back by
 * {@code Models.load(path, ChurnPipelineModel.class)}. Equal to another pipeline when both parts are.
 */
public final class ChurnPipelineModel implements Model {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "churn-pipeline";
    /** The schema version of this type's sections: 2 since the shared fit summary. */
    public static final int SCHEMA_VERSION = 2;

    private final PreprocessingModel preprocessing;
    private final ProbabilisticClassifier classifier;
    private final Explainer explainer;
    private final FitSummary summary;
    private final boolean unusableAllowed;

    ChurnPipelineModel(PreprocessingModel preprocessing, ProbabilisticClassifier classifier, double seconds) {
        this(preprocessing, classifier, (FitSummary) null, seconds);
    }

    private ChurnPipelineModel(PreprocessingModel preprocessing, ProbabilisticClassifier classifier,
                               FitSummary summary, double seconds) {
        this(preprocessing, classifier, summary, seconds, false);
    }

    private ChurnPipelineModel(PreprocessingModel preprocessing, ProbabilisticClassifier classifier,
                               FitSummary summary, double seconds, boolean unusableAllowed) {
        this.unusableAllowed = unusableAllowed;
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (classifier.featureCount() != preprocessing.featureCount()) {
            throw new IllegalArgumentException("the classifier has " + classifier.featureCount()
                    + " features, the preprocessing makes " + preprocessing.featureCount());
        }
        this.summary = summary != null ? summary : combine(preprocessing, classifier, seconds);
        String[] sources = new String[preprocessing.featureCount()];
        for (int f = 0; f < sources.length; f++) {
            sources[f] = preprocessing.sourceColumn(f);
        }
        this.explainer = Explainer.grouped(classifier, sources);
    }

    /**
     * Joins a fitted preprocessing and a classifier fitted on its output; the summary combines theirs.
     *
     * @param preprocessing the preprocessing
     * @param classifier    a classifier fitted on the preprocessing's features
     * @return the pipeline of the two
     * @throws IllegalArgumentException if the classifier's feature count differs from the preprocessing's
     */
    public static ChurnPipelineModel of(PreprocessingModel preprocessing, ProbabilisticClassifier classifier) {
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(classifier, "classifier");
        return new ChurnPipelineModel(preprocessing, classifier,
                preprocessing.fitSummary().seconds() + classifier.fitSummary().seconds());
    }

    /** The pipeline's summary: the classifier's fit, the preprocessing's choices, the table's fingerprint. */
    private static FitSummary combine(PreprocessingModel pre, ProbabilisticClassifier c, double seconds) {
        FitSummary cs = c.fitSummary();
        FitSummary.Builder b = FitSummary.builder("churn pipeline: preprocessing + " + cs.algorithm())
                .options("preprocessing: " + pre.options() + "; classifier: " + cs.options())
                .iterations(cs.iterations())
                .objective(cs.objectiveName(), cs.objective())
                .converged(cs.converged(), cs.stopReason())
                .seconds(seconds)
                .data(pre.fitSummary().data());
        pre.fitSummary().choices().forEach(b::choice);
        cs.choices().forEach(b::choice);
        String notConverged = "did not converge: ";
        for (String w : cs.warnings()) {
            if (!cs.converged() && w.startsWith(notConverged)) {
                continue;   // the builder adds it again
            }
            if (cs.verdict() == Verdict.UNUSABLE) {
                b.unusable(w);
            } else {
                b.warning(w);
            }
        }
        return b.build();
    }

    /**
     * {@return this pipeline, scoring even if its fit was judged {@link Verdict#UNUSABLE}} The explicit opt-in: a
     * pipeline whose fit is UNUSABLE (a classifier that diverged, a constant model on features scaled beyond use,
     * one class in the training rows) throws {@link IllegalStateException} from {@link #score} and {@link #explain}
     * rather than rank customers by numbers nobody should trust; a caller who has read the verdict and wants them
     * anyway asks here. The copy is equal to this pipeline and writes the same file (the opt-in is not saved); O(1).
     */
    public ChurnPipelineModel allowingUnusable() {
        return unusableAllowed ? this : new ChurnPipelineModel(preprocessing, classifier, summary, summary.seconds(),
                true);
    }

    private void requireUsable() {
        if (!unusableAllowed && summary.verdict() == Verdict.UNUSABLE) {
            throw new IllegalStateException("the churn pipeline's fit was judged UNUSABLE (" + String.join("; ",
                    summary.warnings()) + "), so it scores no customer unless asked: call allowingUnusable() on the"
                    + " pipeline to score anyway");
        }
    }

    /** {@return the fitted preprocessing} */
    public PreprocessingModel preprocessing() {
        return preprocessing;
    }

    /** {@return the fitted classifier} */
    public ProbabilisticClassifier classifier() {
        return classifier;
    }

    /**
     * {@return the probability of churn of the given rows, with the count of unseen categories met}
     *
     * @param table read: a table with the columns the preprocessing was fitted on (labels not needed)
     * @param rows  read: the rows to score, at least one
     * @throws IllegalArgumentException if a column is missing or of another kind, or a row index is bad
     * @throws IllegalStateException    if the fit was judged {@link Verdict#UNUSABLE} and the pipeline is not the
     *                                  {@link #allowingUnusable()} copy
     */
    public Scores score(CustomerTable table, int[] rows) {
        requireUsable();
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
     * @return the row's top reasons up and down
     * @throws IllegalArgumentException if a column is missing, the row is out of range or {@code top < 1}
     * @throws IllegalStateException    if the fit was judged {@link Verdict#UNUSABLE} and the pipeline is not the
     *                                  {@link #allowingUnusable()} copy
     */
    public Explanation explain(CustomerTable table, int row, int top) {
        requireUsable();
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

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /**
     * The summary of the pipeline's fit: the classifier's algorithm, iterations, objective and convergence, the
     * preprocessing's choices (columns left out), the fingerprint of the training rows of the table.
     */
    @Override
    public FitSummary fitSummary() {
        return summary;
    }

    /** The model file: the pipeline's fit summary and the two models' files as byte sections. */
    @Override
    public byte[] toBytes() {
        return ModelSections.writer(MODEL_TYPE, SCHEMA_VERSION, summary)
                .putBytes("preprocessing", preprocessing.toBytes())
                .putBytes("classifier", classifier.toBytes())
                .toBytes();
    }

    /**
     * Reads a pipeline from a checked model file of type {@value #MODEL_TYPE}; {@code Models.load} calls it.
     *
     * @param f read
     * @return the model the file holds
     * @throws ModelFormatException if the file, or one of the two model files inside it, is not valid, or the
     *                              classifier does not fit the preprocessing (the message names the file)
     */
    public static ChurnPipelineModel read(ModelFile f) throws ModelFormatException {
        ModelSections.open(f, MODEL_TYPE, SCHEMA_VERSION);
        PreprocessingModel pre = PreprocessingModel.read(ModelFile.parse(f.bytes("preprocessing"),
                f.source() + "#preprocessing"));
        ProbabilisticClassifier c = Models.fromBytes(f.bytes("classifier"), f.source() + "#classifier",
                ProbabilisticClassifier.class);
        FitSummary summary = FitSummary.readFrom(f);
        try {
            return new ChurnPipelineModel(pre, c, summary, summary.seconds());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChurnPipelineModel m && m.preprocessing.equals(preprocessing)
                && m.classifier.equals(classifier);
    }

    @Override
    public int hashCode() {
        return 31 * preprocessing.hashCode() + classifier.hashCode();
    }

    /** The preprocessing's table, then the classifier's. */
    @Override
    public String toString() {
        return preprocessing + "\n" + classifier;
    }
}
