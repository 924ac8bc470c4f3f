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
 * float arithmetic, as {@code implicit}. Entry point {@link #fit}. O(iterations nnz factors). The bought check is one
 * load from a bit matrix of users x items when that takes at most half the factors' memory, a binary search of the
 * user's items otherwise.
 *
 * <p>Order of the steps: an epoch's positives are drawn first and counted per interaction, then the steps run user
 * by user, the users in a random order, each user's drawn interactions in turn (one drawn {@code k} times gives
 * {@code k} triples, each with its own negative). The multiset of triples is that of the independent draws above
 * (the positives uniform with replacement, every negative independent of them and of each other); only the order of
 * the SGD steps differs from the draw order, so that a user's factor row and bought items stay in the cache across
 * the user's steps.
 *
 * <p>Seeds and threads: with {@code threads = 1} every draw of epoch {@code e} comes from the stream
 * {@code Variates.stream(Seeds.split(seed, e), 3, 0)}: the positives ({@code nextInt(nnz)} each), then the users'
 * order (Fisher-Yates from the last place down), then the negatives in step order. With {@code T = threads > 1} the
 * epoch is stratified so that concurrent steps never touch the same row (the blocking of Gemulla et al., KDD 2011,
 * for matrix-factorisation SGD): the users are cut into {@code T} ranges of about equal interactions (fixed), the
 * items are dealt anew each epoch into {@code T} groups (ranked by interactions, each run of {@code T} consecutive
 * ranks spread over the groups in a random order, from stream {@code (Seeds.split(seed, e), 6, 0)}), and the epoch
 * runs in {@code T} rounds; in round {@code r} thread task {@code a} runs the triples of block
 * {@code (a, (a + r) mod T)} as above on the block alone: as many as the block has interactions, the positive
 * uniformly among them, the users of range {@code a} in a random order, the negative uniformly among the block's
 * item group (or, for popularity negatives, as the item of a uniformly drawn interaction of that group), from stream
 * {@code (Seeds.split(seed, e), 5, a T + b)}. The blocks of a round share no user and no item, so no step races
 * another and the model is a function of the data, the options and the thread count, whichever thread runs which
 * block. Over an epoch the positives are still drawn uniformly over the interactions; a negative comes from its
 * positive's item group only, a group that changes every epoch. The scheme differs from one thread's, so 1 and 2
 * threads give different models.
 *
 * <p>The fit summary records, per epoch, the mean BPR loss {@code -ln sigma(x_ui - x_uj)} of the epoch's kept triples
 * before their steps, and as a choice the training AUC estimate ({@code implicit}'s "train_auc": the share of kept
 * triples ranked right before their step) of the first and last epoch and the share of skipped triples.
 */
public final class Bpr {

