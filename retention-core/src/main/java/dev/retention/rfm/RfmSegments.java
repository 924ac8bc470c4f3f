package dev.retention.rfm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Named customer segments on the grid of recency and frequency scores (1..5 each): every one of the
 * 25 (R, F) cells belongs to exactly one segment. Immutable.
 *
 * <p>The {@linkplain #defaults() default map} is the one widely used with quintile RFM scores:
 * <pre>
 *   R1-2 / F1-2  Hibernating          R3   / F3    Need Attention
 *   R1-2 / F3-4  At Risk              R3-4 / F4-5  Loyal Customers
 *   R1-2 / F5    Can't Lose Them      R4   / F1    Promising
 *   R3   / F1-2  About To Sleep       R5   / F1    New Customers
 *   R4-5 / F2-3  Potential Loyalists  R5   / F4-5  Champions
 * </pre>
 * A caller's own map is built with {@link #builder()}, rule by rule; {@link Builder#build()} refuses
 * a map that leaves a cell uncovered or covers one twice.
 */
public final class RfmSegments {

    private static final RfmSegments DEFAULTS = builder()
            .add("Champions", 5, 5, 4, 5)
            .add("Loyal Customers", 3, 4, 4, 5)
            .add("Potential Loyalists", 4, 5, 2, 3)
            .add("New Customers", 5, 5, 1, 1)
            .add("Promising", 4, 4, 1, 1)
            .add("Need Attention", 3, 3, 3, 3)
            .add("About To Sleep", 3, 3, 1, 2)
            .add("At Risk", 1, 2, 3, 4)
            .add("Can't Lose Them", 1, 2, 5, 5)
            .add("Hibernating", 1, 2, 1, 2)
            .build();

    private final List<String> names;
    private final int[] cell; // cell[(r-1)*5 + (f-1)] = index into names

    private RfmSegments(List<String> names, int[] cell) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.cell = cell;
    }

    /** {@return the default segment map (see the class comment)} */
    public static RfmSegments defaults() {
        return DEFAULTS;
    }

    /** {@return a builder for a custom segment map} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the segment names, in the order the rules were added} */
    public List<String> names() {
        return names;
    }

    /** {@return the number of segments} */
    public int size() {
        return names.size();
    }

    /**
     * {@return the index (into {@link #names()}) of the segment of a cell}
     *
     * @param r recency score, 1..5
     * @param f frequency score, 1..5
     * @throws IllegalArgumentException if a score is not in 1..5
     */
    public int segmentIndex(int r, int f) {
        checkScore("r", r);
        checkScore("f", f);
        return cell[(r - 1) * RfmModel.BINS + (f - 1)];
    }

    /**
     * {@return the name of the segment of a cell}
     *
     * @param r recency score, 1..5
     * @param f frequency score, 1..5
     */
    public String segmentOf(int r, int f) {
        return names.get(segmentIndex(r, f));
    }

    /** {@return the grid as a 5 x 5 array of segment indexes, {@code [r-1][f-1]}; a copy} */
    public int[][] grid() {
        int[][] g = new int[RfmModel.BINS][];
        for (int r = 0; r < RfmModel.BINS; r++) {
            g[r] = Arrays.copyOfRange(cell, r * RfmModel.BINS, (r + 1) * RfmModel.BINS);
        }
        return g;
    }

    /** Rebuilds a map from its names and flattened grid (as stored in a model file). */
    static RfmSegments of(String[] names, int[] cells) {
        if (cells.length != RfmModel.BINS * RfmModel.BINS) {
            throw new IllegalArgumentException("a segment grid has 25 cells, got " + cells.length);
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null || names[i].isBlank()) {
                throw new IllegalArgumentException("segment name " + i + " must not be blank, got '" + names[i] + "'");
            }
            for (int j = 0; j < i; j++) {
                if (names[j].equals(names[i])) {
                    throw new IllegalArgumentException("segment names must be distinct, got '" + names[i] + "' twice");
                }
            }
        }
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] < 0 || cells[i] >= names.length) {
                throw new IllegalArgumentException("segment grid cell " + i + " names segment " + cells[i]
                        + ", but there are " + names.length + " segments");
            }
        }
        return new RfmSegments(Arrays.asList(names), cells.clone());
    }

    /** The grid flattened R-major, {@code [(r-1) * 5 + (f-1)]}, as stored in a model file; a copy. */
    int[] cells() {
        return cell.clone();
    }

    private static void checkScore(String name, int score) {
        if (score < 1 || score > RfmModel.BINS) {
            throw new IllegalArgumentException(name + " score must be in 1..5, got " + score);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RfmSegments other && names.equals(other.names) && Arrays.equals(cell, other.cell);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(cell);
    }

    /** The grid, recency scores as rows (5 at the top), frequency scores as columns. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("       F=1                  F=2                  F=3                  F=4                  F=5\n");
        for (int r = RfmModel.BINS; r >= 1; r--) {
            sb.append("R=").append(r).append("  ");
            for (int f = 1; f <= RfmModel.BINS; f++) {
                sb.append(String.format(Locale.ROOT, "%-21s", segmentOf(r, f)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Builds a segment map rule by rule. Not thread-safe. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final int[] cell = new int[RfmModel.BINS * RfmModel.BINS];

        private Builder() {
            Arrays.fill(cell, -1);
        }

        /**
         * Assigns the cells with {@code rMin <= R <= rMax} and {@code fMin <= F <= fMax} to a segment. A
         * name may be used in several rules (for shapes that are not rectangles).
         *
         * @param name the segment's name
         * @param rMin lowest recency score of the rule, 1..5
         * @param rMax highest recency score of the rule, in [rMin, 5]
         * @param fMin lowest frequency score of the rule, 1..5
         * @param fMax highest frequency score of the rule, in [fMin, 5]
         * @return this builder
         * @throws IllegalArgumentException if a bound is outside 1..5, a range is empty, the name is
         *                                  blank, or a cell already belongs to a segment
         */
        public Builder add(String name, int rMin, int rMax, int fMin, int fMax) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("segment name must not be blank");
            }
            checkRange("R", rMin, rMax);
            checkRange("F", fMin, fMax);
            int index = names.indexOf(name);
            if (index < 0) {
                index = names.size();
                names.add(name);
            }
            for (int r = rMin; r <= rMax; r++) {
                for (int f = fMin; f <= fMax; f++) {
                    int c = (r - 1) * RfmModel.BINS + (f - 1);
                    if (cell[c] >= 0) {
                        throw new IllegalArgumentException("segment '" + name + "' overlaps segment '"
                                + names.get(cell[c]) + "' at R=" + r + ", F=" + f);
                    }
                    cell[c] = index;
                }
            }
            return this;
        }

        private static void checkRange(String what, int min, int max) {
            if (min < 1 || max > RfmModel.BINS || min > max) {
                throw new IllegalArgumentException(what + " range must satisfy 1 <= min <= max <= 5, got "
                        + min + ".." + max);
            }
        }

        /**
         * {@return the segment map}
         *
         * @throws IllegalArgumentException if some (R, F) cells belong to no segment; the message lists them
         */
        public RfmSegments build() {
            StringBuilder missing = new StringBuilder();
            for (int c = 0; c < cell.length; c++) {
                if (cell[c] < 0) {
                    missing.append(missing.length() == 0 ? "" : ", ")
                            .append("R=").append(c / RfmModel.BINS + 1).append("/F=").append(c % RfmModel.BINS + 1);
                }
            }
            if (missing.length() > 0) {
                throw new IllegalArgumentException("every (R, F) cell needs a segment; not covered: " + missing);
            }
            return new RfmSegments(names, cell.clone());
        }
    }
}
