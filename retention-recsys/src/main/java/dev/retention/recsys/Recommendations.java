package dev.retention.recsys;

/**
 * The best items for one user, best first, as parallel arrays.
 *
 * @param user   dense user index
 * @param items  dense item indexes
 * @param scores their scores
 */
public record Recommendations(int user, int[] items, float[] scores) {

    /** Number of items. */
    public int size() {
        return items.length;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("Top %d for user %d%n%6s %8s %10s%n", items.length, user,
                "rank", "item", "score"));
        for (int t = 0; t < items.length; t++) {
            sb.append(String.format("%6d %8d %10.4f%n", t + 1, items[t], scores[t]));
        }
        return sb.toString();
    }
}
