package dev.retention.recsys.slopeone;

import dev.retention.model.FitSummary;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.ModelSections;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Slope One fitted by {@link SlopeOne#fit}, as Surprise's {@code SlopeOne}: with {@code dev(i, j)} the mean of
 * {@code r_ui - r_uj} over the users who rated both, the prediction is
 * {@code mu_u + mean over j in R_i(u) of dev(i, j)}, where {@code R_i(u)} are the items rated by {@code u} that
 * share at least one user with {@code i}; the user's mean alone when there are none. Unknown users or items
 * fall back to the global mean (impossible). Immutable and thread-safe; predict O(ratings of the user).
 *
 * <p>Model file type {@value #MODEL_TYPE}, schema {@value #SCHEMA_VERSION}: besides the common sections of
 * {@link RatingModel}, the training ratings ({@code ratings_*}), {@code deviations} (items x items, NaN where no
 * user rated both), {@code user_means} and {@code threads}.
 */
public final class SlopeOneModel extends RatingModel {

    /** The model type written into model files. */
    public static final String MODEL_TYPE = "recsys-slope-one";
    /** The schema version of this type's sections that this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private final Ratings train;
    private final int n;
    private final float[] dev;        // dev[i * n + j], NaN when no user rated both
    private final double[] userMean;
    private final SlopeOneOptions options;

    SlopeOneModel(Ratings train, float[] dev, double[] userMean, SlopeOneOptions options, FitSummary fit) {
        this(Common.of(train, fit), train, dev, userMean, options);
    }

    private SlopeOneModel(Common common, Ratings train, float[] dev, double[] userMean, SlopeOneOptions options) {
        super("SlopeOne", MODEL_TYPE, SCHEMA_VERSION, common);
        this.train = train;
        this.n = train.itemCount();
        this.dev = dev;
        this.userMean = userMean;
        this.options = options;
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
            if (!Float.isNaN(d)) {   // some user rated both
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
     * {@return the mean deviation {@code dev(i, j)} of item {@code i} over item {@code j}, 0 when no user rated both}
     *
     * @param i item, in [0, itemCount())
     * @param j item, in [0, itemCount())
     * @throws IndexOutOfBoundsException if an item is not in {@code [0, itemCount())}
     */
    public double deviation(int i, int j) {
        Objects.checkIndex(i, n);
        Objects.checkIndex(j, n);
        float d = dev[i * n + j];
        return Float.isNaN(d) ? 0 : d;
    }

    /** {@return the options used} */
    public SlopeOneOptions options() {
        return options;
    }

    @Override
    protected void writeSections(ModelFile.Writer file) {
        putRatings(file, train);
        file.putFloats("deviations", dev).putDoubles("user_means", userMean).putInt("threads", options.threads());
    }

    /**
     * Reads a model written by {@link #toBytes()} or {@link #save}; it equals the saved model.
     *
     * @param file read; a checked model file
     * @return the model the file holds
     * @throws ModelFormatException if the file holds another type, a newer schema, or sections that are missing,
     *                              malformed or refused (the message names the file)
     */
    public static SlopeOneModel read(ModelFile file) throws ModelFormatException {
        file.requireType(MODEL_TYPE, SCHEMA_VERSION);
        return readModel(file, (f, common) -> {
            Ratings train = readRatings(f, common);
            float[] dev = f.floats("deviations");
            double[] userMean = ModelSections.finiteDoubles(f, "user_means", common.userCount());
            ModelSections.requireLength(f, "deviations", dev.length, (long) common.itemCount() * common.itemCount());
            for (int p = 0; p < dev.length; p++) {
                if (Float.isInfinite(dev[p])) {
                    throw new ModelFormatException(f.source() + ": deviation " + dev[p] + " at position " + p
                            + " is not finite (NaN marks pairs no user rated)");
                }
            }
            return new SlopeOneModel(common, train, dev, userMean, new SlopeOneOptions(f.intValue("threads")));
        });
    }

    @Override
    protected boolean sameParameters(RatingModel other) {
        SlopeOneModel m = (SlopeOneModel) other;
        return m.train.byUser().equals(train.byUser()) && Arrays.equals(m.dev, dev)
                && Arrays.equals(m.userMean, userMean);
    }

    @Override
    protected int parameterHash() {
        return Objects.hash(train.size(), Arrays.hashCode(userMean));
    }

    /** The size of the table, the most rated items by external id, and the fit summary. */
    @Override
    public String toString() {
        double[] raters = new double[n];
        for (int i = 0; i < n; i++) {
            raters[i] = train.byItem().rowLength(i);
        }
        return String.format(Locale.ROOT, "SlopeOne: %,d ratings, %,d x %,d deviation table%n", train.size(), n, n)
                + largest("most rated items (ratings)", items(), raters, 5, "%.0f")
                + fitSummary();
    }
}
