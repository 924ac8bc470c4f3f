package dev.retention.cluster.internal;

/**
 * The nearest-neighbour chain for reducible linkages (Murtagh, "A survey of recent advances in
 * hierarchical clustering algorithms", The Computer Journal 1983; Müllner, "Modern hierarchical,
 * agglomerative clustering algorithms", arXiv:1109.2378, 2011), step for step as SciPy's
 * {@code nn_chain}: start the chain at the lowest live slot; extend it by the nearest live cluster of its
 * tip, preferring the previous chain element on ties (so the chain ends); when the tip and the previous
 * element are mutual nearest neighbours, merge them, x &lt; y, into slot y. O(n) chain steps in all, each
 * one {@link #nearest} scan; memory O(n) here plus whatever the subclass keeps.
 *
 * <p>Subclasses define the cluster distance: one virtual call per scan and per merge, none per pair.
 */
public abstract class NnChain {

    /** Number of observations. */
    protected final int n;
    /** Size of the cluster in each slot; 0 for a slot merged away. */
    protected final int[] size;

    /** A chain over n singleton clusters. */
    protected NnChain(int n) {
        this.n = n;
        this.size = new int[n];
        java.util.Arrays.fill(size, 1);
    }

    /** The distance between live clusters x and y. */
    protected abstract double distance(int x, int y);

    /**
     * The live cluster nearest to {@code x} ({@code x} excluded): scanning slots in increasing order, a
     * slot replaces the current candidate when its distance is strictly smaller, or when there is no
     * candidate yet ({@code y < 0}). Writes the winner's distance to {@code distanceOut[0]}.
     *
     * @param y   the starting candidate, or -1
     * @param min its distance, or +infinity
     */
    protected abstract int nearest(int x, int y, double min, double[] distanceOut);

    /**
     * Merges the cluster in slot {@code a} into slot {@code b} ({@code a < b}); {@link #size} already holds
     * the new sizes ({@code size[a] == 0}, {@code size[b] == na + nb}).
     */
    protected abstract void merge(int a, int b, int na, int nb, double height);

    /** Runs the chain: the n - 1 merges, unsorted (see {@link Merges#toLinkage()}). */
    public final Merges run() {
        Merges out = new Merges(n);
        int[] chain = new int[n];
        double[] found = new double[1];
        int length = 0;
        int firstLive = 0;
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                while (size[firstLive] == 0) {
                    firstLive++;
                }
                chain[0] = firstLive;
                length = 1;
            }
            int x;
            int y;
            double min;
            while (true) {
                x = chain[length - 1];
                int previous = length > 1 ? chain[length - 2] : -1;
                y = nearest(x, previous, previous >= 0 ? distance(x, previous) : Double.POSITIVE_INFINITY, found);
                min = found[0];
                if (y == previous) {
                    break;
                }
                chain[length++] = y;
            }
            length -= 2;
            int a = Math.min(x, y);
            int b = Math.max(x, y);
            int na = size[a];
            int nb = size[b];
            out.left[k] = a;
            out.right[k] = b;
            out.height[k] = min;
            size[a] = 0;
            size[b] = na + nb;
            merge(a, b, na, nb, min);
        }
        return out;
    }
}
