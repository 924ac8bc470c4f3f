package dev.retention.churn.evaluation;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.evaluation.StratifiedKFold;
import dev.retention.evaluation.TrainTestSplit;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;

/**
 * Honest evaluation of a preprocessing-plus-classifier pipeline on a labelled table: stratified K-fold
 * cross-validation and a stratified train/test split. In every fold the preprocessing (imputation
 * values, scales, categories) and the classifier are fitted on the training rows only and the test rows
 * are scored with them, so no statistic of a test row leaks into its own prediction.
 *
 * <p>Cost: {@code folds} pipeline fits. Progress: the control hears the learner of each fold and may cancel
 * the evaluation; SLF4J INFO logs each fold's AUC.
 */
public final class CrossValidation {

    private static final Logger LOG = LoggerFactory.getLogger(CrossValidation.class);

    private CrossValidation() {
    }

    /**
     * {@return stratified K-fold cross-validation (shuffled folds, {@link StratifiedKFold#split}), without a control}
     *
     * @param table   read: a labelled table
     * @param pre     preprocessing options
     * @param learner the classifier
     * @param folds   number of folds, &gt;= 2
     * @param seed    seed of the folds
     * @throws IllegalArgumentException if the table has no labels or a class has fewer rows than folds
     */
    public static CrossValidationResult evaluate(CustomerTable table, PreprocessOptions pre, Learner learner,
                                                 int folds, long seed) {
        return evaluate(table, pre, learner, folds, seed, FitControl.defaults());
    }

    /**
     * {@return stratified K-fold cross-validation (shuffled folds, {@link StratifiedKFold#split})}
     *
     * @param table   read: a labelled table
     * @param pre     preprocessing options
     * @param learner the classifier
     * @param folds   number of folds, &gt;= 2
     * @param seed    seed of the folds
     * @param control progress and cancellation of each fold's fit
     * @throws IllegalArgumentException if the table has no labels or a class has fewer rows than folds
     */
    public static CrossValidationResult evaluate(CustomerTable table, PreprocessOptions pre, Learner learner,
                                                 int folds, long seed, FitControl control) {
        Objects.requireNonNull(table, "table");
        requireLabels(table);
        int[] y = table.labels();
        return evaluate(table, pre, learner, StratifiedKFold.split(y, folds, seed), control);
    }

    /**
     * {@return cross-validation over given folds (for example the same folds for every candidate of a grid search)}
     *
     * @param table   read: a labelled table
     * @param pre     preprocessing options
     * @param learner the classifier
     * @param folds   the folds, over the table's rows
     * @param control progress and cancellation of each fold's fit
     */
    public static CrossValidationResult evaluate(CustomerTable table, PreprocessOptions pre, Learner learner,
                                                 StratifiedKFold folds, FitControl control) {
        Objects.requireNonNull(folds, "folds");
        int[] foldOf = new int[folds.rows()];
        for (int i = 0; i < foldOf.length; i++) {
            foldOf[i] = folds.foldOf(i);
        }
        return evaluate(table, pre, learner, foldOf, control);
    }

