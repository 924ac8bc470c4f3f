package dev.retention.recsys.bpr;

import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.parallel.Workers;
import dev.retention.random.Seeds;
import dev.retention.random.Variates;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.internal.Limits;
import dev.retention.recsys.sparse.CsrMatrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Fits Bayesian Personalized Ranking (Rendle, Freudenthaler, Gantner and Schmidt-Thieme, UAI 2009) as matrix
 * factorisation with an item bias, in the form of {@code implicit}'s CPU {@code BayesianPersonalizedRanking}: the
 * bias is an extra factor whose user side is fixed at 1; item factors start uniform in
 * {@code [-0.5, 0.5) / factors} (all zero for an item without interactions), user factors likewise with the bias
 * factor 1. Each epoch draws as many triples as there are interactions: an interaction {@code (u, i)} uniformly
 * (with replacement, the paper's bootstrap sampling), then a negative item {@code j} uniformly from the catalogue
 * (or, with {@link BprOptions.Negatives#POPULARITY}, the item of another uniformly drawn interaction, as
 * {@code implicit} does); a triple whose {@code j} the user bought is skipped. A kept triple takes one SGD step on
 * {@code ln sigma(x_ui - x_uj) - lambda ||theta||^2} with {@code z = 1 / (1 + exp(x_ui - x_uj))}:
 * {@code w_u += lr (z (h_i - h_j) - lambda w_u)}, {@code h_i += lr (z w_u - lambda h_i)},
 * {@code h_j += lr (-z w_u - lambda h_j)} (the item updates with the user's value before its step). Float factors and
 * float arithmetic, as {@code implicit}. Entry point {@link #fit}. O(iterations nnz factors).
 *
 * <p>Seeds and threads: the triples of epoch {@code e} come in chunks of {@value #CHUNK} draws, chunk {@code c} from
 * the stream {@code Variates.stream(Seeds.split(seed, e), 3, c)}, so the triples are the same for every thread count.
 * With {@code threads = 1} the chunks run in order and the model is a function of the data and the options. With more
 * threads the chunks of an epoch run concurrently on shared factors without locks (Hogwild, Niu et al. 2011, as
 * {@code implicit} does): the triples are the same but the order of updates to a shared item depends on timing, so
 * two fits may differ (by about what two seeds differ by); the epochs themselves stay in order.
 *
 * <p>The fit summary records, per epoch, the mean BPR loss {@code -ln sigma(x_ui - x_uj)} of the epoch's kept triples
 * before their steps, and as a choice the training AUC estimate ({@code implicit}'s "train_auc": the share of kept
 * triples ranked right before their step) of the first and last epoch and the share of skipped triples.
 */
public final class Bpr {

    /** Draws per chunk of an epoch: the unit of the sampling streams and of the parallel work. */
    static final int CHUNK = 8192;
    private static final long USER_STREAM = 1;
    private static final long ITEM_STREAM = 2;
    private static final long SAMPLE_STREAM = 3;

    private Bpr() {
    }

    /**
     * Fits the model.
     *
     * @param train   read: purchases or binary interactions; every stored pair is a positive, whatever its value
     * @param options factors, learning rate, regularization, epochs, negative sampling, seed, threads
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction
     */
    public static BprModel fit(Ratings train, BprOptions options) {
        return fit(train, options, FitControl.defaults());
    }

    /**
     * Fits the model; one {@code control} step per epoch, with the epoch's mean BPR loss.
     *
     * @param train   read: purchases or binary interactions; every stored pair is a positive, whatever its value
     * @param options factors, learning rate, regularization, epochs, negative sampling, seed, threads
     * @param control listener, cancellation and executor
     * @return the fitted model
     * @throws IllegalArgumentException if {@code train} holds no interaction
     * @throws java.util.concurrent.CancellationException if the control cancels
     */
    public static BprModel fit(Ratings train, BprOptions options, FitControl control) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(control, "control");
        Limits.requireRatings("train", train.size());
        control.checkCancelled("iterations", 0);
        long start = System.nanoTime();
        int f = options.factors();
        int s = f + 1;
        int users = train.userCount();
        int items = train.itemCount();
        CsrMatrix byUser = train.byUser();
        int[] pointers = byUser.rowPointers();
        int[] itemOf = byUser.columnIndices();
        int nnz = itemOf.length;
        int[] userOf = new int[nnz];
        for (int u = 0; u < users; u++) {
            Arrays.fill(userOf, pointers[u], pointers[u + 1], u);
        }
        // one array per row: the step's loops then run over whole arrays from index 0, which C2 vectorizes
        float[][] x = new float[users][s];
        float[][] y = new float[items][s];
        initialFactors(options.seed(), f, x, y, itemOf);
        int chunks = (nnz + CHUNK - 1) / CHUNK;
        double[] loss = new double[options.iterations()];
        double[] auc = new double[options.iterations()];
        long skippedTotal = 0;
        String unusable = null;
        double[] chunkLoss = new double[chunks];
        long[] chunkCorrect = new long[chunks];
        long[] chunkSkipped = new long[chunks];
        float lr = (float) options.learningRate();
        float reg = (float) options.regularization();
        boolean uniform = options.negatives() == BprOptions.Negatives.UNIFORM;
        int epochs = 0;
        try (Workers workers = control.workers(options.threads())) {
            for (int e = 0; e < options.iterations(); e++) {
                long epochSeed = Seeds.split(options.seed(), e);
                if (workers.threads() == 1) {
                    Variates rng = new Variates(0);
                    float[][] work = new float[2][s];
                    for (int c = 0; c < chunks; c++) {
                        rng.reset(epochSeed, SAMPLE_STREAM, c);
                        chunk(c, nnz, rng, userOf, itemOf, pointers, items, uniform, x, y, work, lr, reg, chunkLoss,
                                chunkCorrect, chunkSkipped);
                    }
                } else {
                    workers.run(chunks, c -> chunk(c, nnz, Variates.stream(epochSeed, SAMPLE_STREAM, c), userOf, itemOf,
                            pointers, items, uniform, x, y, new float[2][s], lr, reg, chunkLoss, chunkCorrect,
                            chunkSkipped));
                }
                double l = 0;
                long correct = 0;
                long skipped = 0;
                for (int c = 0; c < chunks; c++) {
                    l += chunkLoss[c];
                    correct += chunkCorrect[c];
                    skipped += chunkSkipped[c];
                }
                long kept = nnz - skipped;
                loss[e] = kept == 0 ? 0 : l / kept;
                auc[e] = kept == 0 ? 0 : (double) correct / kept;
                skippedTotal += skipped;
                epochs = e + 1;
                control.step("iterations", epochs, options.iterations(), loss[e]);
                if (!Double.isFinite(loss[e]) || !finite(y)) {
                    unusable = String.format(Locale.ROOT, "the fit diverged at epoch %d of %d: mean BPR loss %s; "
                            + "lower the learning rate", epochs, options.iterations(), loss[e]);
                    break;
                }
            }
        }
        loss = Arrays.copyOf(loss, epochs);
        double skippedShare = (double) skippedTotal / ((double) nnz * epochs);
        FitSummary.Builder summary = FitSummary.builder("BPR").options(options)
                .choice(String.format(Locale.ROOT, "%s negatives, item bias as an extra factor, float factors, %s",
                        options.negatives(), options.threads() == 1 ? "sequential SGD (deterministic)"
                                : options.threads() + " threads Hogwild (not deterministic)"))
                .choice(String.format(Locale.ROOT, "training AUC estimate %.4f after the first epoch, %.4f after the "
                        + "last; %.2f%% of sampled triples skipped (negative bought)", auc[0], auc[epochs - 1],
                        100 * skippedShare))
                .iterations(epochs).objective("mean BPR loss -ln sigma(x_ui - x_uj) of the sampled triples", loss)
                .converged(unusable == null, unusable == null ? options.iterations() + " epochs, a fixed number as "
                        + "in implicit (no stopping test)" : unusable)
                .data(train.fingerprint());
        if (skippedShare > 0.5 && unusable == null) {
            summary.warning(String.format(Locale.ROOT, "%.0f%% of the sampled triples were skipped because the user "
                    + "had bought the negative item: the data leave few items to rank against", 100 * skippedShare));
        }
        float[] userFactors = new float[Math.multiplyExact(users, s)];
        float[] itemFactors = new float[Math.multiplyExact(items, s)];
        if (unusable != null) {
            summary.unusable(unusable);
        } else {
            flatten(x, userFactors);
            flatten(y, itemFactors);
        }
        FitSummary built = summary.secondsSince(start).build();
        built.logTo(Bpr.class);
        return new BprModel(train, userFactors, itemFactors, options, built);
    }

    private static boolean finite(float[][] rows) {
        for (float[] row : rows) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Copies the rows one after the other into {@code out} (row-major, as the model holds them). */
    private static void flatten(float[][] rows, float[] out) {
        int o = 0;
        for (float[] row : rows) {
            System.arraycopy(row, 0, out, o, row.length);
            o += row.length;
        }
    }

    /**
     * The initial factors: per item {@code (u - 0.5) / factors} on every column (bias included) from the item's
     * stream, zero for items without interactions; per user the same on the factor columns and 1 on the bias column.
     */
    static void initialFactors(long seed, int f, float[][] x, float[][] y, int[] itemOf) {
        int s = f + 1;
        boolean[] seen = new boolean[y.length];
        for (int i : itemOf) {
            seen[i] = true;
        }
        Variates rng = new Variates(0);
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                continue;
            }
            rng.reset(seed, ITEM_STREAM, i);
            for (int k = 0; k < s; k++) {
                y[i][k] = (float) ((rng.nextDouble() - 0.5) / f);
            }
        }
        for (int u = 0; u < x.length; u++) {
            rng.reset(seed, USER_STREAM, u);
            for (int k = 0; k < f; k++) {
                x[u][k] = (float) ((rng.nextDouble() - 0.5) / f);
            }
            x[u][f] = 1f;
        }
    }

    /**
     * One chunk of an epoch's draws; writes the chunk's loss sum, correct and skipped counts. {@code work}: two
     * scratch rows of the factor rows' length, owned by the caller's thread.
     */
    private static void chunk(int c, int nnz, Variates rng, int[] userOf, int[] itemOf, int[] pointers, int items,
                              boolean uniform, float[][] x, float[][] y, float[][] work, float lr, float reg,
                              double[] chunkLoss,
                              long[] chunkCorrect, long[] chunkSkipped) {
        int end = Math.min(nnz, (c + 1) * CHUNK);
        double l = 0;
        long correct = 0;
        long skipped = 0;
        for (int t = c * CHUNK; t < end; t++) {
            int p = rng.nextInt(nnz);
            int u = userOf[p];
            int i = itemOf[p];
            int j = uniform ? rng.nextInt(items) : itemOf[rng.nextInt(nnz)];
            if (Arrays.binarySearch(itemOf, pointers[u], pointers[u + 1], j) >= 0) {
                skipped++;
                continue;
            }
            float score = step(x[u], y[i], y[j], work[0], work[1], lr, reg);
            if (score > 0) {
                correct++;
            }
            // -ln sigma(score) = ln(1 + exp(-score)), stable for either sign
            l += score > 0 ? Math.log1p(Math.exp(-score)) : Math.log1p(Math.exp(score)) - score;
        }
        chunkLoss[c] = l;
        chunkCorrect[c] = correct;
        chunkSkipped[c] = skipped;
    }

    /**
     * One SGD step on the triple (user row {@code xu}, bought item row {@code yi}, not bought item row {@code yj}),
     * rows of factors plus the bias column (whose user side is not updated). Every loop runs over whole rows from
     * index 0 so that C2 vectorizes it; the dot product keeps four partial sums over the columns {@code k mod 4} and
     * adds them as {@code (s0 + s1) + (s2 + s3)}.
     *
     * @param diff    scratch of the rows' length: receives {@code yi - yj}
     * @param product scratch of the rows' length: receives {@code xu * (yi - yj)}
     * @return {@code x_ui - x_uj} before the step
     */
    static float step(float[] xu, float[] yi, float[] yj, float[] diff, float[] product, float lr, float reg) {
        int s = xu.length;
        for (int k = 0; k < s; k++) {
            float d = yi[k] - yj[k];
            diff[k] = d;
            product[k] = xu[k] * d;
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 3 < s; k += 4) {
            s0 += product[k];
            s1 += product[k + 1];
            s2 += product[k + 2];
            s3 += product[k + 3];
        }
        for (; k < s; k++) {
            s0 += product[k];
        }
        float score = (s0 + s1) + (s2 + s3);
        float z = (float) (1.0 / (1.0 + Math.exp(score)));
        int f = s - 1;
        float bias = xu[f];
        for (k = 0; k < f; k++) {
            float w = xu[k];
            xu[k] = w + lr * (z * diff[k] - reg * w);
            yi[k] += lr * (z * w - reg * yi[k]);
            yj[k] += lr * (-z * w - reg * yj[k]);
        }
        yi[f] += lr * (z * bias - reg * yi[f]);
        yj[f] += lr * (-z * bias - reg * yj[f]);
        return score;
    }
}
