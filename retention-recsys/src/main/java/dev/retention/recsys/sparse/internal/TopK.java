package dev.retention.recsys.sparse.internal;

/**
 * Selection of the {@code k} best candidates by value, ties to the smaller index, with a binary min-heap
 * whose root is the worst kept candidate: O(m log k) for {@code m} candidates, in place. As the
 * bounded priority queue of Lucene's {@code TopDocs} collection.
 */
public final class TopK {

    private TopK() {
    }

    /**
     * Moves the {@code k} best of {@code cand[0..m)} (by {@code value[cand[i]]} descending, then index
     * ascending) to {@code cand[0..k)}, in heap order; returns {@code min(k, m)}.
     */
    public static int select(int[] cand, int m, int k, double[] value) {
        if (m <= k) {
            return m;
        }
        for (int i = k / 2 - 1; i >= 0; i--) {
            siftDown(cand, i, k, value);
        }
        for (int i = k; i < m; i++) {
            int c = cand[i];
            if (worse(cand[0], c, value)) {
                cand[0] = c;
                siftDown(cand, 0, k, value);
            }
        }
        return k;
    }

    /** Whether candidate {@code a} ranks below candidate {@code b}. */
    static boolean worse(int a, int b, double[] value) {
        double va = value[a];
        double vb = value[b];
        return va < vb || (va == vb && a > b);
    }

    private static void siftDown(int[] heap, int i, int size, double[] value) {
        int x = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(heap[child + 1], heap[child], value)) {
                child++;
            }
            if (!worse(heap[child], x, value)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }
}
