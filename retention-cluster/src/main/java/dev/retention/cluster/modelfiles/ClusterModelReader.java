package dev.retention.cluster.modelfiles;

import dev.retention.cluster.dbscan.DbscanModel;
import dev.retention.cluster.hierarchical.AgglomerativeModel;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.ModelReader;

import java.util.Set;

/**
 * The {@link ModelReader} of the clustering module, found by {@code Models.load} through the service loader
 * (declared in the module descriptor and in {@code META-INF/services}): reads model files of type
 * {@value KMeansModel#MODEL_TYPE} (k-means and mini-batch k-means), {@value DbscanModel#MODEL_TYPE} and
 * {@value AgglomerativeModel#MODEL_TYPE} by each model's own {@code read}. Stateless and thread-safe.
 */
public final class ClusterModelReader implements ModelReader {

    /** The reader; {@code ServiceLoader} calls this. */
    public ClusterModelReader() {
    }

    @Override
    public Set<String> modelTypes() {
        return Set.of(KMeansModel.MODEL_TYPE, DbscanModel.MODEL_TYPE, AgglomerativeModel.MODEL_TYPE);
    }

    @Override
    public Model read(ModelFile file) throws ModelFormatException {
        return switch (file.modelType()) {
            case KMeansModel.MODEL_TYPE -> KMeansModel.read(file);
            case DbscanModel.MODEL_TYPE -> DbscanModel.read(file);
            case AgglomerativeModel.MODEL_TYPE -> AgglomerativeModel.read(file);
            default -> throw new ModelFormatException(file.source() + ": the clustering module does not read '"
                    + file.modelType() + "' models; it reads " + modelTypes());
        };
    }
}
