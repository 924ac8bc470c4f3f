package dev.retention.recsys.baseline;

import dev.retention.modelfile.ModelFile;
import dev.retention.modelfile.ModelFormatException;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.sparse.CsrMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The baseline predictor {@code r_ui = mu + b_u + b_i} (Surprise's {@code BaselineOnly}; Y. Koren,
 * "Factor in the neighbors: scalable and accurate collaborative filtering", ACM TKDD 4(1), 2010,
 * section 2.1), with biases by ALS or SGD ({@link BaselineOptions}). An unknown user or item contributes
 * a bias of 0, so a prediction is never impossible. Immutable and thread-safe; saved and loaded with
 * the model file format (type {@value #MODEL_TYPE}).
 *
 * <p>Fit O(epochs x ratings); predict O(1).
 */
public final class BaselineOnly extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-baseline-only";
    private static final Logger LOG = LoggerFactory.getLogger(BaselineOnly.class);

    private final double mu;
    private final double[] bu;
    private final double[] bi;
    private final BaselineOptions options;

    private BaselineOnly(Ratings train, double mu, double[] bu, double[] bi, BaselineOptions options) {
        super("BaselineOnly", train);
        this.mu = mu;
        this.bu = bu;
        this.bi = bi;
        this.options = options;
    }

    /**
     * Fits the biases.
     *
     * @param train   read
     * @param options method and its parameters
     */
    public static BaselineOnly fit(Ratings train, BaselineOptions options) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        double[][] b = biases(train, options);
        return new BaselineOnly(train, train.globalMean(), b[0], b[1], options);
    }

    /** Fits with {@link BaselineOptions#defaults()}. */
    public static BaselineOnly fit(Ratings train) {
        return fit(train, BaselineOptions.defaults());
    }

    /**
     * The user and item biases {@code {b_u, b_i}} of the ratings, as {@link #fit} computes them; users
     * and items without ratings get 0. O(epochs x ratings).
     */
    public static double[][] biases(Ratings train, BaselineOptions options) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        double mu = train.globalMean();
        double[] bu = new double[train.userCount()];
        double[] bi = new double[train.itemCount()];
        CsrMatrix byUser = train.byUser();
        CsrMatrix byItem = train.byItem();
        if (options.method() == BaselineOptions.Method.ALS) {
            for (int epoch = 0; epoch < options.epochs(); epoch++) {
                for (int i = 0; i < bi.length; i++) {
                    double dev = 0;
                    for (int q = byItem.rowStart(i), end = byItem.rowEnd(i); q < end; q++) {
                        dev += byItem.value(q) - mu - bu[byItem.columnIndex(q)];
                    }
                    bi[i] = dev / (options.regItem() + byItem.rowLength(i));
                }
                for (int u = 0; u < bu.length; u++) {
                    double dev = 0;
                    for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                        dev += byUser.value(p) - mu - bi[byUser.columnIndex(p)];
                    }
                    bu[u] = dev / (options.regUser() + byUser.rowLength(u));
                }
                LOG.debug("baseline ALS epoch {} of {}", epoch + 1, options.epochs());
            }
        } else {
            double lr = options.learningRate();
            double reg = options.reg();
            for (int epoch = 0; epoch < options.epochs(); epoch++) {
                for (int u = 0; u < bu.length; u++) {
                    for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                        int i = byUser.columnIndex(p);
                        double err = byUser.value(p) - (mu + bu[u] + bi[i]);
                        bu[u] += lr * (err - reg * bu[u]);
                        bi[i] += lr * (err - reg * bi[i]);
                    }
                }
                LOG.debug("baseline SGD epoch {} of {}", epoch + 1, options.epochs());
            }
        }
        LOG.info("baselines by {} over {} ratings in {} ms", options.method(), train.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new double[][] {bu, bi};
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        double e = mu;
        if (user >= 0 && user < bu.length) {
            e += bu[user];
        }
        if (item >= 0 && item < bi.length) {
            e += bi[item];
        }
        return e;
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return "";
    }

    /** The global mean {@code mu}. */
    public double mu() {
        return mu;
    }

    /** User biases, copied. */
    public double[] userBiases() {
        return bu.clone();
    }

    /** Item biases, copied. */
    public double[] itemBiases() {
        return bi.clone();
    }

    /** The options used. */
    public BaselineOptions options() {
        return options;
    }

    /**
     * Writes the model as a model file.
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path path) throws IOException {
        ModelFile.writer(MODEL_TYPE)
                .putDouble("mu", mu)
                .putDoubles("user_biases", bu)
                .putDoubles("item_biases", bi)
                .putDoubles("scale", new double[] {scale().min(), scale().max()})
                .putString("method", options.method().name())
                .putInts("ints", new int[] {options.epochs()})
                .putDoubles("params", new double[] {options.regUser(), options.regItem(), options.learningRate(),
                        options.reg()})
                .write(path);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file is not a valid model file of this type
     * @throws IOException          if it cannot be read
     */
    public static BaselineOnly load(Path path) throws IOException {
        ModelFile f = ModelFile.read(path).requireType(MODEL_TYPE);
        try {
            double[] s = f.doubles("scale");
            double[] p = f.doubles("params");
            double[] bu = f.doubles("user_biases");
            double[] bi = f.doubles("item_biases");
            if (s.length != 2 || p.length != 4 || f.ints("ints").length != 1) {
                throw new ModelFormatException(f.source() + ": malformed " + MODEL_TYPE + " sections");
            }
            BaselineOptions options = new BaselineOptions(BaselineOptions.Method.valueOf(f.string("method")),
                    f.ints("ints")[0], p[0], p[1], p[2], p[3]);
            Ratings shape = Ratings.of(bu.length, bi.length, new int[0], new int[0], new float[0],
                    new RatingScale(s[0], s[1]));
            return new BaselineOnly(shape, f.doubleValue("mu"), bu, bi, options);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(f.source() + ": invalid " + MODEL_TYPE + " model: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return String.format("BaselineOnly (%s, %d epochs): mu %.4f, %,d user biases, %,d item biases",
                options.method(), options.epochs(), mu, bu.length, bi.length);
    }
}
