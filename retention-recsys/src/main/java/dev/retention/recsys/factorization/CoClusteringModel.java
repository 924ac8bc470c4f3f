package dev.retention.recsys.factorization;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ModelSections;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Co-clustering fitted by {@link CoClustering#fit} (Surprise's {@code CoClustering}): {@code r_ui = avg(C_ui) +
 * (mu_u - avg(C_u)) + (mu_i - avg(C_i))}. A pair with a user or item without training ratings cannot be predicted:
 * the global mean, flagged impossible (Surprise answers the global mean too). Immutable and thread-safe; an
 * estimate O(1).
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: {@code cocluster_options} (user
 * clusters, item clusters, epochs), {@code cocluster_seed}, {@code user_clusters} and {@code item_clusters} (-1 for
 * users and items without ratings), {@code user_means}, {@code item_means}, {@code user_cluster_means},
 * {@code item_cluster_means} and {@code cocluster_means} (user clusters x item clusters).
 */
public final class CoClusteringModel extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-co-clustering";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final int[] cu;
    private final int[] ci;
    private final double[] userMean;
    private final double[] itemMean;
    private final double[] avgUser;
    private final double[] avgItem;
    private final double[] avgCo;
    private final CoClusteringOptions options;

    CoClusteringModel(Ratings train, int[] cu, int[] ci, double[] userMean, double[] itemMean, double[] avgUser,
                      double[] avgItem, double[] avgCo, CoClusteringOptions options, FitSummary fit) {
        this(Common.of(train, fit), known(cu, train.byUser().rowPointers()),
                known(ci, train.byItem().rowPointers()), userMean, itemMean, avgUser, avgItem, avgCo, options);
    }

    private CoClusteringModel(Common common, int[] cu, int[] ci, double[] userMean, double[] itemMean,
                              double[] avgUser, double[] avgItem, double[] avgCo, CoClusteringOptions options) {
        super("CoClustering", MODEL_TYPE, SCHEMA_VERSION, common);
        this.cu = cu;
        this.ci = ci;
        this.userMean = userMean;
        this.itemMean = itemMean;
        this.avgUser = avgUser;
        this.avgItem = avgItem;
        this.avgCo = avgCo;
        this.options = options;
    }

    /** The clusters, with -1 for rows without ratings. */
    private static int[] known(int[] clusters, int[] ptr) {
        int[] c = clusters.clone();
        for (int x = 0; x < c.length; x++) {
            if (ptr[x + 1] == ptr[x]) {
                c[x] = -1;
            }
        }
        return c;
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (user < 0 || user >= cu.length || item < 0 || item >= ci.length || cu[user] < 0 || ci[item] < 0) {
            return Double.NaN;
        }
        int uc = cu[user];
        int ic = ci[item];
        return avgCo[uc * options.itemClusters() + ic] + userMean[user] - avgUser[uc] + itemMean[item] - avgItem[ic];
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    /** {@return the options used} */
    public CoClusteringOptions options() {
        return options;
    }

    /** {@return every user's cluster, -1 for users without training ratings; a copy} */
    public int[] userClusters() {
        return cu.clone();
    }

    /** {@return every item's cluster, -1 for items without training ratings; a copy} */
    public int[] itemClusters() {
        return ci.clone();
    }

    /** {@return the average rating of every co-cluster, user clusters x item clusters row-major; a copy} */
    public double[] coClusterMeans() {
        return avgCo.clone();
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putInts("cocluster_options", new int[] {options.userClusters(), options.itemClusters(), options.epochs()})
                .putLong("cocluster_seed", options.seed())
                .putInts("user_clusters", cu).putInts("item_clusters", ci)
                .putDoubles("user_means", userMean).putDoubles("item_means", itemMean)
                .putDoubles("user_cluster_means", avgUser).putDoubles("item_cluster_means", avgItem)
                .putDoubles("cocluster_means", avgCo);
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static CoClusteringModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            int[] o = f.ints("cocluster_options");
            ModelSections.requireLength(f, "cocluster_options", o.length, 3);
            CoClusteringOptions options = new CoClusteringOptions(o[0], o[1], o[2], f.longValue("cocluster_seed"));
            int[] cu = clusters(f, "user_clusters", common.userCount(), o[0]);
            int[] ci = clusters(f, "item_clusters", common.itemCount(), o[1]);
            double[] userMeans = ModelSections.finiteDoubles(f, "user_means", common.userCount());
            double[] itemMeans = ModelSections.finiteDoubles(f, "item_means", common.itemCount());
            double[] userClusterMeans = ModelSections.finiteDoubles(f, "user_cluster_means", o[0]);
            double[] itemClusterMeans = ModelSections.finiteDoubles(f, "item_cluster_means", o[1]);
            double[] coMeans = ModelSections.finiteDoubles(f, "cocluster_means", (long) o[0] * o[1]);
            ModelSections.requireFiniteEstimates(f, "means", ModelSections.maxAbs(coMeans)
                    + ModelSections.maxAbs(userMeans) + ModelSections.maxAbs(userClusterMeans)
                    + ModelSections.maxAbs(itemMeans) + ModelSections.maxAbs(itemClusterMeans));
            return new CoClusteringModel(common, cu, ci, userMeans, itemMeans, userClusterMeans, itemClusterMeans,
                    coMeans, options);
        });
    }

    private static int[] clusters(ModelFile f, String section, int length, int clusters) throws ModelFormatException {
        int[] c = f.ints(section);
        ModelSections.requireLength(f, section, c.length, length);
        for (int x = 0; x < c.length; x++) {
            if (c[x] < -1 || c[x] >= clusters) {
                throw new ModelFormatException(f.source() + ": section '" + section + "' holds " + c[x]
                        + " at position " + x + ", expected -1 or a cluster in [0, " + clusters + ")");
            }
        }
        return c;
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        CoClusteringModel m = (CoClusteringModel) other;
        return m.options.equals(options) && Arrays.equals(m.cu, cu) && Arrays.equals(m.ci, ci)
                && Arrays.equals(m.userMean, userMean) && Arrays.equals(m.itemMean, itemMean)
                && Arrays.equals(m.avgUser, avgUser) && Arrays.equals(m.avgItem, avgItem)
                && Arrays.equals(m.avgCo, avgCo);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(options, Arrays.hashCode(cu), Arrays.hashCode(ci), Arrays.hashCode(avgCo));
    }

    /** The options, the co-cluster averages as a table and the fit summary. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CoClustering (%d x %d clusters, %d epochs, "
                + "seed %d): %,d users x %,d items%n  co-cluster means (user cluster x item cluster)%n",
                options.userClusters(), options.itemClusters(), options.epochs(), options.seed(), userCount(),
                itemCount()));
        int ni = options.itemClusters();
        for (int uc = 0; uc < Math.min(options.userClusters(), 10); uc++) {
            sb.append("  ");
            for (int ic = 0; ic < Math.min(ni, 10); ic++) {
                sb.append(String.format(Locale.ROOT, " %7.4f", avgCo[uc * ni + ic]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.append(fitSummary()).toString();
    }
}
