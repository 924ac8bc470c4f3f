package dev.retention.lifetime.modelfiles;

import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.ModelReader;

import java.util.Set;

/**
 * The {@link ModelReader} of the lifetime module, through which {@code Models.load} opens its model files: types
 * {@value BgNbdModel#MODEL_TYPE} (BG/NBD and MBG/NBD), {@value ParetoNbdModel#MODEL_TYPE} and
 * {@value GammaGammaModel#MODEL_TYPE}. Declared in the module descriptor ({@code provides}) and in
 * {@code META-INF/services} for the class path. Stateless and thread-safe.
 */
public final class LifetimeModelReader implements ModelReader {

    private static final Set<String> TYPES = Set.of(BgNbdModel.MODEL_TYPE, ParetoNbdModel.MODEL_TYPE,
            GammaGammaModel.MODEL_TYPE);

    /** The service loader's constructor. */
    public LifetimeModelReader() {
    }

    @Override
    public Set<String> modelTypes() {
        return TYPES;
    }

    @Override
    public Model read(ModelFile file) throws ModelFormatException {
        return switch (file.modelType()) {
            case BgNbdModel.MODEL_TYPE -> BgNbdModel.read(file);
            case ParetoNbdModel.MODEL_TYPE -> ParetoNbdModel.read(file);
            case GammaGammaModel.MODEL_TYPE -> GammaGammaModel.read(file);
            default -> throw new ModelFormatException(file.source() + ": the lifetime module reads " + TYPES
                    + ", not '" + file.modelType() + "'");
        };
    }
}
