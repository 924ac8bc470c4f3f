package dev.retention.recsys.evaluation;

import dev.retention.recsys.Ratings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded splits of ratings into training and test sets, as Surprise's {@code model_selection.split}:
 * k-fold over shuffled ratings, a random train/test split, and leave-one-out per user. The same seed
 * gives the same splits. Shuffles are Fisher-Yates with {@link SplittableRandom}. O(n) each.
 */
public final class Folds {

    private Folds() {
    }

    /**
     * {@return K-fold cross-validation: the ratings are shuffled and cut into {@code k} consecutive folds of
     * {@code n / k} ratings, the first {@code n mod k} folds one larger (as Surprise's {@code KFold});
     * split {@code f} tests on fold {@code f} and trains on the others}
     *
     * @param data read
     * @param k    number of folds, in {@code [2, data.size()]}
     * @param seed shuffle seed
     * @throws IllegalArgumentException if {@code k < 2} or a fold would be empty ({@code k > n})
     */
    public static List<Split> kFold(Ratings data, int k, long seed) {
        Objects.requireNonNull(data, "data");
        int n = data.size();
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("folds must be in [2, number of ratings = " + n + "], got " + k
                    + (k > n ? " (a fold would be empty)" : ""));
        }
        int[] order = shuffled(n, seed);
        List<Split> splits = new ArrayList<>(k);
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            int[] test = Arrays.copyOfRange(order, start, start + size);
            int[] train = new int[n - size];
            System.arraycopy(order, 0, train, 0, start);
            System.arraycopy(order, start + size, train, start, n - start - size);
            splits.add(new Split(data.subset(train), data.subset(test)));
            start += size;
        }
        return splits;
    }

    /**
     * {@return one random split with {@code round(testFraction * n)} test ratings (as Surprise's
     * {@code train_test_split})}
     *
     * @param data         read
     * @param testFraction in (0, 1); the test set and the training set must both be non-empty
     * @param seed         shuffle seed
     * @throws IllegalArgumentException if either set would be empty
     */
    public static Split trainTest(Ratings data, double testFraction, long seed) {
        Objects.requireNonNull(data, "data");
        int n = data.size();
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        int testSize = (int) Math.round(testFraction * n);
        if (testSize == 0 || testSize == n) {
            throw new IllegalArgumentException("testFraction " + testFraction + " of " + n
                    + " ratings leaves the test or the training set empty");
        }
        int[] order = shuffled(n, seed);
        return new Split(data.subset(Arrays.copyOf(order, n - testSize)),
                data.subset(Arrays.copyOfRange(order, n - testSize, n)));
    }

    /**
     * Leave-one-out: one random rating of each user with at least {@code minRatings} ratings goes to
     * the test set, everything else to training (as one split of Surprise's {@code LeaveOneOut}).
     *
     * @param data       read
     * @param minRatings users with fewer ratings stay whole in training; {@code >= 1}
     * @param seed       shuffle seed
     * @return the training and test ratings
     * @throws IllegalArgumentException if {@code minRatings < 1} or no user qualifies
     */
    public static Split leaveOneOut(Ratings data, int minRatings, long seed) {
        Objects.requireNonNull(data, "data");
        if (minRatings < 1) {
            throw new IllegalArgumentException("minRatings must be >= 1, got " + minRatings);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = data.size();
        boolean[] isTest = new boolean[n];
        int tests = 0;
        for (int u = 0; u < data.userCount(); u++) {
            int from = data.byUser().rowStart(u);
            int count = data.byUser().rowLength(u);
            if (count > 0 && count >= minRatings) {
                isTest[from + rnd.nextInt(count)] = true;
                tests++;
            }
        }
        if (tests == 0) {
            throw new IllegalArgumentException("no user has at least minRatings = " + minRatings
                    + " ratings, so the test set would be empty");
        }
        int[] test = new int[tests];
        int[] train = new int[n - tests];
        int a = 0;
        int b = 0;
        for (int p = 0; p < n; p++) {
            if (isTest[p]) {
                test[a++] = p;
            } else {
                train[b++] = p;
            }
        }
        return new Split(data.subset(train), data.subset(test));
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
