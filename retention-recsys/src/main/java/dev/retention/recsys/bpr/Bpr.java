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
 * <p>Seeds and threads: with {@code threads = 1} the triples of epoch {@code e} come in chunks of {@value #CHUNK}
 * draws, chunk {@code c} from the stream {@code Variates.stream(Seeds.split(seed, e), 3, c)}, run in order. With
 * {@code T = threads > 1} the epoch is stratified so that concurrent steps never touch the same row (the blocking of
 * Gemulla et al., KDD 2011, for matrix-factorisation SGD): the users are cut into {@code T} ranges of about equal
 * interactions (fixed), the items are dealt anew each epoch into {@code T} groups (ranked by interactions, each run of
 * {@code T} consecutive ranks spread over the groups in a random order, from stream
 * {@code (Seeds.split(seed, e), 6, 0)}), and the epoch runs in {@code T} rounds; in round {@code r} thread task
 * {@code a} draws the triples of block {@code (a, (a + r) mod T)}: as many as the block has interactions, the positive
 * uniformly among them, the negative uniformly among the block's item group (or, for popularity negatives, as the item
 * of a uniformly drawn interaction of that group), from stream {@code (Seeds.split(seed, e), 5, a T + b)}. The blocks
 * of a round share no user and no item, so no step races another and the model is a function of the data, the
 * options and the thread count, whichever thread runs which block. Over an epoch the positives are still drawn
 * uniformly over the interactions; a negative comes from its positive's item group only, a group that changes every
 * epoch. The scheme differs from one thread's, so 1 and 2 threads give different models.
 *
 * <p>The fit summary records, per epoch, the mean BPR loss {@code -ln sigma(x_ui - x_uj)} of the epoch's kept triples
 * before their steps, and as a choice the training AUC estimate ({@code implicit}'s "train_auc": the share of kept
 * triples ranked right before their step) of the first and last epoch and the share of skipped triples.
 */
public final class Bpr {

