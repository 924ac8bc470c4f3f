package dev.retention.cluster;

import java.util.SplittableRandom;

/**
 * Seeded random point sets for the clustering property tests: Gaussian blobs of random number, size,
 * spread and dimension, sometimes with exact duplicate rows, a constant column or values on a coarse
 * grid (ties), so that the awkward cases come up often.
 */
public final class RandomPoints {

    private RandomPoints() {
    }

    /** A random point set of between {@code minN} and {@code maxN} rows, ties and duplicates included. */
    public static double[][] generate(SplittableRandom rnd, int minN, int maxN) {
        return generate(rnd, minN, maxN, true);
    }

    /**
     * Like {@link #generate(SplittableRandom, int, int)}; without {@code ties} the values are continuous
     * (no grid, no duplicates, no constant column), so distances are almost surely all different.
     */
    public static double[][] generate(SplittableRandom rnd, int minN, int maxN, boolean ties) {
        int n = minN + rnd.nextInt(maxN - minN + 1);
        int d = 1 + rnd.nextInt(4);
        int centres = 1 + rnd.nextInt(5);
        double[][] c = new double[centres][d];
        for (double[] row : c) {
            for (int j = 0; j < d; j++) {
                row[j] = rnd.nextDouble(-6, 6);
            }
        }
        double spread = rnd.nextDouble(0.2, 2.0);
        boolean grid = ties && rnd.nextInt(5) == 0;
        int constant = ties && rnd.nextInt(4) == 0 ? rnd.nextInt(d) : -1;
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double[] centre = c[rnd.nextInt(centres)];
            for (int j = 0; j < d; j++) {
                double v = centre[j] + spread * rnd.nextGaussian();
                x[i][j] = j == constant ? 3.0 : grid ? Math.rint(v * 2) / 2 : v;
            }
        }
        if (ties && rnd.nextInt(3) == 0) {          // exact duplicates
            int dups = 1 + rnd.nextInt(Math.max(1, n / 5));
            for (int t = 0; t < dups; t++) {
                x[rnd.nextInt(n)] = x[rnd.nextInt(n)].clone();
            }
        }
        return x;
    }

    /** Gaussian blobs around {@code centres} (sd 1), {@code perCentre} points each, in random order. */
    public static double[][] blobs(long seed, double[][] centres, int perCentre, double sd) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int d = centres[0].length;
        int n = centres.length * perCentre;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            for (int j = 0; j < d; j++) {
                row[j] = centres[i / perCentre][j] + sd * rnd.nextGaussian();
            }
            x[i] = row;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double[] t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
        return x;
    }

    /** A random permutation of 0..n-1. */
    public static int[] permutation(SplittableRandom rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Whether two labellings are the same partition up to a renaming of clusters (noise -1 must match
     * noise exactly).
     */
    public static boolean samePartition(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        java.util.Map<Integer, Integer> ab = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> ba = new java.util.HashMap<>();
        for (int i = 0; i < a.length; i++) {
            if ((a[i] < 0) != (b[i] < 0)) {
                return false;
            }
            if (a[i] < 0) {
                continue;
            }
            Integer x = ab.putIfAbsent(a[i], b[i]);
            Integer y = ba.putIfAbsent(b[i], a[i]);
            if ((x != null && x != b[i]) || (y != null && y != a[i])) {
                return false;
            }
        }
        return true;
    }
}
