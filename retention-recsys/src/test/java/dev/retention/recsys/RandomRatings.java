package dev.retention.recsys;

import java.util.SplittableRandom;

/**
 * Seeded random small rating sets for property tests: 2 to 12 users, 2 to 10 items, each pair rated with
 * a probability drawn from [0.15, 0.85] (at least one rating), ratings in half steps on the 1..5 scale.
 * Some users and items end up without ratings, which the models must handle.
 */
public final class RandomRatings {

    private RandomRatings() {
    }

    /** The ratings of a seed. */
    public static Ratings of(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int users = 2 + rnd.nextInt(11);
        int items = 2 + rnd.nextInt(9);
        double density = 0.15 + 0.7 * rnd.nextDouble();
        int[] u = new int[users * items];
        int[] i = new int[users * items];
        float[] v = new float[users * items];
        int n = 0;
        for (int a = 0; a < users; a++) {
            for (int b = 0; b < items; b++) {
                if (rnd.nextDouble() < density || (n == 0 && a == users - 1 && b == items - 1)) {
                    u[n] = a;
                    i[n] = b;
                    v[n] = 1 + 0.5f * rnd.nextInt(9);
                    n++;
                }
            }
        }
        return Ratings.of(users, items, java.util.Arrays.copyOf(u, n), java.util.Arrays.copyOf(i, n),
                java.util.Arrays.copyOf(v, n), RatingScale.oneToFive());
    }

    /** {@code count} (user, item) pairs of a seed, including indexes just outside the id spaces. */
    public static int[][] pairs(long seed, Ratings r, int count) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[][] pairs = new int[count][];
        for (int t = 0; t < count; t++) {
            pairs[t] = new int[] {rnd.nextInt(-1, r.userCount() + 1), rnd.nextInt(-1, r.itemCount() + 1)};
        }
        return pairs;
    }
}
