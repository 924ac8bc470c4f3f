package dev.retention.recsys.modelfiles;

import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.ModelReader;
import dev.retention.recsys.als.AlsModel;
import dev.retention.recsys.baseline.BaselineOnlyModel;
import dev.retention.recsys.baseline.NormalPredictorModel;
import dev.retention.recsys.bpr.BprModel;
import dev.retention.recsys.content.ContentModel;
import dev.retention.recsys.ease.EaseModel;
import dev.retention.recsys.hybrid.HybridModel;
import dev.retention.recsys.factorization.CoClusteringModel;
import dev.retention.recsys.factorization.NmfModel;
import dev.retention.recsys.factorization.SvdModel;
import dev.retention.recsys.factorization.SvdPlusPlusModel;
import dev.retention.recsys.itemknn.ItemKnnModel;
import dev.retention.recsys.knn.KnnModel;
import dev.retention.recsys.popularity.PopularityModel;
import dev.retention.recsys.slopeone.SlopeOneModel;
import dev.retention.recsys.svd.PureSvdModel;

import java.util.Set;

/**
 * The model reader of the recommenders, through which {@code Models.load(path)} opens their files: every
 * model type of this module, each read by its model class's {@code read(ModelFile)}. Found by
 * {@link java.util.ServiceLoader} (declared in the module descriptor and in
 * {@code META-INF/services/dev.retention.model.ModelReader}); not for direct use. Stateless and thread-safe.
 */
public final class RecsysModelReader implements ModelReader {

    private static final Set<String> TYPES = Set.of(BaselineOnlyModel.MODEL_TYPE, NormalPredictorModel.MODEL_TYPE,
            KnnModel.MODEL_TYPE, SlopeOneModel.MODEL_TYPE, PureSvdModel.MODEL_TYPE, PopularityModel.MODEL_TYPE,
            SvdModel.MODEL_TYPE, SvdPlusPlusModel.MODEL_TYPE, NmfModel.MODEL_TYPE, CoClusteringModel.MODEL_TYPE,
            ItemKnnModel.MODEL_TYPE, AlsModel.MODEL_TYPE, BprModel.MODEL_TYPE,
            EaseModel.MODEL_TYPE, ContentModel.MODEL_TYPE, HybridModel.MODEL_TYPE);

    /** The reader; {@link java.util.ServiceLoader} calls this. */
    public RecsysModelReader() {
    }

    @Override
    public Set<String> modelTypes() {
        return TYPES;
    }

    @Override
    public Model read(ModelFile file) throws ModelFormatException {
        return switch (file.modelType()) {
            case BaselineOnlyModel.MODEL_TYPE -> BaselineOnlyModel.read(file);
            case NormalPredictorModel.MODEL_TYPE -> NormalPredictorModel.read(file);
            case KnnModel.MODEL_TYPE -> KnnModel.read(file);
            case SlopeOneModel.MODEL_TYPE -> SlopeOneModel.read(file);
            case PureSvdModel.MODEL_TYPE -> PureSvdModel.read(file);
            case PopularityModel.MODEL_TYPE -> PopularityModel.read(file);
            case SvdModel.MODEL_TYPE -> SvdModel.read(file);
            case SvdPlusPlusModel.MODEL_TYPE -> SvdPlusPlusModel.read(file);
            case NmfModel.MODEL_TYPE -> NmfModel.read(file);
            case CoClusteringModel.MODEL_TYPE -> CoClusteringModel.read(file);
            case ItemKnnModel.MODEL_TYPE -> ItemKnnModel.read(file);
            case AlsModel.MODEL_TYPE -> AlsModel.read(file);
            case BprModel.MODEL_TYPE -> BprModel.read(file);
            case EaseModel.MODEL_TYPE -> EaseModel.read(file);
            case ContentModel.MODEL_TYPE -> ContentModel.read(file);
            case HybridModel.MODEL_TYPE -> HybridModel.read(file);
            default -> throw new ModelFormatException(file.source() + ": the recommenders do not read model type '"
                    + file.modelType() + "'; they read " + TYPES);
        };
    }
}
