package dev.retention.lifetime.internal;

import java.util.Arrays;

/**
 * The distinct values of an integer column with their counts, and for each row the index of its value:
 * terms of a likelihood that depend on a customer's frequency alone (log-gamma and digamma values) are
 * then computed once per distinct frequency and weighted by its count. O(n log n) to build.
 */
final class DistinctCounts {

    final int[] values;     // sorted, distinct
    final double[] counts;  // rows per value
    final int[] index;      // per row: position of its value in values

    DistinctCounts(int[] column) {
        int n = column.length;
        int[] sorted = column.clone();
        Arrays.sort(sorted);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[d++] = sorted[i];
            }
        }
        values = Arrays.copyOf(sorted, d);
        counts = new double[d];
        index = new int[n];
        int max = d == 0 ? 0 : values[d - 1];
        if (d > 0 && values[0] >= 0 && max < 4 * n + 1024) {
            int[] position = new int[max + 1];
            for (int k = 0; k < d; k++) {
                position[values[k]] = k;
            }
            for (int i = 0; i < n; i++) {
                int k = position[column[i]];
                index[i] = k;
                counts[k]++;
            }
        } else {
            for (int i = 0; i < n; i++) {
                int k = Arrays.binarySearch(values, column[i]);
                index[i] = k;
                counts[k]++;
            }
        }
    }
}
