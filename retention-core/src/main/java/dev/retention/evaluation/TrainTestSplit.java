package dev.retention.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A split of row indexes into training and test rows.
 *
 * <p>{@link #stratified} follows scikit-learn's {@code train_test_split(stratify=y)} (that is
 * {@code StratifiedShuffleSplit}): {@code n_test = ceil(testFraction * n)}; the training rows per class
 * are the "approximate mode" of the multivariate hypergeometric distribution (class share times
 * {@code n_train}, floored, the rows still missing given to the classes with the largest remainders),
 * the test rows per class likewise from what is left; the rows of each class are then drawn by a seeded
 * shuffle. Class counts therefore equal scikit-learn's (up to its random tie-breaking between equal
 * remainders); the rows chosen differ, as the random generators differ.
 *
 * @param train training rows, in increasing order
 * @param test  test rows, in increasing order
 */
@SuppressWarnings("ArrayRecordComponent") // arrays copied in and out; equals, hashCode, toString by content
public record TrainTestSplit(int[] train, int[] test) {

    /**
     * Copies both arrays.
     *
     * @param train training rows, in increasing order; copied
     * @param test  test rows, in increasing order; copied
     */
    public TrainTestSplit {
        train = train.clone();
        test = test.clone();
    }

    /** {@return the training rows; a copy} */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** {@return the test rows; a copy} */
    @Override
    public int[] test() {
        return test.clone();
    }

    /**
     * {@return a stratified random split} O(n).
     *
     * @param labels       read: the class of each row (any ints)
     * @param testFraction share of rows for testing, in (0, 1)
     * @param seed         seed of the shuffles
     * @throws IllegalArgumentException if the fraction is out of range, a class has fewer than 2 rows, or
     *                                  either side would hold fewer rows than there are classes
     */
    public static TrainTestSplit stratified(int[] labels, double testFraction, long seed) {
        Objects.requireNonNull(labels, "labels");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        ClassCodes codes = ClassCodes.of(labels);
        int n = labels.length;
        int classes = codes.count();
        int[] counts = codes.counts();
        for (int c = 0; c < classes; c++) {
            if (counts[c] < 2) {
                throw new IllegalArgumentException("class " + codes.value(c) + " has only " + counts[c]
                        + " row; a stratified split needs at least 2 rows of each class");
            }
        }
        int nTest = (int) Math.ceil(testFraction * n);
        int nTrain = n - nTest;
        if (nTrain < classes || nTest < classes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "testFraction %.4g of %d rows gives %d "
                    + "training and %d test rows; each side needs at least one row of each of the %d classes",
                    testFraction, n, nTrain, nTest, classes));
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] trainCounts = approximateMode(counts, nTrain, rnd);
        int[] remaining = new int[classes];
        for (int c = 0; c < classes; c++) {
            remaining[c] = counts[c] - trainCounts[c];
        }
        int[] testCounts = approximateMode(remaining, nTest, rnd);
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) {
            members[c] = new int[counts[c]];
        }
        int[] fill = new int[classes];
        int[] code = codes.codes();
        for (int i = 0; i < n; i++) {
            members[code[i]][fill[code[i]]++] = i;
        }
        int[] train = new int[nTrain];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int c = 0; c < classes; c++) {
            StratifiedKFold.shuffle(members[c], rnd);
            System.arraycopy(members[c], 0, train, a, trainCounts[c]);
            a += trainCounts[c];
            System.arraycopy(members[c], trainCounts[c], test, b, testCounts[c]);
            b += testCounts[c];
        }
        Arrays.sort(train);
        Arrays.sort(test);
        return new TrainTestSplit(train, test);
    }

    /** scikit-learn's {@code _approximate_mode}: floor of the shares, the rest to the largest remainders. */
    static int[] approximateMode(int[] counts, int draws, SplittableRandom rnd) {
        int k = counts.length;
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] out = new int[k];
        double[] remainder = new double[k];
        long floored = 0;
        for (int c = 0; c < k; c++) {
            double continuous = (double) counts[c] / total * draws;
            out[c] = (int) Math.floor(continuous);
            remainder[c] = continuous - out[c];
            floored += out[c];
        }
        int need = (int) (draws - floored);
        while (need > 0) {
            double best = -1;
            for (int c = 0; c < k; c++) {
                if (remainder[c] > best) {
                    best = remainder[c];
                }
            }
            int tied = 0;
            int[] ties = new int[k];
            for (int c = 0; c < k; c++) {
                if (remainder[c] == best) {
                    ties[tied++] = c;
                }
            }
            int[] pick = Arrays.copyOf(ties, tied);
            StratifiedKFold.shuffle(pick, rnd);
            for (int t = 0; t < tied && need > 0; t++) {
                out[pick[t]]++;
                remainder[pick[t]] = -1;
                need--;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainTestSplit s && Arrays.equals(s.train, train) && Arrays.equals(s.test, test);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "TrainTestSplit: " + train.length + " training rows, " + test.length + " test rows";
    }
}
