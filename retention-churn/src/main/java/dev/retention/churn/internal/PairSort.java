package dev.retention.churn.internal;

/**
 * Sorts a range of {@code double} keys in place, carrying an {@code int} payload along (the sample
 * indexes of a tree node sorted by one feature). Introsort: median-of-three quicksort, insertion sort
 * below 16 elements, heapsort when the recursion depth passes {@code 2 log2 n} (Musser 1997), so
 * O(n log n) in the worst case; not stable, which the split search does not need. Keys must not be NaN.
 */
public final class PairSort {

    private static final int SMALL = 16;

    private PairSort() {
    }

    /** Sorts {@code keys[from, to)} ascending, permuting {@code values[from, to)} alike. */
    public static void sort(double[] keys, int[] values, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        int depth = 2 * (31 - Integer.numberOfLeadingZeros(n));
        introsort(keys, values, from, to, depth);
    }

    private static void introsort(double[] k, int[] v, int from, int to, int depth) {
        while (to - from > SMALL) {
            if (depth-- == 0) {
                heapsort(k, v, from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            // median of three into position mid
            if (k[mid] < k[from]) {
                swap(k, v, mid, from);
            }
            if (k[to - 1] < k[mid]) {
                swap(k, v, to - 1, mid);
                if (k[mid] < k[from]) {
                    swap(k, v, mid, from);
                }
            }
            double pivot = k[mid];
            // three-way partition (Dijkstra): [from, lt) < pivot, [lt, i) == pivot, (gt, to) > pivot
            int lt = from;
            int i = from;
            int gt = to - 1;
            while (i <= gt) {
                double x = k[i];
                if (x < pivot) {
                    swap(k, v, lt++, i++);
                } else if (x > pivot) {
                    swap(k, v, i, gt--);
                } else {
                    i++;
                }
            }
            // recurse into the smaller side, loop on the larger
            if (lt - from < to - gt - 1) {
                introsort(k, v, from, lt, depth);
                from = gt + 1;
            } else {
                introsort(k, v, gt + 1, to, depth);
                to = lt;
            }
        }
        insertion(k, v, from, to);
    }

    private static void insertion(double[] k, int[] v, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            double x = k[i];
            int y = v[i];
            int j = i - 1;
            while (j >= from && k[j] > x) {
                k[j + 1] = k[j];
                v[j + 1] = v[j];
                j--;
            }
            k[j + 1] = x;
            v[j + 1] = y;
        }
    }

    private static void heapsort(double[] k, int[] v, int from, int to) {
        int n = to - from;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(k, v, from, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(k, v, from, from + end);
            siftDown(k, v, from, 0, end);
        }
    }

    private static void siftDown(double[] k, int[] v, int base, int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && k[base + child + 1] > k[base + child]) {
                child++;
            }
            if (k[base + i] >= k[base + child]) {
                return;
            }
            swap(k, v, base + i, base + child);
            i = child;
        }
    }

    private static void swap(double[] k, int[] v, int a, int b) {
        double t = k[a];
        k[a] = k[b];
        k[b] = t;
        int u = v[a];
        v[a] = v[b];
        v[b] = u;
    }
}
