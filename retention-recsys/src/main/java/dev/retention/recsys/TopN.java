package dev.retention.recsys;

import java.util.Objects;

/**
 * Top-N recommendation from any {@link RatingPredictor}: the {@code n} items with the best scores
 * ({@link RatingPredictor#scoreItems}) among those the user has not rated in the given data, ties to
 * the smaller item index. O(items x cost of a score + items log n). The recommendations carry the id indexes
 * of {@code seen}, so that they print external ids.
 */
public final class TopN {

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
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(seen, "seen");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (user < 0 || user >= model.userCount()) {
            throw new IllegalArgumentException("user must be in [0, " + model.userCount() + "), got " + user);
        }
        if (seen.itemCount() != model.itemCount() || seen.userCount() != model.userCount()) {
            throw new IllegalArgumentException("seen must have the model's id spaces " + model.userCount() + " x "
                    + model.itemCount() + ", got " + seen.userCount() + " x " + seen.itemCount());
        }
        double[] scores = new double[model.itemCount()];
        model.scoreItems(user, scores);
        boolean[] excluded = new boolean[scores.length];
        for (int p = seen.byUser().rowStart(user); p < seen.byUser().rowEnd(user); p++) {
            excluded[seen.item(p)] = true;
        }
        int[] heap = new int[Math.min(n, scores.length)];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (excluded[i]) {
                continue;
            }
            if (size < heap.length) {
                heap[size++] = i;
                siftUp(heap, size - 1, scores);
            } else if (better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] items = new int[size];
        float[] s = new float[size];
        for (int t = size - 1; t >= 0; t--) {
            items[t] = heap[0];
            s[t] = (float) scores[heap[0]];
            heap[0] = heap[t];
            siftDown(heap, t, scores);
        }
        return new Recommendations(seen.users(), seen.items(), user, items, s);
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