    /** Draws per chunk of an epoch on one thread: the unit of the sampling streams. */
    static final int CHUNK = 8192;
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
        // interaction p as (user, item) at 2p and 2p + 1: a drawn positive is one cache line
        int[] pairs = new int[Math.multiplyExact(2, nnz)];
        for (int u = 0; u < users; u++) {
            for (int p = pointers[u]; p < pointers[u + 1]; p++) {
                pairs[2 * p] = u;
                pairs[2 * p + 1] = itemOf[p];
            }
        }
        // one array per row: the step's loops then run from index 0, which C2 vectorizes; each row ends in ROW_PAD
        // unused floats, so that no cache line holds the written columns of two rows (rows of one thread next to
        // those of another would otherwise share a line at every boundary)
        float[][] x = new float[users][s + ROW_PAD];
        float[][] y = new float[items][s + ROW_PAD];
        initialFactors(options.seed(), f, x, y, itemOf);
        Bought bought = Bought.of(users, items, s, pointers, itemOf);
        int strata = options.threads();
        Strata st = strata == 1 ? null : new Strata(strata, users, items, pointers, itemOf);
        int chunks = (nnz + CHUNK - 1) / CHUNK;
        Tally tally = new Tally(strata == 1 ? chunks : strata * strata);
        double[] loss = new double[options.iterations()];
        double[] auc = new double[options.iterations()];
        long skippedTotal = 0;
        String unusable = null;
        float lr = (float) options.learningRate();
        float reg = (float) options.regularization();
        boolean uniform = options.negatives() == BprOptions.Negatives.UNIFORM;
        int epochs = 0;
        try (Workers workers = control.workers(strata)) {
            float[] scratch = new float[s];
            Variates rng = new Variates(0);
            for (int e = 0; e < options.iterations(); e++) {
                long epochSeed = Seeds.split(options.seed(), e);
                if (st == null) {
                    for (int c = 0; c < chunks; c++) {
                        rng.reset(epochSeed, SAMPLE_STREAM, c);
                        chunk(c, nnz, rng, pairs, bought, items, uniform, x, y, scratch, lr, reg, tally);
                    }
                } else {
                    rng.reset(epochSeed, DEAL_STREAM, 0);
                    st.deal(rng);
                    workers.run(strata, a -> st.list(a, pairs));
                    st.countGroups();
                    for (int round = 0; round < strata; round++) {
                        int r = round;
                        // block (a, (a + round) mod strata) for every a: no two share a user or an item row
                        workers.run(strata, a -> block(a, (a + r) % strata, st, epochSeed, bought, uniform, x, y, s,
                                lr, reg, tally));
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
     * One chunk of an epoch's draws on one thread (the sequential scheme); writes the chunk's loss sum, correct and
     * skipped counts to slot {@code c}.
     */
    private static void chunk(int c, int nnz, Variates rng, int[] pairs, Bought bought, int items,
                              boolean uniform, float[][] x, float[][] y, float[] scratch, float lr, float reg,
                              Tally tally) {
        int end = Math.min(nnz, (c + 1) * CHUNK);
        Draws draws = new Draws(bought, x, y, scratch, lr, reg);
        for (int t = c * CHUNK; t < end; t++) {
            int p = rng.nextInt(nnz);
            int j = uniform ? rng.nextInt(items) : pairs[2 * rng.nextInt(nnz) + 1];
            draws.train(pairs[2 * p], pairs[2 * p + 1], j);
        }
        draws.writeTo(tally, c);
    }

    /**
     * The draws of block {@code (a, b)} of a stratified epoch: as many triples as the block has interactions, the
     * positive uniformly among them, the negative uniformly among stratum {@code b}'s items (or as the item of a
     * uniformly drawn interaction of stratum {@code b}); writes the block's loss sum, correct and skipped counts to
     * slot {@code a * strata + b}.
     */
    private static void block(int a, int b, Strata st, long epochSeed, Bought bought,
                              boolean uniform, float[][] x, float[][] y, int s, float lr, float reg, Tally tally) {
        float[] scratch = new float[s];   // allocated by the running thread, away from the other threads' scratch
        int slot = a * st.count + b;
        int from = st.blockStart[slot];
        int n = st.blockStart[slot + 1] - from;
        int groupFrom = st.groupStart[b];
        int groupSize = st.groupStart[b + 1] - groupFrom;
        long popular = st.groupInteractions[b];
        Variates rng = Variates.stream(epochSeed, BLOCK_STREAM, slot);
        Draws draws = new Draws(bought, x, y, scratch, lr, reg);
        for (int t = 0; t < n; t++) {
            int q = from + rng.nextInt(n);
            int j = uniform ? st.groupItems[groupFrom + rng.nextInt(groupSize)]
                    : st.pairs[2 * st.interactionOfGroup(b, rng.nextInt((int) popular)) + 1];
            draws.train(st.pairs[2 * q], st.pairs[2 * q + 1], j);
        }
        draws.writeTo(tally, slot);
    }

    /**
     * One SGD step on the triple (user row {@code xu}, bought item row {@code yi}, not bought item row {@code yj}),
     * rows of factors plus the bias column (whose user side is not updated). Every loop runs over whole rows from
     * index 0 so that C2 vectorizes it: one pass writes {@code xu * (yi - yj)} into {@code product}, the dot product
     * adds it in eight partial sums over the columns {@code k mod 8} (combined pairwise), and one pass updates the three
     * rows (the item rows with the user's value before its step).
     *
     * @param product scratch: its length is the row length (factors and bias) the step uses
     * @return {@code x_ui - x_uj} before the step
     */
    static float step(float[] xu, float[] yi, float[] yj, float[] product, float lr, float reg) {
        int s = product.length;
        for (int k = 0; k < s; k++) {
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
        int k = 0;
        for (; k + 7 < s; k += 8) {
            s0 += product[k];
            s1 += product[k + 1];
            s2 += product[k + 2];
            s3 += product[k + 3];
            s4 += product[k + 4];
            s5 += product[k + 5];
            s6 += product[k + 6];
            s7 += product[k + 7];
        }
        for (; k < s; k++) {
            s0 += product[k];
        }
        float score = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        float z = (float) (1.0 / (1.0 + Math.exp(score)));
        int f = s - 1;
        float bias = xu[f];
        for (k = 0; k < f; k++) {
            float w = xu[k];
            float a = yi[k];
            float b = yj[k];
            xu[k] = w + lr * (z * (a - b) - reg * w);
            yi[k] = a + lr * (z * w - reg * a);
            yj[k] = b + lr * (-z * w - reg * b);
        }
        yi[f] += lr * (z * bias - reg * yi[f]);
        yj[f] += lr * (-z * bias - reg * yj[f]);
        return score;
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
            double sigma;
            if (score > 0) {
                sigma = 1 / (1 + Math.exp(-(double) score));
            } else {
                double e = Math.exp(score);
                sigma = e / (1 + e);
            }
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
        final float lr;
        final float reg;
        final LossSum loss = new LossSum();
        long correct;
        long skipped;

        Draws(Bought bought, float[][] x, float[][] y, float[] scratch, float lr, float reg) {
            this.bought = bought;
            this.x = x;
            this.y = y;
            this.scratch = scratch;
            this.lr = lr;
            this.reg = reg;
        }

        void train(int u, int i, int j) {
            if (bought.contains(u, j)) {
                skipped++;
                return;
            }
            float score = step(x[u], y[i], y[j], scratch, lr, reg);
            if (score > 0) {
                correct++;
            }
            loss.add(score);
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
     * interactions), and the interactions of each block (user range a, item group b) listed.
     */
    static final class Strata {
        final int count;
        /** Interaction index range of user stratum {@code a}: {@code [userCut[a], userCut[a + 1])}. */
        final int[] userCut;
        /** The items by interactions, most first (ties by id). */
        final int[] ranked;
        final int[] groupOf;
        /** The items of group {@code b}: {@code groupItems[groupStart[b] .. groupStart[b + 1])}. */
        final int[] groupItems;
        final int[] groupStart;
        /** Interactions of each item group, over all users. */
        final long[] groupInteractions;
        /**
         * The interactions by block {@code a * count + b}, positions {@code blockStart[slot] .. blockStart[slot + 1]},
         * position {@code q} as (user, item) at {@code 2q} and {@code 2q + 1}.
         */
        final int[] pairs;
        final int[] blockStart;
        private final int[] perm;

        Strata(int count, int users, int items, int[] pointers, int[] itemOf) {
            this.count = count;
            int nnz = itemOf.length;
            userCut = new int[count + 1];
            int u = 0;
            for (int a = 1; a < count; a++) {
                long target = (long) nnz * a / count;
                while (u < users && pointers[u] < target) {
                    u++;
                }
                userCut[a] = pointers[u];
            }
            userCut[count] = nnz;
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
            groupInteractions = new long[count];
            pairs = new int[Math.multiplyExact(2, nnz)];
            blockStart = new int[count * count + 1];
            blockStart[count * count] = nnz;
            perm = new int[count];
        }

        /** Deals the items into groups from {@code rng}; {@link #list} then lists the interactions of each block. */
        void deal(Variates rng) {
            for (int r = 0; r < ranked.length; r += count) {
                for (int g = 0; g < count; g++) {
                    perm[g] = g;
                }
                for (int g = count - 1; g > 0; g--) {
                    int h = rng.nextInt(g + 1);
                    int t = perm[g];
                    perm[g] = perm[h];
                    perm[h] = t;
                }
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
         * Lists the interactions of the blocks of user stratum {@code a} (its slots {@code a * count + b} cover
         * exactly the stratum's interaction range, so the strata can be listed concurrently) from
         * {@code interactions}, interaction {@code p} as (user, item) at {@code 2p} and {@code 2p + 1}, by user.
         */
        void list(int a, int[] interactions) {
            int base = a * count;
            int[] counts = new int[count];
            for (int p = userCut[a]; p < userCut[a + 1]; p++) {
                counts[groupOf[interactions[2 * p + 1]]]++;
            }
            int at = userCut[a];
            for (int b = 0; b < count; b++) {
                blockStart[base + b] = at;
                at += counts[b];
            }
            int[] fill = Arrays.copyOfRange(blockStart, base, base + count);
            for (int p = userCut[a]; p < userCut[a + 1]; p++) {
                int item = interactions[2 * p + 1];
                int q = fill[groupOf[item]]++;
                pairs[2 * q] = interactions[2 * p];
                pairs[2 * q + 1] = item;
            }
        }

        /** Adds up the interactions of each item group, once every stratum is listed. */
        void countGroups() {
            Arrays.fill(groupInteractions, 0);
            for (int a = 0; a < count; a++) {
                for (int b = 0; b < count; b++) {
                    groupInteractions[b] += blockStart[a * count + b + 1] - blockStart[a * count + b];
                }
            }
        }

        /** {@return the position of the {@code r}-th interaction of item group {@code b}, its blocks in stratum order} */
        int interactionOfGroup(int b, int r) {
            int rest = r;
            for (int a = 0; a < count; a++) {
                int slot = a * count + b;
                int size = blockStart[slot + 1] - blockStart[slot];
                if (rest < size) {
                    return blockStart[slot] + rest;
                }
                rest -= size;
            }
            throw new IllegalStateException("interaction " + r + " beyond item group " + b);
        }
    }
}
