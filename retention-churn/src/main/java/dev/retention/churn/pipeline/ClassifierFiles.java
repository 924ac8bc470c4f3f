package dev.retention.churn.pipeline;

import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.forest.ForestModel;
import dev.retention.churn.logistic.LogisticModel;
import dev.retention.churn.svm.SvmModel;
import dev.retention.churn.tree.TreeModel;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads any classifier of this module from a model file, by its model type: {@code logistic-regression},
 * {@code linear-svm}, {@code decision-tree} or {@code random-forest}.
 */
public final class ClassifierFiles {

    private ClassifierFiles() {
    }

    /**
     * Reads a classifier file.
     *
     * @throws ModelFormatException if the file is not a valid classifier model file of a known type
     * @throws IOException          if it cannot be read
     */
    public static ProbabilisticClassifier load(Path path) throws IOException {
        return from(ModelFile.read(path));
    }

    /** Reads a classifier from model-file bytes. */
    public static ProbabilisticClassifier fromBytes(byte[] bytes, String source) throws ModelFormatException {
        return from(ModelFile.parse(bytes, source));
    }

    /** Reads a classifier from a parsed model file. */
    public static ProbabilisticClassifier from(ModelFile f) throws ModelFormatException {
        return switch (f.modelType()) {
            case LogisticModel.MODEL_TYPE -> LogisticModel.from(f);
            case SvmModel.MODEL_TYPE -> SvmModel.from(f);
            case TreeModel.MODEL_TYPE -> TreeModel.from(f);
            case ForestModel.MODEL_TYPE -> ForestModel.from(f);
            default -> throw new ModelFormatException(f.source() + ": holds a '" + f.modelType()
                    + "' model, not a churn classifier (logistic-regression, linear-svm, decision-tree, random-forest)");
        };
    }
}
