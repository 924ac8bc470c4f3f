package dev.retention.churn.modelfiles;

import dev.retention.churn.forest.ForestModel;
import dev.retention.churn.logistic.LogisticModel;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessingModel;
import dev.retention.churn.svm.SvmModel;
import dev.retention.churn.tree.TreeModel;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.ModelReader;

import java.util.Set;

/**
 * The model reader of the churn module, through which {@code Models.load} opens its files: logistic
 * regression, linear SVM, decision tree, random forest, churn preprocessing and churn pipeline. Declared in
 * the module descriptor ({@code provides dev.retention.model.ModelReader}) and in
 * {@code META-INF/services} for the class path. Stateless and thread-safe.
 */
public final class ChurnModelReader implements ModelReader {

    private static final Set<String> TYPES = Set.of(LogisticModel.MODEL_TYPE, SvmModel.MODEL_TYPE,
            TreeModel.MODEL_TYPE, ForestModel.MODEL_TYPE, PreprocessingModel.MODEL_TYPE,
            ChurnPipelineModel.MODEL_TYPE);

    /** The reader; {@code ServiceLoader} calls this constructor. */
    public ChurnModelReader() {
    }

    @Override
    public Set<String> modelTypes() {
        return TYPES;
    }

    @Override
    public Model read(ModelFile file) throws ModelFormatException {
        return switch (file.modelType()) {
            case LogisticModel.MODEL_TYPE -> LogisticModel.read(file);
            case SvmModel.MODEL_TYPE -> SvmModel.read(file);
            case TreeModel.MODEL_TYPE -> TreeModel.read(file);
            case ForestModel.MODEL_TYPE -> ForestModel.read(file);
            case PreprocessingModel.MODEL_TYPE -> PreprocessingModel.read(file);
            case ChurnPipelineModel.MODEL_TYPE -> ChurnPipelineModel.read(file);
            default -> throw new ModelFormatException(file.source() + ": the churn module does not read model type '"
                    + file.modelType() + "'; it reads " + TYPES);
        };
    }
}
