package dev.retention.recsys;

import dev.retention.data.IdIndex;
import dev.retention.parallel.Blocks;
import dev.retention.parallel.Workers;
import dev.retention.recsys.internal.Purchases;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Top-N lists from a model's scores: the {@code n} items with the best scores, ties to the smaller item index, among
 * the allowed items ({@link TopNOptions#allowed}), leaving out the customer's own purchases unless told otherwise.
 * For a training customer ({@link #recommend(RatingPredictor, Ratings, int, TopNOptions)}), for every training
 * customer at once in parallel ({@link #recommendAll}), for a new customer described by their purchases through the
 * model's fold-in ({@link #recommendNew}), and the items most similar to an item ({@link #similar}, the item itself
 * left out). Each list costs one pass over the model's scores: O(cost of the scores + items log n), a bounded
 * min-heap as Lucene's top-docs collector. The lists carry the id indexes of the data, so that they print external
 * ids.
 */
public final class TopN {

    /** Users per block of {@link #recommendAll}. */
    private static final int USERS_PER_BLOCK = 64;

    private TopN() {
    }

    /**
     * {@return the {@code n} best unseen items for {@code user}}
     *
     * @param model read
     * @param seen  read; the user's ratings here are excluded (usually the training data)
     * @param user  dense user index in {@code [0, model.userCount())}
     * @param n     how many at most, {@code >= 1}
     * @throws IllegalArgumentException if {@code n < 1}, the user is out of range, or {@code seen} has
     *                                  another item id space
     */
    public static Recommendations recommend(RatingPredictor model, Ratings seen, int user, int n) {
        return recommend(model, seen, user, TopNOptions.defaults().withN(n));
    }

    /**
     * {@return the best allowed items for a training customer, their purchases in {@code seen} left out unless
     * {@code options.excludeSeen()} is false}
     *
     * @param model   read
     * @param seen    read; the purchases (usually the training data), with the model's id spaces
     * @param user    dense user index in {@code [0, model.userCount())}
     * @param options list length, exclusion, item filter
     * @throws IllegalArgumentException if the user is out of range or {@code seen} has other id spaces
     */
    public static Recommendations recommend(RatingPredictor model, Ratings seen, int user, TopNOptions options) {
        check(model, seen, options);
        if (user < 0 || user >= model.userCount()) {
            throw new IllegalArgumentException("user must be in [0, " + model.userCount() + "), got " + user);
        }
        return new Lister(model.itemCount(), options).forUser(model, seen, user);
    }

    /**
     * {@return the lists of every training customer, index = dense user index, computed in parallel blocks of
     * users; each list equals {@link #recommend(RatingPredictor, Ratings, int, TopNOptions)}'s, whatever the
     * number of threads}
     *
     * @param model   read; thread-safe
     * @param seen    read; the purchases, with the model's id spaces
     * @param options list length, exclusion, item filter, threads
     * @throws IllegalArgumentException if {@code seen} has other id spaces
     */
    public static Recommendations[] recommendAll(RatingPredictor model, Ratings seen, TopNOptions options) {
        check(model, seen, options);
        int users = model.userCount();
        Recommendations[] out = new Recommendations[users];
        Blocks blocks = Blocks.ofSize(users, USERS_PER_BLOCK);
        try (Workers workers = Workers.create(Math.min(options.threads(), Math.max(1, blocks.count())))) {
            workers.run(blocks.count(), b -> {
                Lister lister = new Lister(model.itemCount(), options);
                for (int u = blocks.start(b); u < blocks.end(b); u++) {
                    out[u] = lister.forUser(model, seen, u);
                }
            });
        }
        return out;
    }

    /**
     * {@return the best allowed items for a customer outside the training data, from their purchases alone by the
     * model's fold-in ({@link ItemRecommender#scoreItems(int[], float[], double[])}), those purchases left out unless
     * {@code options.excludeSeen()} is false; {@link Recommendations#user()} is -1}
     *
     * @param model   read
     * @param users   the user ids of the data (for printing)
     * @param items   the item ids of the data
     * @param bought  read; dense item indexes of the purchases, distinct, each in {@code [0, model.itemCount())}
     * @param values  read; the value of each purchase, finite and {@code > 0}
     * @param options list length, exclusion, item filter
     * @throws IllegalArgumentException if the purchases are malformed or the id spaces differ from the model's
     */
    public static Recommendations recommendNew(ItemRecommender model, IdIndex users, IdIndex items, int[] bought,
                                               float[] values, TopNOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        checkItems(model, items);
        Purchases.check(bought, values, model.itemCount());
        double[] scores = new double[model.itemCount()];
        model.scoreItems(bought, values, scores);
        boolean[] excluded = new boolean[scores.length];
        if (options.excludeSeen()) {
            for (int i : bought) {
                excluded[i] = true;
            }
        }
        return new Lister(scores.length, options).select(scores, excluded, users, items, -1);
    }

    /**
     * {@return the allowed items most similar to {@code item} as the model sees them
     * ({@link ItemRecommender#similarItems}), the item itself left out; {@link Recommendations#user()} is -1}
     *
     * @param model   read
     * @param users   the user ids of the data (for printing)
     * @param items   the item ids of the data
     * @param item    dense item index in {@code [0, model.itemCount())}
     * @param options list length and item filter ({@code excludeSeen} does not apply)
     * @throws IllegalArgumentException if the item is out of range or the id spaces differ from the model's
     */
    public static Recommendations similar(ItemRecommender model, IdIndex users, IdIndex items, int item,
                                          TopNOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        checkItems(model, items);
        if (item < 0 || item >= model.itemCount()) {
            throw new IllegalArgumentException("item must be in [0, " + model.itemCount() + "), got " + item);
        }
        double[] scores = new double[model.itemCount()];
        model.similarItems(item, scores);
        boolean[] excluded = new boolean[scores.length];
        excluded[item] = true;
        return new Lister(scores.length, options).select(scores, excluded, users, items, -1);
    }

    private static void check(RatingPredictor model, Ratings seen, TopNOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(options, "options");
        if (seen.itemCount() != model.itemCount() || seen.userCount() != model.userCount()) {
            throw new IllegalArgumentException("seen must have the model's id spaces " + model.userCount() + " x "
                    + model.itemCount() + ", got " + seen.userCount() + " x " + seen.itemCount());
        }
    }

    private static void checkItems(ItemRecommender model, IdIndex items) {
        Objects.requireNonNull(items, "items");
        if (items.size() != model.itemCount()) {
            throw new IllegalArgumentException("items must have the model's " + model.itemCount() + " ids, got "
                    + items.size());
        }
    }

    /** One thread's work arrays: the scores, the excluded flags and the heap, reused list after list. */
    private static final class Lister {
        private final TopNOptions options;
        private final double[] scores;
        private final boolean[] excluded;
        private final int[] heap;

        Lister(int items, TopNOptions options) {
            this.options = options;
            this.scores = new double[items];
            this.excluded = new boolean[items];
            this.heap = new int[Math.min(options.n(), items)];
        }

        Recommendations forUser(RatingPredictor model, Ratings seen, int user) {
            model.scoreItems(user, scores);
            var rows = seen.byUser();
            if (options.excludeSeen()) {
                for (int p = rows.rowStart(user); p < rows.rowEnd(user); p++) {
                    excluded[rows.columnIndex(p)] = true;
                }
            }
            Recommendations r = select(scores, excluded, seen.users(), seen.items(), user);
            if (options.excludeSeen()) {
                for (int p = rows.rowStart(user); p < rows.rowEnd(user); p++) {
                    excluded[rows.columnIndex(p)] = false;
                }
            }
            return r;
        }

        Recommendations select(double[] s, boolean[] skip, IdIndex users, IdIndex items, int user) {
            IntPredicate allowed = options.allowed();
            int size = 0;
            for (int i = 0; i < s.length; i++) {
                if (skip[i] || Double.isNaN(s[i]) || !allowed.test(i)) {
                    continue;
                }
                if (size < heap.length) {
                    heap[size++] = i;
                    siftUp(heap, size - 1, s);
                } else if (better(i, heap[0], s)) {
                    heap[0] = i;
                    siftDown(heap, size, s);
                }
            }
            int[] ranked = new int[size];
            float[] top = new float[size];
            for (int t = size - 1; t >= 0; t--) {
                ranked[t] = heap[0];
                top[t] = (float) s[heap[0]];
                heap[0] = heap[t];
                siftDown(heap, t, s);
            }
            return new Recommendations(users, items, user, ranked, top);
        }
    }

    /** Whether item a ranks above item b. */
    private static boolean better(int a, int b, double[] s) {
        return s[a] > s[b] || (s[a] == s[b] && a < b);
    }

    private static void siftUp(int[] heap, int i, double[] s) {
        int x = heap[i];
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], x, s)) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = x;
    }

    private static void siftDown(int[] heap, int size, double[] s) {
        int i = 0;
        int x = heap[0];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], s)) {
                child++;
            }
            if (!better(x, heap[child], s)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }
}
