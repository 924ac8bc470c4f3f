package dev.retention.examples.batch;

import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.model.Model;
import dev.retention.model.Models;
import dev.retention.rfm.RfmModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The four models that {@link NightlyScoring} fits and a scoring service loads, and the names of their files in
 * the job's output directory. Each model is immutable and thread-safe, saved as a model file of the library
 * (versioned, checksummed, never Java serialization) and opened again with {@link Models#load(Path, Class)}, which
 * refuses a file of another type. Two sets are equal when their models are equal by value (not by fit summary).
 *
 * @param rfm      the RFM quantile edges and segment map ({@value #RFM_FILE}): scores raw recency, frequency and
 *                 monetary value
 * @param clusters k-means on raw recency, frequency and monetary value with the scaling it was fitted with
 *                 ({@value #KMEANS_FILE}): labels raw values
 * @param purchases the BG/NBD purchase model ({@value #BGNBD_FILE}): P(alive) and expected purchases
 * @param spend    the Gamma-Gamma spend model ({@value #GAMMA_GAMMA_FILE}): expected spend per purchase, with the
 *                 BG/NBD the customer lifetime value
 */
public record ScoringModels(RfmModel rfm, KMeansModel clusters, BgNbdModel purchases, GammaGammaModel spend) {

    /** File of the RFM model. */
    public static final String RFM_FILE = "rfm.model";
    /** File of the k-means model. */
    public static final String KMEANS_FILE = "kmeans.model";
    /** File of the BG/NBD model. */
    public static final String BGNBD_FILE = "bgnbd.model";
    /** File of the Gamma-Gamma model. */
    public static final String GAMMA_GAMMA_FILE = "gamma-gamma.model";

    /** Checks that every model is present. */
    public ScoringModels {
        Objects.requireNonNull(rfm, "rfm");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
    }

    /**
     * Opens the four model files of a directory.
     *
     * @param directory read: the output directory of {@link NightlyScoring}
     * @throws dev.retention.model.ModelFormatException if a file is not a valid model file of the expected type
     *                                                  (the message names the file)
     * @throws IOException                              if a file is missing or cannot be read
     */
    public static ScoringModels load(Path directory) throws IOException {
        return new ScoringModels(Models.load(directory.resolve(RFM_FILE), RfmModel.class),
                Models.load(directory.resolve(KMEANS_FILE), KMeansModel.class),
                Models.load(directory.resolve(BGNBD_FILE), BgNbdModel.class),
                Models.load(directory.resolve(GAMMA_GAMMA_FILE), GammaGammaModel.class));
    }

    /**
     * Writes the four model files into a directory, each atomically (a service reading them at the same time sees
     * the old file or the new one, never half a file).
     *
     * @param directory written; must exist
     * @throws IOException if a file cannot be written
     */
    public void save(Path directory) throws IOException {
        for (Map.Entry<String, Model> e : byFile().entrySet()) {
            e.getValue().save(directory.resolve(e.getKey()));
        }
    }

    /** The models by file name, in the order above. */
    public Map<String, Model> byFile() {
        Map<String, Model> files = new LinkedHashMap<>();
        files.put(RFM_FILE, rfm);
        files.put(KMEANS_FILE, clusters);
        files.put(BGNBD_FILE, purchases);
        files.put(GAMMA_GAMMA_FILE, spend);
        return files;
    }
}
