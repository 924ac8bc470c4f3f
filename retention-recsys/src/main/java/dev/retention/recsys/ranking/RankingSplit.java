package dev.retention.recsys.ranking;

import dev.retention.data.IdIndex;
import dev.retention.data.Interactions;
import dev.retention.random.Seeds;
import dev.retention.random.Variates;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.sparse.CsrMatrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A train/test split of implicit feedback for ranking evaluation: two {@link Ratings} over the same user and item
 * id spaces (the items are those of train and test together, as {@code implicit}'s evaluation counts them).
 * Made from two given files ({@link #read}), or from one set of interactions by a seeded random holdout of
 * interactions ({@link #random}), a per-user holdout ({@link #perUser}), leave-last-out ({@link #leaveLastOut}) or
 * a global time split ({@link #time}). With {@code binary} every value becomes 1 (the protocol of the reference
 * figures: every MovieLens rating is an interaction). Immutable. Each factory is O(interactions) plus the sort
 * of {@link CsrMatrix#fromTriples}.
 */
public final class RankingSplit {

    private final Ratings train;
    private final Ratings test;
    private final String description;

    private RankingSplit(Ratings train, Ratings test, String description) {
        this.train = train;
        this.test = test;
        this.description = description;
    }

    /**
     * {@return a split of the given train and test ratings}
     *
     * @param train read, kept; the training interactions
     * @param test  read, kept; the held-out interactions, with the same id spaces
     * @throws IllegalArgumentException if the id spaces differ
     */
    public static RankingSplit of(Ratings train, Ratings test) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!train.users().equals(test.users()) || !train.items().equals(test.items())) {
            throw new IllegalArgumentException("train and test must have the same id spaces, got " + train.userCount()
                    + " x " + train.itemCount() + " and " + test.userCount() + " x " + test.itemCount());
        }
        return new RankingSplit(train, test, "given");
    }

    /**
     * Reads a given split from two CSV files with a header naming {@code user} and {@code item} and optionally
     * {@code value} (or {@code rating}; other columns are ignored; names match ignoring case); ids are the
     * original ones, as text. The id spaces are the users and items of both files. A pair repeated within a file
     * is refused.
     *
     * @param trainFile read, UTF-8
     * @param testFile  read, UTF-8
     * @param binary    whether every value becomes 1
     * @return the split
     * @throws IOException              if a file cannot be read
     * @throws IllegalArgumentException naming the file and line of a malformed record, a missing column, a value
     *                                  that is not finite, or a repeated pair
     */
    public static RankingSplit read(Path trainFile, Path testFile, boolean binary) throws IOException {
        Objects.requireNonNull(trainFile, "trainFile");
        Objects.requireNonNull(testFile, "testFile");
        IdIndex.Builder users = IdIndex.builder();
        IdIndex.Builder items = IdIndex.builder();
        Pairs a = readPairs(trainFile, users, items, binary);
        Pairs b = readPairs(testFile, users, items, binary);
        IdIndex u = users.build();
        IdIndex i = items.build();
        Ratings train = a.toRatings(u, i, trainFile.toString());
        Ratings test = b.toRatings(u, i, testFile.toString());
        return new RankingSplit(train, test, "given: " + trainFile.getFileName() + ", " + testFile.getFileName());
    }

    /** Triples read from one file, with dense ids from shared builders. */
    private static final class Pairs {
        final List<int[]> ui = new ArrayList<>();
        final List<Float> v = new ArrayList<>();

        Ratings toRatings(IdIndex users, IdIndex items, String source) {
            int n = ui.size();
            int[] user = new int[n];
            int[] item = new int[n];
            float[] value = new float[n];
            for (int p = 0; p < n; p++) {
                user[p] = ui.get(p)[0];
                item[p] = ui.get(p)[1];
                value[p] = v.get(p);
            }
            CsrMatrix m = CsrMatrix.fromTriples(users.size(), items.size(), user, item, value);
            if (m.nnz() != n) {
                throw new IllegalArgumentException(source + " holds " + (n - m.nnz())
                        + " repeated (user, item) pairs; each pair must occur once");
            }
            return Ratings.of(m, scaleOf(value), users, items);
        }
    }

    private static Pairs readPairs(Path file, IdIndex.Builder users, IdIndex.Builder items, boolean binary)
            throws IOException {
        Pairs out = new Pairs();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file; expected a header user,item[,value]");
            }
            String[] names = header.split(",", -1);
            int userCol = -1;
            int itemCol = -1;
            int valueCol = -1;
            for (int c = 0; c < names.length; c++) {
                String name = names[c].trim().toLowerCase(Locale.ROOT);
                if (name.equals("user")) {
                    userCol = c;
                } else if (name.equals("item")) {
                    itemCol = c;
                } else if (name.equals("value") || name.equals("rating")) {
                    valueCol = c;
                }
            }
            if (userCol < 0 || itemCol < 0) {
                throw new IllegalArgumentException(file + ":1: the header must name the columns user and item "
                        + "(and optionally value), got '" + header + "'");
            }
            String line;
            long lineNumber = 1;
            while ((line = r.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != names.length) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": expected " + names.length
                            + " fields as the header, got " + f.length + " in '" + line + "'");
                }
                String user = f[userCol].trim();
                String item = f[itemCol].trim();
                if (user.isEmpty() || item.isEmpty()) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": empty user or item in '" + line
                            + "'");
                }
                float value = 1;
                if (valueCol >= 0 && !binary) {
                    try {
                        value = Float.parseFloat(f[valueCol].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + ":" + lineNumber + ": value must be a number, got '"
                                + f[valueCol] + "'", e);
                    }
                    if (!Float.isFinite(value)) {
                        throw new IllegalArgumentException(file + ":" + lineNumber + ": value must be finite, got '"
                                + f[valueCol] + "'");
                    }
                }
                out.ui.add(new int[] {users.add(user), items.add(item)});
                out.v.add(value);
            }
        }
        return out;
    }

    /**
     * {@return a seeded random holdout: each interaction goes to the test set with probability
     * {@code testFraction}, drawn in entry order from one stream of the seed}
     *
     * @param data         read; interactions (values kept unless {@code binary})
     * @param testFraction in (0, 1)
     * @param seed         seed of the draws
     * @param binary       whether every value becomes 1
     */
    public static RankingSplit random(Interactions data, double testFraction, long seed, boolean binary) {
        checkFraction(data, testFraction);
        Variates rng = new Variates(Seeds.split(seed, 0));
        boolean[] toTest = new boolean[data.size()];
        for (int p = 0; p < toTest.length; p++) {
            toTest[p] = rng.nextDouble() < testFraction;
        }
        return cut(data, toTest, binary, String.format(Locale.ROOT, "random holdout of %.3f, seed %d",
                testFraction, seed));
    }

    /**
     * {@return a per-user holdout: of each user with at least two interactions, {@code round(testFraction n)}
     * (at least 1, at most {@code n - 1}) drawn uniformly without replacement from the user's own stream of the
     * seed ({@code Seeds.split(seed, user)}) go to the test set}
     *
     * @param data         read; interactions
     * @param testFraction in (0, 1)
     * @param seed         seed of the draws
     * @param binary       whether every value becomes 1
     */
    public static RankingSplit perUser(Interactions data, double testFraction, long seed, boolean binary) {
        checkFraction(data, testFraction);
        boolean[] toTest = new boolean[data.size()];
        for (int u = 0; u < data.userCount(); u++) {
            int start = data.userStart(u);
            int n = data.userEnd(u) - start;
            if (n < 2) {
                continue;
            }
            int take = (int) Math.min(n - 1, Math.max(1, Math.round(testFraction * n)));
            int[] order = new int[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Variates rng = new Variates(Seeds.split(seed, u));
            for (int j = 0; j < take; j++) {
                int pick = j + rng.nextInt(n - j);
                int t = order[j];
                order[j] = order[pick];
                order[pick] = t;
                toTest[start + order[j]] = true;
            }
        }
        return cut(data, toTest, binary, String.format(Locale.ROOT, "per-user holdout of %.3f, seed %d",
                testFraction, seed));
    }

    /**
     * {@return leave-last-out: of each user with at least two interactions, the latest one (ties to the larger
     * item index) goes to the test set}
     *
     * @param data   read; interactions with times
     * @param binary whether every value becomes 1
     */
    public static RankingSplit leaveLastOut(Interactions data, boolean binary) {
        Objects.requireNonNull(data, "data");
        boolean[] toTest = new boolean[data.size()];
        for (int u = 0; u < data.userCount(); u++) {
            int start = data.userStart(u);
            int end = data.userEnd(u);
            if (end - start < 2) {
                continue;
            }
            int last = start;
            for (int p = start + 1; p < end; p++) {
                if (data.time(p) >= data.time(last)) {
                    last = p;
                }
            }
            toTest[last] = true;
        }
        return cut(data, toTest, binary, "leave-last-out");
    }

    /**
     * {@return a global time split: interactions before {@code cutoff} train; those at or after it are test
     * interactions only when their user and item occur in the training part (the others are dropped: no
     * recommender can hold them); every interaction is one (user, item) pair, so a test pair is new to its user}
     *
     * @param data         read; interactions with times
     * @param cutoffSecond epoch second of the cut
     * @param binary       whether every value becomes 1
     */
    public static RankingSplit time(Interactions data, long cutoffSecond, boolean binary) {
        Objects.requireNonNull(data, "data");
        boolean[] userSeen = new boolean[data.userCount()];
        boolean[] itemSeen = new boolean[data.itemCount()];
        for (int p = 0; p < data.size(); p++) {
            if (data.time(p) < cutoffSecond) {
                userSeen[data.user(p)] = true;
                itemSeen[data.item(p)] = true;
            }
        }
        boolean[] toTest = new boolean[data.size()];
        boolean[] drop = new boolean[data.size()];
        for (int p = 0; p < data.size(); p++) {
            if (data.time(p) >= cutoffSecond) {
                toTest[p] = userSeen[data.user(p)] && itemSeen[data.item(p)];
                drop[p] = !toTest[p];
            }
        }
        return cut(data, toTest, drop, binary, "time split at epoch second " + cutoffSecond);
    }

    private static void checkFraction(Interactions data, double testFraction) {
        Objects.requireNonNull(data, "data");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
    }

    private static RankingSplit cut(Interactions data, boolean[] toTest, boolean binary, String description) {
        return cut(data, toTest, new boolean[toTest.length], binary, description);
    }

    private static RankingSplit cut(Interactions data, boolean[] toTest, boolean[] drop, boolean binary,
                                    String description) {
        int nTest = 0;
        int nTrain = 0;
        for (int p = 0; p < toTest.length; p++) {
            if (toTest[p]) {
                nTest++;
            } else if (!drop[p]) {
                nTrain++;
            }
        }
        int[][] u = {new int[nTrain], new int[nTest]};
        int[][] i = {new int[nTrain], new int[nTest]};
        float[][] v = {new float[nTrain], new float[nTest]};
        int[] fill = new int[2];
        for (int p = 0; p < toTest.length; p++) {
            if (drop[p] && !toTest[p]) {
                continue;
            }
            int s = toTest[p] ? 1 : 0;
            u[s][fill[s]] = data.user(p);
            i[s][fill[s]] = data.item(p);
            v[s][fill[s]++] = binary ? 1f : data.value(p);
        }
        Ratings[] parts = new Ratings[2];
        for (int s = 0; s < 2; s++) {
            CsrMatrix m = CsrMatrix.fromTriples(data.userCount(), data.itemCount(), u[s], i[s], v[s]);
            parts[s] = Ratings.of(m, scaleOf(v[s]), data.users(), data.items());
        }
        return new RankingSplit(parts[0], parts[1], description);
    }

    private static RatingScale scaleOf(float[] values) {
        double lo = 0;
        double hi = 1;
        for (float x : values) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new RatingScale(lo, hi);
    }

    /** {@return the training interactions} */
    public Ratings train() {
        return train;
    }

    /** {@return the held-out interactions, on the training data's id spaces} */
    public Ratings test() {
        return test;
    }

    /** {@return how the split was made} */
    public String description() {
        return description;
    }

    /** {@return the number of test pairs that are also training pairs (they can never be hit)} */
    public int overlap() {
        CsrMatrix a = train.byUser();
        CsrMatrix b = test.byUser();
        int n = 0;
        for (int u = 0; u < a.rows(); u++) {
            int p = a.rowStart(u);
            int q = b.rowStart(u);
            while (p < a.rowEnd(u) && q < b.rowEnd(u)) {
                int c = Integer.compare(a.columnIndex(p), b.columnIndex(q));
                if (c == 0) {
                    n++;
                }
                if (c <= 0) {
                    p++;
                }
                if (c >= 0) {
                    q++;
                }
            }
        }
        return n;
    }

    /** The description, sizes and id spaces. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RankingSplit (%s): %,d users x %,d items, %,d train and %,d test "
                + "interactions%n", description, train.userCount(), train.itemCount(), train.size(), test.size());
    }
}
