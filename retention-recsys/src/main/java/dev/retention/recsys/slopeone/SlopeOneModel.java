package dev.retention.recsys.slopeone;

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
 * Slope One (D. Lemire and A. Maclachlan, "Slope One predictors for online rating-based collaborative
 * filtering", SDM 2005), as Surprise's {@code SlopeOne}: with {@code dev(i, j)} the mean of
 * {@code r_ui - r_uj} over the users who rated both, the prediction is
 * {@code mu_u + mean over j in R_i(u) of dev(i, j)}, where {@code R_i(u)} are the items rated by
 * {@code u} that share at least one user with {@code i}; the user's mean alone when there are none.
 * Unknown users or items fall back to the global mean (impossible). No parameters. Immutable and
 * thread-safe; saved and loaded with the model file format (type {@value #MODEL_TYPE}), which holds the
 * training ratings and the deviation table.
 *
 * <p>Fit O(sum over users of count^2) time and a dense {@code items x items} table of deviations
 * (4 bytes per pair: 55 MB for 3,706 items), as Surprise; predict O(ratings of the user).
 */
public final class SlopeOne extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-slope-one";
    private static final Logger LOG = LoggerFactory.getLogger(SlopeOne.class);
    private static final int MAX_ITEMS = 46_340;

    private final Ratings train;
    private final int n;
    private final float[] dev;        // dev[i * n + j], NaN when no user rated both
    private final double[] userMean;

    private SlopeOne(Ratings train, float[] dev, double[] userMean, FitSummary fit) {
        super("SlopeOne", train, fit);
        this.train = train;
        this.n = train.itemCount();
        this.dev = dev;
        this.userMean = userMean;
    }

    /**
     * Fits the deviation table.
     *
     * @param train read; kept for predictions
     * @throws IllegalArgumentException if there are more than 46,340 items (the table would not fit an array)
     */
    public static SlopeOne fit(Ratings train) {
        Objects.requireNonNull(train, "train");
        int n = train.itemCount();
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException("SlopeOne keeps a dense items x items table; at most " + MAX_ITEMS
                    + " items, got " + n);
        }
        long start = System.nanoTime();
        CsrMatrix byUser = train.byUser();
        CsrMatrix byItem = train.byItem();
        float[] dev = new float[n * n];
        int[] freq = new int[n];
        double[] sum = new double[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int q = byItem.rowStart(i); q < byItem.rowEnd(i); q++) {
                int u = byItem.columnIndex(q);
                double rui = byItem.value(q);
                for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                    int j = byUser.columnIndex(p);
                    if (freq[j]++ == 0) {
                        touched[m++] = j;
                    }
                    sum[j] += rui - byUser.value(p);
                }
            }
            int row = i * n;
            java.util.Arrays.fill(dev, row, row + n, Float.NaN);
            for (int t = 0; t < m; t++) {
                int j = touched[t];
                dev[row + j] = j == i ? 0f : (float) (sum[j] / freq[j]);
                freq[j] = 0;
                sum[j] = 0;
            }
        }
        double[] userMean = new double[train.userCount()];
        for (int u = 0; u < userMean.length; u++) {
            double s = 0;
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
                s += byUser.value(p);
            }
            userMean[u] = byUser.rowLength(u) == 0 ? 0 : s / byUser.rowLength(u);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("SlopeOne fitted on {} ratings, {} items, in {} ms", train.size(), n, Math.round(seconds * 1000));
        FitSummary fit = FitSummary.closedForm("SlopeOne", "none (Slope One has no parameters)",
                String.format(Locale.ROOT, "dense %,d x %,d deviation table (%.1f MiB)", n, n, 4.0 * n * n / (1 << 20)),
                seconds);
        return new SlopeOne(train, dev, userMean, fit);
    }

    @Override
    protected double unclippedEstimate(int user, int item) {
        if (!train.knowsUser(user) || !train.knowsItem(item)) {
            return Double.NaN;
        }
        CsrMatrix byUser = train.byUser();
        int row = item * n;
        double s = 0;
        int count = 0;
        for (int p = byUser.rowStart(user), end = byUser.rowEnd(user); p < end; p++) {
            float d = dev[row + byUser.columnIndex(p)];
            if (d == d) {   // not NaN: some user rated both
                s += d;
                count++;
            }
        }
        return userMean[user] + (count == 0 ? 0 : s / count);
    }

    @Override
    protected String impossibleReason(int user, int item) {
        return UNKNOWN;
    }

    /**
     * The mean deviation {@code dev(i, j)} of item {@code i} over item {@code j}, 0 when no user
     * rated both.
     */
    public double deviation(int i, int j) {
        Objects.checkIndex(i, n);
        Objects.checkIndex(j, n);
        float d = dev[i * n + j];
        return d == d ? d : 0;
    }

    @Override
    protected String modelType() {
        return MODEL_TYPE;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        RatingModelFiles.putRatings(file, train);
        file.putFloats("deviations", dev).putDoubles("user_means", userMean);
    }

    /**
     * Reads a model written by {@link #save(Path)}; its predictions equal the saved model's.
     *
     * @throws ModelFormatException if the file is not a valid model file of this type
     * @throws IOException          if it cannot be read
     */
    public static SlopeOne load(Path path) throws IOException {
        return RatingModelFiles.read(path, MODEL_TYPE, (f, h) -> {
            Ratings train = RatingModelFiles.ratings(f, h);
            float[] dev = f.floats("deviations");
            double[] userMean = RatingModelFiles.finiteDoubles(f, "user_means", h.userCount());
            RatingModelFiles.requireLength(f, "deviations", dev.length, (long) h.itemCount() * h.itemCount());
            for (int p = 0; p < dev.length; p++) {
                if (Float.isInfinite(dev[p])) {
                    throw new ModelFormatException(f.source() + ": deviation " + dev[p] + " at position " + p
                            + " is not finite (NaN marks pairs no user rated)");
                }
            }
            return new SlopeOne(train, dev, userMean, h.fit());
        });
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SlopeOne: %,d ratings, %,d x %,d deviation table%n%s", train.size(), n, n,
                fitSummary());
    }
}