    /**
     * {@return cross-validation over folds given row by row, for example the folds another library used, for a
     * like-for-like comparison: row {@code i} is a test row of fold {@code foldOf[i]}}
     *
     * @param table   read: a labelled table
     * @param pre     preprocessing options
     * @param learner the classifier
     * @param foldOf  read: the test fold of each row, in [0, k) with every fold non-empty and k &gt;= 2
     * @param control progress and cancellation of each fold's fit
     * @throws IllegalArgumentException if the table has no labels or the folds do not cover it as stated
     */
    public static CrossValidationResult evaluate(CustomerTable table, PreprocessOptions pre, Learner learner,
                                                 int[] foldOf, FitControl control) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(pre, "pre");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(foldOf, "foldOf");
        Objects.requireNonNull(control, "control");
        requireLabels(table);
        if (foldOf.length != table.rows()) {
            throw new IllegalArgumentException("the folds cover " + foldOf.length + " rows, the table has "
                    + table.rows());
        }
        int k = 0;
        for (int i = 0; i < foldOf.length; i++) {
            if (foldOf[i] < 0) {
                throw new IllegalArgumentException("foldOf[" + i + "] must be >= 0, got " + foldOf[i]);
            }
            k = Math.max(k, foldOf[i] + 1);
        }
        int[] sizes = new int[k];
        for (int f : foldOf) {
            sizes[f]++;
        }
        for (int f = 0; f < k; f++) {
            if (sizes[f] == 0) {
                throw new IllegalArgumentException("fold " + f + " of " + k + " has no row");
            }
        }
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        int[] y = table.labels();
        int[] positives = new int[k];
        int totalPositives = 0;
        for (int i = 0; i < foldOf.length; i++) {
            positives[foldOf[i]] += y[i];
            totalPositives += y[i];
        }
        for (int f = 0; f < k; f++) {
            int trainRows = table.rows() - sizes[f];
            int trainPositives = totalPositives - positives[f];
            if (trainPositives == 0 || trainPositives == trainRows) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "fold %d of %d: its %d training rows "
                        + "hold a single class (all %s), so no classifier can be fitted on them; every training set "
                        + "needs both classes", f, k, trainRows, trainPositives == 0 ? "negative" : "positive"));
            }
            if (positives[f] == 0 || positives[f] == sizes[f]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "fold %d of %d: its %d test rows hold a "
                        + "single class (all %s), so its ROC AUC is undefined; give every fold both classes (stratified "
                        + "folds do)", f, k, sizes[f], positives[f] == 0 ? "negative" : "positive"));
            }
        }
        MetricSummary[] perFold = new MetricSummary[k];
        FitSummary[] summaries = new FitSummary[k];
        double[] fitSeconds = new double[k];
        double[] oof = new double[table.rows()];
        for (int f = 0; f < k; f++) {
            int[] test = new int[sizes[f]];
            int[] train = new int[table.rows() - sizes[f]];
            int a = 0;
            int b = 0;
            for (int i = 0; i < foldOf.length; i++) {
                if (foldOf[i] == f) {
                    test[a++] = i;
                } else {
                    train[b++] = i;
                }
            }
            long start = System.nanoTime();
            ChurnPipelineModel pipeline = ChurnPipeline.fit(table, train, pre, learner, control);
            fitSeconds[f] = (System.nanoTime() - start) / 1e9;
            summaries[f] = pipeline.classifier().fitSummary();
            double[] p = pipeline.allowingUnusable().score(table, test).probabilities();
            for (int t = 0; t < test.length; t++) {
                oof[test[t]] = p[t];
            }
            perFold[f] = ClassificationMetrics.summary(table.labels(test), p, 0.5);
            LOG.info("fold {} of {}: {} training rows, {} test rows, AUC {}, fit {} s", f + 1, k, train.length,
                    test.length, perFold[f].rocAuc(), fitSeconds[f]);
        }
        return new CrossValidationResult(perFold, summaries, fitSeconds, oof, ClassificationMetrics.summary(y, oof, 0.5));
    }

    /**
     * {@return a stratified train/test split ({@link TrainTestSplit#stratified}): the pipeline is fitted on the
     * training rows and evaluated on the test rows}
     *
     * @param table        read: a labelled table
     * @param pre          preprocessing options
     * @param learner      the classifier
     * @param testFraction share of rows held out, in (0, 1)
     * @param seed         seed of the split
     * @param control      progress and cancellation of the fit
     * @throws IllegalArgumentException if the table has no labels or the split leaves a class out of a side
     */
    public static HoldoutResult holdout(CustomerTable table, PreprocessOptions pre, Learner learner,
                                        double testFraction, long seed, FitControl control) {
        Objects.requireNonNull(table, "table");
        requireLabels(table);
        return holdout(table, pre, learner, TrainTestSplit.stratified(table.labels(), testFraction, seed), control);
    }

    /**
     * Fits on the split's training rows and evaluates on its test rows (for example a time split).
     *
     * @param table   read: a labelled table
     * @param pre     preprocessing options
     * @param learner the classifier
     * @param split   the training and test rows
     * @param control progress and cancellation of the fit
     * @return the metrics on the test rows and the model fitted on the training rows
     * @throws IllegalArgumentException if the table has no labels or a side holds a single class
     */
    public static HoldoutResult holdout(CustomerTable table, PreprocessOptions pre, Learner learner,
                                        TrainTestSplit split, FitControl control) {
        Objects.requireNonNull(split, "split");
        requireLabels(table);
        long start = System.nanoTime();
        ChurnPipelineModel pipeline = ChurnPipeline.fit(table, split.train(), pre, learner, control);
        double seconds = (System.nanoTime() - start) / 1e9;
        int[] test = split.test();
        double[] p = pipeline.allowingUnusable().score(table, test).probabilities();
        int[] yTest = table.labels(test);
        MetricSummary summary = ClassificationMetrics.summary(yTest, p, 0.5);
        LOG.info("holdout: {} training rows, {} test rows, AUC {}, fit {} s", split.train().length, test.length,
                summary.rocAuc(), seconds);
        return new HoldoutResult(split, pipeline, p, yTest, summary, seconds);
    }

    private static void requireLabels(CustomerTable table) {
        if (!table.hasLabels()) {
            throw new IllegalArgumentException("evaluation needs a labelled table; this one has no label column");
        }
    }
}