    /** Unused floats at the end of every factor row during the fit: a cache line. */
    private static final int ROW_PAD = 16;
    private static final long USER_STREAM = 1;
    private static final long ITEM_STREAM = 2;
    private static final long SAMPLE_STREAM = 3;
    private static final long BLOCK_STREAM = 5;
    private static final long DEAL_STREAM = 6;

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
        // one array per row: the step's loops then run from index 0, which C2 vectorizes, over the factors and the bias
        // rounded up to a multiple of 8 columns (zeros past the bias), with no remainder loop; each row ends in
        // ROW_PAD unused floats, so that no cache line holds the written columns of two rows (rows of one thread next
        // to those of another would otherwise share a line at every boundary)
        int width = (s + 7) & ~7;
        float[][] x = new float[users][width + ROW_PAD];
        float[][] y = new float[items][width + ROW_PAD];
        initialFactors(options.seed(), f, x, y, itemOf);
        Bought bought = Bought.of(users, items, s, pointers, itemOf);
        int strata = options.threads();
        Strata st = strata == 1 ? null : new Strata(strata, users, items, pointers, itemOf);
        Tally tally = new Tally(strata * strata);
        int[] everyItem = new int[items];
        Arrays.setAll(everyItem, k -> k);
        double[] loss = new double[options.iterations()];
        double[] auc = new double[options.iterations()];
        long skippedTotal = 0;
        String unusable = null;
        float lr = (float) options.learningRate();
        float reg = (float) options.regularization();
        boolean uniform = options.negatives() == BprOptions.Negatives.UNIFORM;
        int epochs = 0;
        try (Workers workers = control.workers(strata)) {
            float[] scratch = new float[width];
            Variates rng = new Variates(0);
            for (int e = 0; e < options.iterations(); e++) {
                long epochSeed = Seeds.split(options.seed(), e);
                if (st == null) {
                    rng.reset(epochSeed, SAMPLE_STREAM, 0);
                    Draws draws = new Draws(bought, x, y, scratch, f, lr, reg);
                    walk(rng, itemOf, 0, pointers, 0, uniform ? everyItem : itemOf, 0, uniform ? items : nnz, draws);
                    draws.writeTo(tally, 0);
                } else {
                    rng.reset(epochSeed, DEAL_STREAM, 0);
                    st.deal(rng);
                    workers.run(strata, a -> st.list(a, pointers, itemOf));
                    st.countGroups(uniform);
                    for (int round = 0; round < strata; round++) {
                        int r = round;
                        // block (a, (a + round) mod strata) for every a: no two share a user or an item row
                        workers.run(strata, a -> block(a, (a + r) % strata, st, epochSeed, bought, uniform, x, y,
                                width, f, lr, reg, tally));
                    }
                }
                double l = 0;
                long correct = 0;
                long skipped = 0;
                for (int c = 0; c < tally.loss.length; c++) {
                    l += tally.loss[c];
                    correct += tally.correct[c];
                    skipped += tally.skipped[c];
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
                        options.negatives(), options.threads() == 1 ? "sequential SGD"
                                : String.format(Locale.ROOT, "%d threads on %d x %d blocks of user ranges and item "
                                + "groups (negatives from the positive's group)", strata, strata, strata)))
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

    /** Copies the first {@code out.length / rows.length} columns of the rows one after the other into {@code out}. */
    private static void flatten(float[][] rows, float[] out) {
        int s = out.length / rows.length;
        int o = 0;
        for (float[] row : rows) {
            System.arraycopy(row, 0, out, o, s);
            o += s;
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
     * The draws of one block of interactions (all of them on one thread): as many positives as the block has
     * interactions, each uniformly among them (with replacement), counted per interaction; then the block's users in
     * a random order, each user's interactions in turn, each as many times as it was drawn, with a negative drawn
     * uniformly from {@code candidates[candidateFrom .. candidateFrom + candidateCount)} for each. Every draw comes
     * from {@code rng} in that order: the positives, the users' order (a Fisher-Yates shuffle from the last place
     * down), the negatives.
     *
     * @param itemAt   the item of interaction position {@code q}
     * @param firstPosition the block's first position
     * @param runStart user {@code firstUser + r} of the block has positions {@code runStart[r] .. runStart[r + 1]}
     */
    private static void walk(Variates rng, int[] itemAt, int firstPosition, int[] runStart, int firstUser,
                             int[] candidates, int candidateFrom, int candidateCount, Draws draws) {
        int runs = runStart.length - 1;
        int n = runStart[runs] - firstPosition;
        Drawn drawn = Drawn.count(rng, n, n);
        int[] order = rng.permutation(runs);
        for (int o = 0; o < runs; o++) {
            int r = order[o];
            int u = firstUser + r;
            for (int q = runStart[r]; q < runStart[r + 1]; q++) {
                int m = drawn.times(q - firstPosition);
                int i = itemAt[q];
                for (; m > 0; m--) {
                    draws.train(u, i, candidates[candidateFrom + rng.nextInt(candidateCount)]);
                }
            }
        }
    }

    /**
     * How many times each of {@code positions} places was drawn: an unsigned byte per place (a small array, which
     * the drawing's random increments find in the cache), plus 256 per wrap of the byte in an int array made only if
     * one wraps (at {@code n} draws over {@code n} places, a count of 256 is all but impossible).
     */
    static final class Drawn {
        private final byte[] low;
        private int[] wraps;

        private Drawn(int positions) {
            low = new byte[positions];
        }

        /** {@return {@code draws} places drawn uniformly from {@code rng}, {@code nextInt(positions)} each} */
        static Drawn count(Variates rng, int draws, int positions) {
            Drawn d = new Drawn(positions);
            byte[] low = d.low;
            for (int t = 0; t < draws; t++) {
                int q = rng.nextInt(positions);
                if (++low[q] == 0) {
                    if (d.wraps == null) {
                        d.wraps = new int[positions];
                    }
                    d.wraps[q] += 256;
                }
            }
            return d;
        }

        /** {@return how many times place {@code q} was drawn} */
        int times(int q) {
            int m = low[q] & 0xFF;
            return wraps == null ? m : m + wraps[q];
        }
    }

    /**
     * The draws of block {@code (a, b)} of a stratified epoch ({@link #walk} over the block, the negatives from item
     * group {@code b}: its items, or the items of its interactions for popularity negatives); writes the block's loss
     * sum, correct and skipped counts to slot {@code a * strata + b}.
     */
    private static void block(int a, int b, Strata st, long epochSeed, Bought bought,
                              boolean uniform, float[][] x, float[][] y, int width, int f, float lr, float reg,
                              Tally tally) {
        float[] scratch = new float[width];   // allocated by the running thread, away from the other threads' scratch
        int slot = a * st.count + b;
        Variates rng = Variates.stream(epochSeed, BLOCK_STREAM, slot);
        Draws draws = new Draws(bought, x, y, scratch, f, lr, reg);
        int[] candidates = uniform ? st.groupItems : st.groupInteractionItems;
        int[] start = uniform ? st.groupStart : st.groupInteractionStart;
        walk(rng, st.items, st.runStart[slot][0], st.runStart[slot], st.userFirst[a], candidates, start[b],
                start[b + 1] - start[b], draws);
        draws.writeTo(tally, slot);
    }

    /**
     * The score {@code x_ui - x_uj} of a triple (user row {@code xu}, bought item row {@code yi}, not bought item row
     * {@code yj}: factors, the bias column, then zeros up to the width). Both loops run over whole rows from index 0
     * and a multiple of 8 columns, with no remainder: the first, which C2 vectorizes, writes
     * {@code xu * (yi - yj)} into {@code product}; the second adds it in eight partial sums over the columns
     * {@code k mod 8}, combined pairwise.
     *
     * @param product scratch: its length, a multiple of 8, is the width the step uses
     */
    static float score(float[] xu, float[] yi, float[] yj, float[] product) {
        int width = product.length;
        for (int k = 0; k < width; k++) {
            product[k] = xu[k] * (yi[k] - yj[k]);
        }
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        for (int k = 0; k + 7 < width; k += 8) {
            s0 += product[k];
            s1 += product[k + 1];
            s2 += product[k + 2];
            s3 += product[k + 3];
            s4 += product[k + 4];
            s5 += product[k + 5];
            s6 += product[k + 6];
            s7 += product[k + 7];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * The SGD step of a triple with {@code z = 1 / (1 + exp(x_ui - x_uj))} on the first {@code width} columns of the
     * rows, the item rows with the user's value before its step; the user's bias column {@code f} is then set back to
     * its fixed value. The columns past the bias stay zero (all three rows are zero there), so one vectorized loop
     * without a remainder does the whole step.
     */
    static void update(float[] xu, float[] yi, float[] yj, float z, int f, int width, float lr, float reg) {
        float bias = xu[f];
        for (int k = 0; k < width; k++) {
            float w = xu[k];
            float a = yi[k];
            float b = yj[k];
            xu[k] = w + lr * (z * (a - b) - reg * w);
            yi[k] = a + lr * (z * w - reg * a);
            yj[k] = b + lr * (-z * w - reg * b);
        }
        xu[f] = bias;
    }

    /**
     * The sum of {@code -ln sigma(score)} over the triples of a chunk or block without a logarithm per triple: the
     * sigmoids are multiplied into a running product, whose logarithm is taken and the product restarted whenever it
     * falls below 1e-200 (every few thousand triples at the losses of a fit). Each factor is at least 1e-100, so the
     * product stays a normal double; a smaller sigmoid (score below about -230) or a NaN is added directly. The
     * result differs from the sum of the separate logarithms by rounding only: about 1e-16 per triple, absolute.
     */
    static final class LossSum {
        private double logs;
        private double product = 1;

        void add(float score) {
            add(score, Math.exp(score));
        }

        /**
         * Adds {@code -ln sigma(score)}, given {@code exp = exp(score)} (which the step has computed already).
         */
        void add(float score, double exp) {
            double sigma = score > 0 ? 1 / (1 + 1 / exp) : exp / (1 + exp);
            if (!(sigma >= 1e-100)) {
                // -ln sigma(score) = ln(1 + exp(-score)) for a very negative score, and NaN stays NaN
                logs += Math.log1p(Math.exp(score)) - score;
                return;
            }
            product *= sigma;
            if (product < 1e-200) {
                logs -= Math.log(product);
                product = 1;
            }
        }

        double total() {
            return logs - Math.log(product);
        }
    }

    /**
     * The drawn triples of one chunk or block: trains on each whose negative the user did not buy (the others are
     * counted as skipped) and keeps the loss sum and the number scored in the right order.
     */
    private static final class Draws {
        final Bought bought;
        final float[][] x;
        final float[][] y;
        final float[] scratch;
        final int bias;
        final float lr;
        final float reg;
        final LossSum loss = new LossSum();
        long correct;
        long skipped;

        /**
         * @param scratch its length is the width of the steps: a multiple of 8 that holds the factors and the bias
         * @param bias    the bias column
         */
        Draws(Bought bought, float[][] x, float[][] y, float[] scratch, int bias, float lr, float reg) {
            this.bought = bought;
            this.x = x;
            this.y = y;
            this.scratch = scratch;
            this.bias = bias;
            this.lr = lr;
            this.reg = reg;
        }

        void train(int u, int i, int j) {
            if (bought.contains(u, j)) {
                skipped++;
                return;
            }
            float[] xu = x[u];
            float[] yi = y[i];
            float[] yj = y[j];
            float score = score(xu, yi, yj, scratch);
            double e = Math.exp(score);
            update(xu, yi, yj, (float) (1 / (1 + e)), bias, scratch.length, lr, reg);
            if (score > 0) {
                correct++;
            }
            loss.add(score, e);
        }

        void writeTo(Tally tally, int slot) {
            tally.set(slot, loss.total(), correct, skipped);
        }
    }

    /** Per slot (chunk or block) loss sums and counts, written by the slot's task and added in slot order. */
    private static final class Tally {
        final double[] loss;
        final long[] correct;
        final long[] skipped;

        Tally(int slots) {
            loss = new double[slots];
            correct = new long[slots];
            skipped = new long[slots];
        }

        void set(int slot, double l, long c, long s) {
            loss[slot] = l;
            correct[slot] = c;
            skipped[slot] = s;
        }
    }

    /**
     * Whether a user bought an item: a bit matrix of users x items when it takes no more memory than the factors
     * (one load per test), a binary search of the user's sorted items otherwise.
     */
    static final class Bought {
        private final long[] bits;
        private final int words;
        private final int[] pointers;
        private final int[] itemOf;

        /**
         * @param bitMatrix whether to build the bit matrix (else binary search)
         */
        Bought(int users, int items, int[] pointers, int[] itemOf, boolean bitMatrix) {
            this.pointers = pointers;
            this.itemOf = itemOf;
            this.words = (items + 63) >>> 6;
            if (bitMatrix) {
                bits = new long[Math.multiplyExact(users, words)];
                for (int u = 0; u < users; u++) {
                    for (int p = pointers[u]; p < pointers[u + 1]; p++) {
                        bits[u * words + (itemOf[p] >>> 6)] |= 1L << itemOf[p];
                    }
                }
            } else {
                bits = null;
            }
        }

        /** {@return the bit matrix if its longs are at most half the factors' floats, else the binary search} */
        static Bought of(int users, int items, int rowLength, int[] pointers, int[] itemOf) {
            long bitWords = (long) users * ((items + 63) >>> 6);
            long factorFloats = ((long) users + items) * rowLength;
            return new Bought(users, items, pointers, itemOf, bitWords <= factorFloats / 2);
        }

        boolean contains(int u, int j) {
            if (bits != null) {
                return (bits[u * words + (j >>> 6)] & (1L << j)) != 0;
            }
            return Arrays.binarySearch(itemOf, pointers[u], pointers[u + 1], j) >= 0;
        }
    }

    /**
     * The strata of an epoch on {@code count} threads: users cut into {@code count} ranges of about equal
     * interactions (fixed), items dealt into {@code count} groups anew each epoch (items ranked by interactions, each
     * run of {@code count} consecutive ranks given a random permutation of the groups, so the groups have about equal
     * interactions), and the interactions of each block (user range a, item group b) listed by user.
     */
    static final class Strata {
        final int count;
        /** Interaction index range of user stratum {@code a}: {@code [userCut[a], userCut[a + 1])}. */
        final int[] userCut;
        /** User range of stratum {@code a}: {@code [userFirst[a], userFirst[a + 1])}. */
        final int[] userFirst;
        /** The items by interactions, most first (ties by id). */
        final int[] ranked;
        final int[] groupOf;
        /** The items of group {@code b}: {@code groupItems[groupStart[b] .. groupStart[b + 1])}. */
        final int[] groupItems;
        final int[] groupStart;
        /**
         * The item of every interaction of group {@code b}, its blocks in stratum order:
         * {@code groupInteractionItems[groupInteractionStart[b] .. groupInteractionStart[b + 1])}.
         */
        final int[] groupInteractionItems;
        final int[] groupInteractionStart;
        /** The item of every interaction position, positions grouped by block {@code a * count + b}, by user. */
        final int[] items;
        /**
         * Per block {@code a * count + b}, user {@code userFirst[a] + r} has positions
         * {@code runStart[slot][r] .. runStart[slot][r + 1]}; the block spans {@code runStart[slot][0]} to the last.
         */
        final int[][] runStart;
        private final int[] perm;

        Strata(int count, int users, int items, int[] pointers, int[] itemOf) {
            this.count = count;
            int nnz = itemOf.length;
            userCut = new int[count + 1];
            userFirst = new int[count + 1];
            int u = 0;
            for (int a = 1; a < count; a++) {
                long target = (long) nnz * a / count;
                while (u < users && pointers[u] < target) {
                    u++;
                }
                userCut[a] = pointers[u];
                userFirst[a] = u;
            }
            userCut[count] = nnz;
            userFirst[count] = users;
            int[] popularity = new int[items];
            for (int i : itemOf) {
                popularity[i]++;
            }
            Integer[] byCount = new Integer[items];
            for (int i = 0; i < items; i++) {
                byCount[i] = i;
            }
            Arrays.sort(byCount, (p, q) -> popularity[p] != popularity[q] ? Integer.compare(popularity[q],
                    popularity[p]) : Integer.compare(p, q));
            ranked = new int[items];
            for (int r = 0; r < items; r++) {
                ranked[r] = byCount[r];
            }
            groupOf = new int[items];
            groupItems = new int[items];
            groupStart = new int[count + 1];
            groupInteractionItems = new int[nnz];
            groupInteractionStart = new int[count + 1];
            this.items = new int[nnz];
            runStart = new int[count * count][];
            for (int a = 0; a < count; a++) {
                for (int b = 0; b < count; b++) {
                    runStart[a * count + b] = new int[userFirst[a + 1] - userFirst[a] + 1];
                }
            }
            perm = new int[count];
        }

        /** Deals the items into groups from {@code rng}; {@link #list} then lists the interactions of each block. */
        void deal(Variates rng) {
            for (int r = 0; r < ranked.length; r += count) {
                for (int g = 0; g < count; g++) {
                    perm[g] = g;
                }
                rng.shuffle(perm);
                for (int g = 0; g < count && r + g < ranked.length; g++) {
                    groupOf[ranked[r + g]] = perm[g];
                }
            }
            Arrays.fill(groupStart, 0);
            for (int i = 0; i < groupOf.length; i++) {
                groupStart[groupOf[i] + 1]++;
            }
            for (int b = 0; b < count; b++) {
                groupStart[b + 1] += groupStart[b];
            }
            int[] next = Arrays.copyOf(groupStart, count);
            for (int i = 0; i < groupOf.length; i++) {
                groupItems[next[groupOf[i]]++] = i;
            }
        }

        /**
         * Lists the interactions of the blocks of user stratum {@code a} (its blocks {@code a * count + b} cover
         * exactly the stratum's interaction range, so the strata can be listed concurrently) from the user-major
         * interactions ({@code pointers}, {@code itemOf}), by user, with each user's run in each block.
         */
        void list(int a, int[] pointers, int[] itemOf) {
            int base = a * count;
            int[] counts = new int[count];
            for (int p = userCut[a]; p < userCut[a + 1]; p++) {
                counts[groupOf[itemOf[p]]]++;
            }
            int[] fill = new int[count];
            int at = userCut[a];
            for (int b = 0; b < count; b++) {
                fill[b] = at;
                at += counts[b];
            }
            int first = userFirst[a];
            int last = userFirst[a + 1];
            for (int u = first; u < last; u++) {
                for (int b = 0; b < count; b++) {
                    runStart[base + b][u - first] = fill[b];
                }
                for (int p = pointers[u]; p < pointers[u + 1]; p++) {
                    int item = itemOf[p];
                    items[fill[groupOf[item]]++] = item;
                }
            }
            for (int b = 0; b < count; b++) {
                runStart[base + b][last - first] = fill[b];
            }
        }

        /**
         * Lists the items of each group's interactions (for popularity negatives) once every stratum is listed, or
         * only their number.
         *
         * @param sizesOnly whether only {@link #groupInteractionStart} is needed
         */
        void countGroups(boolean sizesOnly) {
            Arrays.fill(groupInteractionStart, 0);
            for (int a = 0; a < count; a++) {
                for (int b = 0; b < count; b++) {
                    int[] run = runStart[a * count + b];
                    groupInteractionStart[b + 1] += run[run.length - 1] - run[0];
                }
            }
            for (int b = 0; b < count; b++) {
                groupInteractionStart[b + 1] += groupInteractionStart[b];
            }
            if (sizesOnly) {
                return;
            }
            for (int b = 0; b < count; b++) {
                int at = groupInteractionStart[b];
                for (int a = 0; a < count; a++) {
                    int[] run = runStart[a * count + b];
                    int n = run[run.length - 1] - run[0];
                    System.arraycopy(items, run[0], groupInteractionItems, at, n);
                    at += n;
                }
            }
        }
    }
}
