package dev.retention.experiment.modelfiles;

import dev.retention.experiment.uplift.UpliftModel;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.ModelReader;

import java.util.Set;

/**
 * The model reader of the experiment module, through which {@code Models.load} opens its files: the uplift models
 * (T-learner, class transformation, X-learner; one model type). Declared in the module descriptor
 * ({@code provides dev.retention.model.ModelReader}) and in {@code META-INF/services} for the class path.
 * Stateless and thread-safe.
 */
public final class ExperimentModelReader implements ModelReader {

    private static final Set<String> TYPES = Set.of(UpliftModel.MODEL_TYPE);

    /** The reader; {@code ServiceLoader} calls this constructor. */
    public ExperimentModelReader() {
    }

    @Override
    public Set<String> modelTypes() {
        return TYPES;
    }

    @Override
    public Model read(ModelFile file) throws ModelFormatException {
        if (UpliftModel.MODEL_TYPE.equals(file.modelType())) {
            return UpliftModel.read(file);
        }
        throw new ModelFormatException(file.source() + ": the experiment module does not read model type '"
                + file.modelType() + "'; it reads " + TYPES);
    }
}
