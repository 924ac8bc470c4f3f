package dev.retention.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Stratified K-fold cross-validation over row indexes: each fold's test rows hold about the same share
 * of every class as the whole data. Immutable.
 *
 * <p>The allocation is scikit-learn's {@code StratifiedKFold}: classes are numbered in order of first
 * appearance, the labels sorted by that number are dealt round-robin to the folds, and fold {@code f}
 * receives as many rows of class {@code c} as the deal gave it; fold sizes per class therefore equal
 * scikit-learn's exactly. Without shuffling ({@link #inOrder}) the rows of each class go to folds 0, 0,
 * ..., 1, 1, ... in index order, and the folds equal scikit-learn's {@code StratifiedKFold(k)}; with
 * shuffling ({@link #split}) the fold labels of each class are permuted by a Fisher-Yates shuffle driven
 * by {@link SplittableRandom} (seed given), so the same seed gives the same folds on every run and JDK,
 * though not scikit-learn's folds (its NumPy generator differs).
 *
 * <p>O(n) time and memory.
 */
public final class StratifiedKFold {

    private final int[] foldOf;
    private final int[][] test;
    private final int[][] train;

    private StratifiedKFold(int[] foldOf, int k) {
        this.foldOf = foldOf;
        int n = foldOf.length;
        int[] size = new int[k];
        for (int f : foldOf) {
            size[f]++;
        }
        test = new int[k][];
        train = new int[k][];
        for (int f = 0; f < k; f++) {
            test[f] = new int[size[f]];
            train[f] = new int[n - size[f]];
        }
        int[] ti = new int[k];
        int[] tr = new int[k];
        for (int i = 0; i < n; i++) {
            int fi = foldOf[i];
            test[fi][ti[fi]++] = i;
            for (int f = 0; f < k; f++) {
                if (f != fi) {
                    train[f][tr[f]++] = i;
                }
            }
        }
    }

    /**
     * {@return shuffled stratified folds}
     *
     * @param labels read: the class of each row (any ints)
     * @param k      number of folds, &gt;= 2
     * @param seed   seed of the shuffle
     * @throws IllegalArgumentException if {@code k < 2} or some class has fewer than {@code k} rows
     */
    public static StratifiedKFold split(int[] labels, int k, long seed) {
        return make(labels, k, new SplittableRandom(seed));
    }

    /**
     * {@return unshuffled stratified folds, equal to scikit-learn's {@code StratifiedKFold(k, shuffle=False)}}
     *
     * @param labels read: the class of each row (any ints)
     * @param k      number of folds, &gt;= 2
     * @throws IllegalArgumentException if {@code k < 2} or some class has fewer than {@code k} rows
     */
    public static StratifiedKFold inOrder(int[] labels, int k) {
        return make(labels, k, null);
    }

    private static StratifiedKFold make(int[] labels, int k, SplittableRandom rnd) {
        Objects.requireNonNull(labels, "labels");
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2 folds, got " + k);
        }
        int n = labels.length;
        ClassCodes codes = ClassCodes.of(labels);
        int classes = codes.count();
        int[] counts = codes.counts();
        for (int c = 0; c < classes; c++) {
            if (counts[c] < k) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "class %d has only %d rows, fewer than "
                        + "k=%d folds: some test folds would hold none of it", codes.value(c), counts[c], k));
            }
        }
        // sorted codes dealt round robin: fold f gets the codes at positions f, f + k, f + 2k, ...
        int[][] allocation = new int[k][classes];
        int pos = 0;
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < counts[c]; j++) {
                allocation[pos % k][c]++;
                pos++;
            }
        }
        int[] foldOf = new int[n];
        int[] code = codes.codes();
        for (int c = 0; c < classes; c++) {
            int[] folds = new int[counts[c]];
            int t = 0;
            for (int f = 0; f < k; f++) {
                for (int j = 0; j < allocation[f][c]; j++) {
                    folds[t++] = f;
                }
            }
            if (rnd != null) {
                shuffle(folds, rnd);
            }
            t = 0;
            for (int i = 0; i < n; i++) {
                if (code[i] == c) {
                    foldOf[i] = folds[t++];
                }
            }
        }
        return new StratifiedKFold(foldOf, k);
    }

    /** Fisher-Yates shuffle. */
    static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@return the number of folds} */
    public int folds() {
        return test.length;
    }

    /** {@return the number of rows split} */
    public int rows() {
        return foldOf.length;
    }

    /**
     * {@return the test rows of fold {@code f}, in increasing order; a copy}
     *
     * @param f fold, in [0, folds())
     */
    public int[] testRows(int f) {
        return test[Objects.checkIndex(f, test.length)].clone();
    }

    /**
     * {@return the training rows of fold {@code f} (all other rows), in increasing order; a copy}
     *
     * @param f fold, in [0, folds())
     */
    public int[] trainRows(int f) {
        return train[Objects.checkIndex(f, train.length)].clone();
    }

    /**
     * {@return the fold in which row {@code i} is a test row}
     *
     * @param i row, in [0, rows())
     */
    public int foldOf(int i) {
        return foldOf[Objects.checkIndex(i, foldOf.length)];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StratifiedKFold: ").append(folds()).append(" folds of ")
                .append(rows()).append(" rows, test sizes ");
        int[] sizes = new int[folds()];
        for (int f = 0; f < sizes.length; f++) {
            sizes[f] = test[f].length;
        }
        return sb.append(Arrays.toString(sizes)).toString();
    }
}
