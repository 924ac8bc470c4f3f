package dev.retention.evaluation;

import dev.retention.primitive.LongIntMap;

/** Class labels renumbered 0, 1, ... in order of first appearance, with their counts. */
final class ClassCodes {
    private final int[] codes;
    private final int[] values;
    private final int[] counts;

    ClassCodes(int[] codes, int[] values, int[] counts) {
        this.codes = codes;
        this.values = values;
        this.counts = counts;
    }

    static ClassCodes of(int[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("labels must not be empty");
        }
        LongIntMap map = new LongIntMap();
        int[] codes = new int[labels.length];
        int[] values = new int[4];
        int[] counts = new int[4];
        int classes = 0;
        for (int i = 0; i < labels.length; i++) {
            int c = map.get(labels[i]);
            if (c < 0) {
                c = classes++;
                map.put(labels[i], c);
                if (c == values.length) {
                    values = java.util.Arrays.copyOf(values, 2 * c);
                    counts = java.util.Arrays.copyOf(counts, 2 * c);
                }
                values[c] = labels[i];
            }
            codes[i] = c;
            counts[c]++;
        }
        return new ClassCodes(codes, java.util.Arrays.copyOf(values, classes), java.util.Arrays.copyOf(counts, classes));
    }

    int count() {
        return values.length;
    }

    int value(int code) {
        return values[code];
    }

    public int[] codes() {
        return codes;
    }

    public int[] values() {
        return values;
    }

    public int[] counts() {
        return counts;
    }
}
