package dev.retention.recsys.baseline;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.FitSummary;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.RatingModelFiles;
import dev.retention.recsys.sparse.CsrMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
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

    private BaselineOnly(Ratings train, double[] bu, double[] bi, BaselineOptions options, FitSummary fit) {
        super("BaselineOnly", train, fit);
        this.mu = train.globalMean();
        this.bu = bu;
        this.bi = bi;
        this.options = options;
    }

    private BaselineOnly(RatingModelFiles.Header h, double[] bu, double[] bi, BaselineOptions options) {
        super("BaselineOnly", h.scale(), h.globalMean(), h.userCount(), h.itemCount(), h.fit());
        this.mu = h.globalMean();
        this.bu = bu;
        this.bi = bi;
        this.options = options;
    }

    /**
     * Fits the biases: {@code options.epochs()} passes of ALS or SGD, each followed by one pass to record
     * the objective in the fit summary (ALS: {@code sum (r - mu - b_u - b_i)^2 + reg_u sum b_u^2 +
     * reg_i sum b_i^2}, which each ALS pass lowers; SGD: {@code sum over ratings of (r - mu - b_u - b_i)^2
     * + reg (b_u^2 + b_i^2)}). Users and items without ratings get a bias of 0. O(epochs x ratings).
     *
     * @param train   read
     * @param options method and its parameters
     */
    public static BaselineOnly fit(Ratings train, BaselineOptions options) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        long start = System.nanoTime();
        double mu = train.globalMean();
        double[] bu = new double[train.userCount()];
        double[] bi = new double[train.itemCount()];
        double[] objective = new double[options.epochs()];
        CsrMatrix byUser = train.byUser();
        CsrMatrix byItem = train.byItem();
        boolean als = options.method() == BaselineOptions.Method.ALS;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            if (als) {
                alsEpoch(byUser, byItem, mu, bu, bi, options);
            } else {
                sgdEpoch(byUser, mu, bu, bi, options);
            }
            objective[epoch] = objective(byUser, mu, bu, bi, options);
            LOG.debug("baseline {} epoch {} of {}: objective {}", options.method(), epoch + 1, options.epochs(),
                    objective[epoch]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("baselines by {} over {} ratings in {} ms", options.method(), train.size(),
                Math.round(seconds * 1000));
        FitSummary fit = new FitSummary("BaselineOnly", options.toString(), "", options.epochs(),
                FitSummary.settled(objective), objective, seconds);
        return new BaselineOnly(train, bu, bi, options, fit);
    }

    /** Fits with {@link BaselineOptions#defaults()}. */
    public static BaselineOnly fit(Ratings train) {
        return fit(train, BaselineOptions.defaults());
    }

    /** One ALS pass: every item bias given the user biases, then every user bias given the item biases. */
    private static void alsEpoch(CsrMatrix byUser, CsrMatrix byItem, double mu, double[] bu, double[] bi,
                                 BaselineOptions options) {
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
    }

    /** One SGD pass over the ratings in user-then-item order. */
    private static void sgdEpoch(CsrMatrix byUser, double mu, double[] bu, double[] bi, BaselineOptions options) {
        double lr = options.learningRate();
        double reg = options.reg();
        for (int u = 0; u < bu.length; u++) {
            for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                int i = byUser.columnIndex(p);
                double err = byUser.value(p) - (mu + bu[u] + bi[i]);
                bu[u] += lr * (err - reg * bu[u]);
                bi[i] += lr * (err - reg * bi[i]);
            }
        }
    }

    /** The objective the method minimises (see {@link #fit}). O(ratings + users + items). */
    private static double objective(CsrMatrix byUser, double mu, double[] bu, double[] bi, BaselineOptions options) {
        boolean als = options.method() == BaselineOptions.Method.ALS;
        double squares = 0;
        double perRating = 0;
        for (int u = 0; u < bu.length; u++) {
            for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                int i = byUser.columnIndex(p);
                double err = byUser.value(p) - (mu + bu[u] + bi[i]);
                squares += err * err;
                perRating += bu[u] * bu[u] + bi[i] * bi[i];
            }
        }
        if (!als) {
            return squares + options.reg() * perRating;
        }
        double su = 0;
        for (double b : bu) {
            su += b * b;
        }
        double si = 0;
        for (double b : bi) {
            si += b * b;
        }
        return squares + options.regUser() * su + options.regItem() * si;
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

    @Override
    protected String modelType() {
        return MODEL_TYPE;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        file.putDoubles("user_biases", bu).putDoubles("item_biases", bi);
        RatingModelFiles.putBaselineOptions(file, options);
    }

    /**
     * Reads a model written by {@link #save(Path)}; its predictions equal the saved model's.
     *
     * @throws ModelFormatException if the file is not a valid model file of this type
     * @throws IOException          if it cannot be read
     */
    public static BaselineOnly load(Path path) throws IOException {
        return RatingModelFiles.read(path, MODEL_TYPE, (f, h) -> {
            double[] bu = RatingModelFiles.finiteDoubles(f, "user_biases", h.userCount());
            double[] bi = RatingModelFiles.finiteDoubles(f, "item_biases", h.itemCount());
            return new BaselineOnly(h, bu, bi, RatingModelFiles.baselineOptions(f));
        });
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BaselineOnly (%s): mu %.4f, %,d user biases, %,d item biases%n%s",
                options, mu, bu.length, bi.length, fitSummary());
    }
}
