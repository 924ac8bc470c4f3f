package dev.retention.spark;

import dev.retention.data.IdIndex;
import dev.retention.model.FitSummary;
import dev.retention.primitive.FloatList;
import dev.retention.primitive.IntList;
import dev.retention.primitive.LongList;
import dev.retention.recsys.ItemRecommender;
import dev.retention.recsys.RatingModel;
import dev.retention.recsys.RatingScale;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.Recommendations;
import dev.retention.recsys.TopN;
import dev.retention.recsys.TopNOptions;
import dev.retention.recsys.itemknn.ItemKnnModel;
import dev.retention.recsys.itemknn.ItemKnnOptions;
import dev.retention.recsys.sparse.CsrMatrix;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Recommendations on Spark, from purchases given as rows of customer, item and an optional positive value (the
 * columns {@value #CUSTOMER}, {@value #ITEM} and {@value #VALUE}; without a value column every row counts 1; rows of
 * one customer and item add up; rows without an item are left out).
 *
 * <p>{@link #topN}: the top-N lists of every customer from a saved recsys model, broadcast as its model file and
 * read once per executor JVM ({@link BroadcastModels}); the purchases are shuffled by customer and each customer is
 * folded in by the single-JVM code ({@link TopN#recommendNew}), their items in the model's item order, so that the
 * lists are the single-JVM lists.
 *
 * <p>{@link #itemSimilarities} and {@link #itemKnn}: item-kNN's cosine similarity ({@code W^T W} of the column-normalised
 * interactions, the {@code K} largest of each item's row, the item itself among them) as a blocked sparse product
 * on partitions: items are cut into blocks (dense item index modulo the number of blocks), every customer's basket is
 * sent to each block that holds one of its items, and each block computes its items' rows of {@code W^T W} with a
 * dense accumulator, terms summed in customer order, so that the similarities are the single-JVM
 * {@code ItemKnn} similarities bit for bit on the same interaction values, customers and items being ordered
 * alike (ids in numeric order when every id is the canonical text of a long, else as text). A pair given in several
 * rows of non-integer values is summed in no fixed order, so its value may differ in the last bit. When every value
 * is the same (a purchase flag), {@code ItemKnn} takes its factored form (item factors times the count of co-buyers)
 * and the two agree to rounding (1e-6 relative on the kept values; on near ties they may keep different neighbours).
 */
public final class SparkRecommendations {

    /** The customer column of purchases and of the lists. */
    public static final String CUSTOMER = "customer";
    /** The item column of purchases, lists and similarities. */
    public static final String ITEM = "item";
    /** The optional value column of purchases (finite, {@code > 0}). */
    public static final String VALUE = "value";
    /** The rank column of the lists, 1 for the best item. */
    public static final String RANK = "rank";
    /** The score column of the lists. */
    public static final String SCORE = "score";
    /** The neighbour column of the similarities. */
    public static final String NEIGHBOUR = "neighbour";
    /** The similarity column of the similarities. */
    public static final String SIMILARITY = "similarity";

    private static final String INDEX = "item_index";
    private static final String NEIGHBOUR_INDEX = "neighbour_index";
    private static final String BLOCK = "block";
    private static final String WEIGHT = "weight";

    private SparkRecommendations() {
    }

    /** {@return the schema of the top-N rows: customer, rank (1 = best), item, score} */
    public static StructType topNSchema() {
        return new StructType().add(CUSTOMER, DataTypes.StringType, false).add(RANK, DataTypes.IntegerType, false)
                .add(ITEM, DataTypes.StringType, false).add(SCORE, DataTypes.DoubleType, false);
    }

    /** {@return the schema of the similarity rows: item, neighbour, similarity} */
    public static StructType similaritySchema() {
        return new StructType().add(ITEM, DataTypes.StringType, false).add(NEIGHBOUR, DataTypes.StringType, false)
                .add(SIMILARITY, DataTypes.DoubleType, false);
    }

    /**
     * The top-N list of every customer of the purchases, by fold-in: each customer's purchases of the model's items
     * (others are ignored) are scored by {@link ItemRecommender#scoreItems(int[], float[], double[])} and listed by
     * {@link TopN#recommendNew}, so the rows are the single-JVM lists; a customer with no purchase of a model item
     * gets no row. The options' item filter is evaluated once per item on the driver; their thread count does not
     * apply (Spark's tasks run in parallel). One shuffle, by customer. Lazy.
     *
     * @param purchases customer, item and optional value columns (see the class comment)
     * @param model     a recsys model (item-kNN, ALS, EASE, BPR, popularity, hybrid...); it travels as its model file
     * @param options   list length, exclusion of the bought items, item filter
     * @param <M>       the model's type
     * @return rows in {@link #topNSchema()}, ranks 1..n per customer
     * @throws IllegalArgumentException if a column is missing; a value that is not finite and positive fails the job
     *                                  naming it, its customer and item
     */
    public static <M extends RatingModel & ItemRecommender> Dataset<Row> topN(Dataset<Row> purchases, M model,
                                                                             TopNOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        Dataset<Row> p = normalise(purchases);
        BitSet banned = new BitSet(model.itemCount());
        for (int i = 0; i < model.itemCount(); i++) {
            if (!options.allowed().test(i)) {
                banned.set(i);
            }
        }
        int n = options.n();
        boolean excludeSeen = options.excludeSeen();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(p.sparkSession().sparkContext());
        Broadcast<byte[]> file = jsc.broadcast(model.toBytes());
        MapPartitionsFunction<Row, Row> lists = rows -> {
            if (!rows.hasNext()) {
                return rows;
            }
            RatingModel m = BroadcastModels.load(file.value(), RatingModel.class);
            TopNOptions o = TopNOptions.defaults().withN(n).withExcludeSeen(excludeSeen)
                    .withAllowed(i -> !banned.get(i));
            return new ListsIterator(rows, m, o);
        };
        return p.repartition(col(CUSTOMER)).sortWithinPartitions(CUSTOMER)
                .mapPartitions(lists, Encoders.row(topNSchema()));
    }

    /**
     * Item-kNN's cosine similarity computed on partitions: the {@code options.neighbours()} most similar items of
     * every item (the item itself included, ties to the smaller item in id order), as {@code ItemKnn.fit} with
     * {@link ItemKnnOptions.Weighting#COSINE} computes them. Shuffles: the sum per customer and item, the item
     * index (a sort), the column norms (by item), the baskets (by customer) and the blocks (by block); the blocks'
     * shuffle carries each basket once per block it touches, and each block's task holds its baskets and a
     * {@code double} per catalogue item. Runs two small jobs at once (the id orders, the item index).
     *
     * @param purchases customer, item and optional value columns
     * @param options   cosine weighting and the neighbours K; {@code threads} does not apply
     * @param blocks    the number of item blocks, {@code >= 1}: more blocks, smaller tasks, more baskets sent
     * @return rows in {@link #similaritySchema()}, one per item and kept neighbour (lazy)
     * @throws IllegalArgumentException if the weighting is not cosine, {@code blocks < 1} or a column is missing
     */
    public static Dataset<Row> itemSimilarities(Dataset<Row> purchases, ItemKnnOptions options, int blocks) {
        Similarity s = similarity(purchases, options, blocks);
        Dataset<Row> items = s.itemIndex;
        Dataset<Row> ids = items.withColumnRenamed(ITEM, NEIGHBOUR).withColumnRenamed(INDEX, NEIGHBOUR_INDEX);
        return s.rows.join(items, INDEX).join(ids, NEIGHBOUR_INDEX)
                .select(col(ITEM), col(NEIGHBOUR), col(SIMILARITY).cast(DataTypes.DoubleType));
    }

    /**
     * Item-kNN fitted on Spark: the similarity of {@link #itemSimilarities}, and the interactions, collected on the
     * driver into the library's {@link ItemKnnModel} (whose model file holds both: the driver needs about 12 bytes
     * per interaction and per similarity). The model equals {@code ItemKnn.fit} on the same interactions
     * ({@code Ratings.ofPurchases} of the same purchases: values are the summed values as {@code float}, on the
     * scale {@code [0, max(1, largest value)]}) under the orders of the class comment, so its file serves in a
     * Java service unchanged.
     *
     * @param purchases customer, item and optional value columns
     * @param options   cosine weighting and the neighbours K
     * @param blocks    the number of item blocks, {@code >= 1}
     * @return the model
     * @throws IllegalArgumentException if the weighting is not cosine, {@code blocks < 1}, a column is missing or
     *                                  there is no purchase
     */
    public static ItemKnnModel itemKnn(Dataset<Row> purchases, ItemKnnOptions options, int blocks) {
        long start = System.nanoTime();
        Similarity s = similarity(purchases, options, blocks);
        List<Row> itemRows = s.itemIndex.orderBy(INDEX).collectAsList();
        if (itemRows.isEmpty()) {
            throw new IllegalArgumentException("the purchases hold no purchase with an item");
        }
        IdIndex items = ids(itemRows, s.numericItems);
        List<Row> customerRows = s.pairs.select(CUSTOMER).distinct().orderBy(key(CUSTOMER, s.numericCustomers))
                .collectAsList();
        IdIndex users = ids(customerRows, s.numericCustomers);
        List<Row> pairs = s.indexed.select(CUSTOMER, INDEX, VALUE).collectAsList();
        int nnz = pairs.size();
        int[] u = new int[nnz];
        int[] i = new int[nnz];
        float[] v = new float[nnz];
        float largest = 1;
        for (int p = 0; p < nnz; p++) {
            Row r = pairs.get(p);
            u[p] = users.indexOf(r.getString(0));
            i[p] = r.getInt(1);
            v[p] = r.getFloat(2);
            largest = Math.max(largest, v[p]);
        }
        Ratings train = Ratings.of(CsrMatrix.fromTriples(users.size(), items.size(), u, i, v),
                new RatingScale(0, largest), users, items);
        List<Row> sims = s.rows.collectAsList();
        int m = sims.size();
        int[] a = new int[m];
        int[] b = new int[m];
        float[] w = new float[m];
        for (int p = 0; p < m; p++) {
            Row r = sims.get(p);
            a[p] = r.getInt(0);
            b[p] = r.getInt(1);
            w[p] = r.getFloat(2);
        }
        CsrMatrix similarity = CsrMatrix.fromTriples(items.size(), items.size(), a, b, w);
        FitSummary summary = FitSummary.builder("item-kNN (cosine)").options(options)
                .choice(String.format(Locale.ROOT, "similarity: cosine co-occurrence on Spark in %d item blocks, "
                        + "the %d largest per item (the item itself included), %,d entries", blocks,
                        options.neighbours(), similarity.nnz()))
                .data(train.fingerprint()).secondsSince(start).build();
        summary.logTo(SparkRecommendations.class);
        return ItemKnnModel.of(train, similarity, options, summary);
    }

    /** The pieces of the distributed similarity: rows of (item index, neighbour index, float similarity). */
    private record Similarity(Dataset<Row> pairs, Dataset<Row> itemIndex, Dataset<Row> indexed, Dataset<Row> rows,
                              boolean numericCustomers, boolean numericItems) {
    }

    private static Similarity similarity(Dataset<Row> purchases, ItemKnnOptions options, int blocks) {
        Objects.requireNonNull(options, "options");
        if (options.weighting() != ItemKnnOptions.Weighting.COSINE) {
            throw new IllegalArgumentException("the weighting must be cosine on Spark, got " + options.weighting().label());
        }
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks must be >= 1, got " + blocks);
        }
        Dataset<Row> p = normalise(purchases);
        SparkSession spark = p.sparkSession();
        boolean numericCustomers = numeric(p, CUSTOMER);
        boolean numericItems = numeric(p, ITEM);
        // one row per customer and item, the value summed and held as the float the single JVM holds
        Dataset<Row> pairs = p.groupBy(CUSTOMER, ITEM).agg(sum(VALUE).cast(DataTypes.FloatType).as(VALUE)).cache();
        Dataset<Row> sorted = pairs.select(ITEM).distinct().orderBy(key(ITEM, numericItems));
        StructType indexSchema = new StructType().add(ITEM, DataTypes.StringType, false)
                .add(INDEX, DataTypes.IntegerType, false);
        Dataset<Row> itemIndex = spark.createDataFrame(sorted.javaRDD().zipWithIndex()
                .map(t -> RowFactory.create(t._1().getString(0), Math.toIntExact(t._2()))), indexSchema).cache();
        long itemCount = itemIndex.count();
        if (itemCount > Integer.MAX_VALUE - 9) {
            throw new IllegalArgumentException("the purchases hold " + itemCount + " items, more than an item index "
                    + "holds");
        }
        int n = (int) itemCount;
        Dataset<Row> indexed = pairs.join(itemIndex, ITEM).select(CUSTOMER, INDEX, VALUE);
        Column customerKey = key(CUSTOMER, numericCustomers);

        // each item's column scaled to unit norm, squares summed in customer order
        StructType weightSchema = new StructType().add(CUSTOMER, DataTypes.StringType, false)
                .add(INDEX, DataTypes.IntegerType, false).add(WEIGHT, DataTypes.FloatType, false);
        MapPartitionsFunction<Row, Row> weigh = rows -> new ColumnWeights(rows);
        Dataset<Row> weights = indexed.repartition(col(INDEX)).sortWithinPartitions(col(INDEX), customerKey)
                .mapPartitions(weigh, Encoders.row(weightSchema));

        // every basket to each block holding one of its items
        StructType blockSchema = new StructType().add(BLOCK, DataTypes.IntegerType, false)
                .add(CUSTOMER, DataTypes.StringType, false).add(INDEX, DataTypes.IntegerType, false)
                .add(WEIGHT, DataTypes.FloatType, false);
        MapPartitionsFunction<Row, Row> send = rows -> new BasketsToBlocks(rows, blocks);
        Dataset<Row> sent = weights.repartition(col(CUSTOMER)).sortWithinPartitions(CUSTOMER)
                .mapPartitions(send, Encoders.row(blockSchema));

        StructType simSchema = new StructType().add(INDEX, DataTypes.IntegerType, false)
                .add(NEIGHBOUR_INDEX, DataTypes.IntegerType, false).add(SIMILARITY, DataTypes.FloatType, false);
        int k = options.neighbours();
        MapPartitionsFunction<Row, Row> products = rows -> blockProducts(rows, blocks, n, k);
        Dataset<Row> rows = sent.repartition(blocks, col(BLOCK)).sortWithinPartitions(col(BLOCK), customerKey,
                col(INDEX)).mapPartitions(products, Encoders.row(simSchema));
        return new Similarity(pairs, itemIndex, indexed, rows, numericCustomers, numericItems);
    }

    /**
     * The rows of {@code W^T W} of the blocks of a partition (rows sorted by block, customer and item), the
     * {@code k} largest of each row, ties to the smaller item; terms summed in customer order in {@code double}.
     */
    private static Iterator<Row> blockProducts(Iterator<Row> rows, int blocks, int n, int k) {
        List<Row> out = new ArrayList<>();
        double[] acc = new double[n];
        boolean[] touched = new boolean[n];
        int[] touchedList = new int[n];
        Row pending = rows.hasNext() ? rows.next() : null;
        while (pending != null) {
            int block = pending.getInt(0);
            // the block's baskets, in customer order
            IntList basketStarts = new IntList();
            IntList items = new IntList();
            FloatList weights = new FloatList();
            String customer = null;
            while (pending != null && pending.getInt(0) == block) {
                if (!pending.getString(1).equals(customer)) {
                    customer = pending.getString(1);
                    basketStarts.add(items.size());
                }
                items.add(pending.getInt(2));
                weights.add(pending.getFloat(3));
                pending = rows.hasNext() ? rows.next() : null;
            }
            basketStarts.add(items.size());
            int[] basketStart = basketStarts.toArrayAndClear();
            int[] item = items.toArrayAndClear();
            float[] weight = weights.toArray();
            // the block's items' entries (item, entry), the entries of one item in customer order
            long[] own = new long[item.length];
            int m = 0;
            for (int e = 0; e < item.length; e++) {
                if (item[e] % blocks == block) {
                    own[m++] = ((long) item[e] << 32) | e;
                }
            }
            Arrays.sort(own, 0, m);
            int[] basketOf = new int[item.length];
            for (int c = 0; c + 1 < basketStart.length; c++) {
                Arrays.fill(basketOf, basketStart[c], basketStart[c + 1], c);
            }
            int[] heapIdx = new int[k];
            double[] heapVal = new double[k];
            for (int g = 0; g < m; ) {
                int x = (int) (own[g] >>> 32);
                int touchedCount = 0;
                for (; g < m && (int) (own[g] >>> 32) == x; g++) {
                    int e = (int) own[g];
                    int c = basketOf[e];
                    double a = weight[e];
                    for (int q = basketStart[c]; q < basketStart[c + 1]; q++) {
                        int j = item[q];
                        acc[j] += a * weight[q];
                        if (!touched[j]) {
                            touched[j] = true;
                            touchedList[touchedCount++] = j;
                        }
                    }
                }
                Arrays.sort(touchedList, 0, touchedCount);
                int kept = 0;
                for (int t = 0; t < touchedCount; t++) {
                    int j = touchedList[t];
                    double v = acc[j];
                    acc[j] = 0;
                    touched[j] = false;
                    if (v != 0) {
                        kept = offer(heapIdx, heapVal, kept, k, j, v);
                    }
                }
                for (int t = 0; t < kept; t++) {
                    out.add(RowFactory.create(x, heapIdx[t], (float) heapVal[t]));
                }
            }
        }
        return out.iterator();
    }

    /** Keeps the k best (value descending, then index ascending) of the cells offered; returns how many. */
    private static int offer(int[] heapIdx, double[] heapVal, int size, int k, int j, double v) {
        if (size < k) {
            heapIdx[size] = j;
            heapVal[size] = v;
            return size + 1;
        }
        int worst = 0;
        for (int t = 1; t < size; t++) {
            if (heapVal[t] < heapVal[worst] || (heapVal[t] == heapVal[worst] && heapIdx[t] > heapIdx[worst])) {
                worst = t;
            }
        }
        // cells come in index order: an equal later cell ranks below
        if (v > heapVal[worst]) {
            heapIdx[worst] = j;
            heapVal[worst] = v;
        }
        return size;
    }

    private static Dataset<Row> normalise(Dataset<Row> purchases) {
        Objects.requireNonNull(purchases, "purchases");
        List<String> have = Arrays.asList(purchases.columns());
        for (String c : List.of(CUSTOMER, ITEM)) {
            if (!have.contains(c)) {
                throw new IllegalArgumentException("the purchases must have a column '" + c + "', whose columns are "
                        + have);
            }
        }
        Column customer = col(CUSTOMER).cast(DataTypes.StringType);
        Column item = col(ITEM).cast(DataTypes.StringType);
        Column value = have.contains(VALUE) ? col(VALUE).cast(DataTypes.DoubleType) : lit(1.0);
        Column bad = value.isNull().or(isnan(value)).or(value.leq(0)).or(value.equalTo(Double.POSITIVE_INFINITY));
        Column checkedValue = when(bad, raise_error(concat(lit("value must be finite and > 0, got "),
                coalesce(value.cast(DataTypes.StringType), lit("null")), lit(" for customer '"),
                coalesce(customer, lit("null")), lit("' and item '"), item, lit("'"))).cast(DataTypes.DoubleType))
                .otherwise(value);
        Column checkedCustomer = when(customer.isNull(), raise_error(concat(lit("customer must not be null, got null "
                + "for item '"), item, lit("'"))).cast(DataTypes.StringType)).otherwise(customer);
        return purchases.where(col(ITEM).isNotNull())
                .select(checkedCustomer.as(CUSTOMER), item.as(ITEM), checkedValue.as(VALUE));
    }

    /** Whether every id of the column is the canonical text of a long (then ids sort as numbers). */
    private static boolean numeric(Dataset<Row> p, String column) {
        Column asText = expr("try_cast(" + column + " as bigint)").cast(DataTypes.StringType);
        return p.where(asText.isNull().or(asText.notEqual(col(column)))).limit(1).count() == 0;
    }

    private static Column key(String column, boolean numeric) {
        return numeric ? col(column).cast(DataTypes.LongType) : col(column);
    }

    private static IdIndex ids(List<Row> rows, boolean numeric) {
        if (numeric) {
            long[] ids = new long[rows.size()];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = Long.parseLong(rows.get(t).getString(0));
            }
            return IdIndex.ofLongs(ids);
        }
        String[] ids = new String[rows.size()];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = rows.get(t).getString(0);
        }
        return IdIndex.ofStrings(ids);
    }

    /**
     * Rows made one group of input rows at a time (the input sorted by the groups' key): {@link #nextGroup()} reads
     * the group that starts at {@code pending} and queues its output rows, none or more.
     */
    private abstract static class GroupIterator implements Iterator<Row> {
        final Iterator<Row> rows;
        final ArrayDeque<Row> ready = new ArrayDeque<>();
        Row pending;

        GroupIterator(Iterator<Row> rows) {
            this.rows = rows;
            this.pending = rows.hasNext() ? rows.next() : null;
        }

        /** Reads the group that starts at {@code pending}, leaving {@code pending} at the next group's first row. */
        abstract void nextGroup();

        @Override
        public final boolean hasNext() {
            while (ready.isEmpty() && pending != null) {
                nextGroup();
            }
            return !ready.isEmpty();
        }

        @Override
        public final Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }
    }

    /** The top-N rows of a partition's customers (rows sorted by customer), customer by customer. */
    private static final class ListsIterator extends GroupIterator {
        private final RatingModel model;
        private final ItemRecommender recommender;
        private final TopNOptions options;

        ListsIterator(Iterator<Row> rows, RatingModel model, TopNOptions options) {
            super(rows);
            if (!(model instanceof ItemRecommender r)) {
                throw new IllegalArgumentException("the model must be an item recommender, got " + model.name());
            }
            this.model = model;
            this.recommender = r;
            this.options = options;
        }

        @Override
        void nextGroup() {
            String customer = pending.getString(0);
            IdIndex items = model.items();
            LongList entries = new LongList();
            List<Double> values = new ArrayList<>();
            while (pending != null && pending.getString(0).equals(customer)) {
                int i = items.indexOf(pending.getString(1));
                if (i >= 0) {
                    entries.add(((long) i << 32) | values.size());
                    values.add(pending.getDouble(2));
                }
                pending = rows.hasNext() ? rows.next() : null;
            }
            if (entries.isEmpty()) {
                return;
            }
            long[] sorted = entries.toArrayAndClear();
            Arrays.sort(sorted);     // by item index, then input order
            int[] bought = new int[sorted.length];
            float[] amounts = new float[sorted.length];
            int m = 0;
            for (int t = 0; t < sorted.length; ) {
                int i = (int) (sorted[t] >>> 32);
                double total = 0;
                for (; t < sorted.length && (int) (sorted[t] >>> 32) == i; t++) {
                    total += values.get((int) sorted[t]);
                }
                bought[m] = i;
                amounts[m++] = (float) total;
            }
            Recommendations r = TopN.recommendNew(recommender, model.users(), items, Arrays.copyOf(bought, m),
                    Arrays.copyOf(amounts, m), options);
            for (int t = 0; t < r.size(); t++) {
                ready.add(RowFactory.create(customer, t + 1, r.itemId(t), (double) r.score(t)));
            }
        }
    }

    /**
     * Each item's entries (rows sorted by item, then customer) with the item's column scaled to unit L2 norm, the
     * squares summed in customer order, as item-kNN's cosine weighting.
     */
    private static final class ColumnWeights extends GroupIterator {

        ColumnWeights(Iterator<Row> rows) {
            super(rows);
        }

        @Override
        void nextGroup() {
            int item = pending.getInt(1);
            List<Row> column = new ArrayList<>();
            double squares = 0;
            while (pending != null && pending.getInt(1) == item) {
                double v = pending.getFloat(2);
                squares += v * v;
                column.add(pending);
                pending = rows.hasNext() ? rows.next() : null;
            }
            double norm = Math.sqrt(squares);
            for (Row r : column) {
                ready.add(RowFactory.create(r.getString(0), item, (float) (r.getFloat(2) / norm)));
            }
        }
    }

    /** Each basket (rows sorted by customer) sent to each block that holds one of its items. */
    private static final class BasketsToBlocks extends GroupIterator {
        private final int blocks;

        BasketsToBlocks(Iterator<Row> rows, int blocks) {
            super(rows);
            this.blocks = blocks;
        }

        @Override
        void nextGroup() {
            String customer = pending.getString(0);
            List<Row> basket = new ArrayList<>();
            BitSet touched = new BitSet(Math.min(blocks, 1024));
            while (pending != null && pending.getString(0).equals(customer)) {
                basket.add(pending);
                touched.set(pending.getInt(1) % blocks);
                pending = rows.hasNext() ? rows.next() : null;
            }
            for (int b = touched.nextSetBit(0); b >= 0; b = touched.nextSetBit(b + 1)) {
                for (Row r : basket) {
                    ready.add(RowFactory.create(b, customer, r.getInt(1), r.getFloat(2)));
                }
            }
        }
    }
}
