package dev.retention.rfm.modelfiles;

import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.ModelReader;
import dev.retention.rfm.RfmModel;

import java.util.Set;

/**
 * The {@link ModelReader} of retention-core, through which {@link dev.retention.model.Models#load} opens the model
 * files of core's model types: {@value dev.retention.rfm.RfmModel#MODEL_TYPE} ({@link RfmModel}). Registered in
 * core's module descriptor and in {@code META-INF/services}; stateless and thread-safe. It lives in a package of its
 * own, which core does not export and no other package imports, because it imports the model packages.
 */
public final class RfmModelReader implements ModelReader {

    /** For {@link java.util.ServiceLoader}. */
    public RfmModelReader() {
    }

    @Override
    public Set<String> modelTypes() {
        return Set.of(RfmModel.MODEL_TYPE);
    }

    @Override
    public Model read(ModelFile file) throws ModelFormatException {
        return RfmModel.read(file);
    }
}
