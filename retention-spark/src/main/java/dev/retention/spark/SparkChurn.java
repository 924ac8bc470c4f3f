package dev.retention.spark;

import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.TransactionFeatureOptions;
import dev.retention.churn.dataset.TransactionFeatures;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

/**
 * Churn on Spark: the leakage-free transaction features of retention-churn's {@link TransactionFeatures} at
 * cutoffs, computed partition by partition, and the scoring of a saved {@link ChurnPipelineModel} on every
 * partition from its broadcast model file.
 *
 * <p>Features: the lines are shuffled by customer and sorted by customer, time and line number within each
 * partition; each partition's customers, in chunks of at most {@value #CHUNK_LINES} lines cut at customer
 * boundaries, become a single-JVM log on which {@link TransactionFeatures#compute} runs. Every feature and label
 * depends on one customer's lines only, so the rows equal the single-JVM table's. The observation end (the latest
 * purchase plus one second, unless the options give one) is one aggregation on the driver.
 */
public final class SparkChurn {

    /** The largest number of lines in one single-JVM log built on an executor. */
    public static final int CHUNK_LINES = 500_000;

    /** The key column of the feature rows. */
    public static final String CUTOFF = "cutoff";

    /** The label column of labelled feature rows (1: no purchase within the horizon). */
    public static final String LABEL = "label";

    /** The score column {@link #score} adds. */
    public static final String PROBABILITY = "probability";

    private static final String NO_ROWS = "no customer has a purchase before any of the cutoffs";

    private SparkChurn() {
    }

    /**
     * {@return the schema of feature rows: customer id, cutoff (epoch seconds), the features, and the label when
     * labelled}
     *
     * @param windowDays the windows of the options
     * @param labelled   whether the rows carry labels
     */
    public static StructType featureSchema(int[] windowDays, boolean labelled) {
        StructType s = new StructType().add(SparkOrders.CUSTOMER, DataTypes.StringType, false)
                .add(CUTOFF, DataTypes.LongType, false);
        for (String name : TransactionFeatures.featureNames(windowDays)) {
            s = s.add(name, DataTypes.DoubleType, false);
        }
        return labelled ? s.add(LABEL, DataTypes.IntegerType, false) : s;
    }

    /**
     * Labelled features at every cutoff of the options, as {@link TransactionFeatures#compute}. Lazy, except for
     * the observation end when the options leave it out (one job).
     *
     * @param orders  purchase lines
     * @param options cutoffs, horizon, windows, activity filter, observation end
     * @return one row per customer and cutoff, in {@link #featureSchema featureSchema(windows, true)}
     * @throws IllegalArgumentException if a cutoff's horizon reaches past the observation end
     */
    public static Dataset<Row> features(SparkOrders orders, TransactionFeatureOptions options) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(options, "options");
        TransactionFeatureOptions o = options.observationEnd() != null ? options
                : options.withObservationEnd(Instant.ofEpochSecond(lastPurchase(orders) + 1));
        long end = o.observationEnd().getEpochSecond();
        for (Instant c : o.cutoffs()) {
            if (c.getEpochSecond() + o.horizonDays() * 86_400L > end) {
                throw new IllegalArgumentException("cutoff " + c + " plus the horizon of " + o.horizonDays()
                        + " days reaches past the observation end " + o.observationEnd());
            }
        }
        return run(orders, o.cutoffs(), o.horizonDays(), o.windowDays(), o.activeWithinDays(), end, true);
    }

    /**
     * Unlabelled features at one cutoff, as {@link TransactionFeatures#computeUnlabelled}: the rows to score.
     *
     * @param orders           purchase lines (lines at or after the cutoff are ignored)
     * @param cutoff           the cutoff
     * @param windowDays       the windows, as in training
     * @param activeWithinDays as {@link TransactionFeatureOptions#activeWithinDays()}
     * @return one row per customer active before the cutoff, in {@link #featureSchema featureSchema(windows, false)}
     */
    public static Dataset<Row> unlabelledFeatures(SparkOrders orders, Instant cutoff, int[] windowDays,
                                                  int activeWithinDays) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(cutoff, "cutoff");
        return run(orders, List.of(cutoff), 1, windowDays.clone(), activeWithinDays, Long.MAX_VALUE, false);
    }

    private static Dataset<Row> run(SparkOrders orders, List<Instant> cutoffs, int horizonDays, int[] windows,
                                    int activeWithinDays, long end, boolean labelled) {
        long[] cuts = cutoffs.stream().mapToLong(Instant::getEpochSecond).toArray();
        PurchaseRules.Cancellations cancellations = orders.rules().cancellations();
        boolean keepZeroPrice = orders.rules().keepZeroPrice();
        MapPartitionsFunction<Row, Row> compute = lines -> {
            PurchaseRules rules = new PurchaseRules(cancellations, keepZeroPrice);
            List<Instant> instants = new ArrayList<>();
            for (long c : cuts) {
                instants.add(Instant.ofEpochSecond(c));
            }
            List<Row> out = new ArrayList<>();
            TransactionLog.Builder chunk = TransactionLog.builder(rules);
            String current = null;
            while (lines.hasNext()) {
                Row r = lines.next();
                String customer = r.getString(0);
                if (!customer.equals(current) && chunk.keptCount() >= CHUNK_LINES) {
                    flush(chunk.build(), instants, horizonDays, windows, activeWithinDays, end, labelled, out);
                    chunk = TransactionLog.builder(rules);
                }
                current = customer;
                chunk.add(customer, r.getString(1), r.isNullAt(2) ? null : r.getString(2), r.getLong(3),
                        r.getDouble(4), r.getDouble(5), r.getBoolean(6));
            }
            if (chunk.keptCount() > 0) {
                flush(chunk.build(), instants, horizonDays, windows, activeWithinDays, end, labelled, out);
            }
            return out.iterator();
        };
        return orders.lines()
                .select(SparkOrders.CUSTOMER, SparkOrders.ORDER, SparkOrders.ITEM, SparkOrders.TIME,
                        SparkOrders.QUANTITY, SparkOrders.PRICE, SparkOrders.CANCELLED, SparkOrders.LINE)
                .repartition(col(SparkOrders.CUSTOMER))
                .sortWithinPartitions(SparkOrders.CUSTOMER, SparkOrders.TIME, SparkOrders.LINE)
                .mapPartitions(compute, Encoders.row(featureSchema(windows, labelled)));
    }

    private static void flush(TransactionLog log, List<Instant> cutoffs, int horizonDays, int[] windows,
                              int activeWithinDays, long end, boolean labelled, List<Row> out) {
        CustomerTable table;
        try {
            table = labelled
                    ? TransactionFeatures.compute(log, new TransactionFeatureOptions(cutoffs, horizonDays, windows,
                            activeWithinDays, Instant.ofEpochSecond(end)))
                    : TransactionFeatures.computeUnlabelled(log, cutoffs.get(0), windows, activeWithinDays);
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith(NO_ROWS)) {
                return;     // none of this chunk's customers has a row; other chunks may
            }
            throw e;
        }
        int m = table.columns();
        double[][] columns = new double[m][];
        for (int j = 0; j < m; j++) {
            columns[j] = table.numeric(j);
        }
        int[] labels = labelled ? table.labels() : null;
        for (int i = 0; i < table.rows(); i++) {
            Object[] values = new Object[m + (labelled ? 3 : 2)];
            values[0] = table.key(i);
            values[1] = table.cutoff(i);
            for (int j = 0; j < m; j++) {
                values[2 + j] = columns[j][i];
            }
            if (labelled) {
                values[m + 2] = labels[i];
            }
            out.add(RowFactory.create(values));
        }
    }

    /**
     * Scores feature rows with a saved churn pipeline: the model file is broadcast, read once per executor JVM,
     * and every partition's rows become one single-JVM {@link CustomerTable} (numeric columns by name, the key
     * from the customer id) that the pipeline scores. The probabilities equal the single-JVM pipeline's.
     *
     * @param features rows with the customer id, the pipeline's feature columns by name, and any other columns
     *                 (kept); numeric feature columns are read as doubles
     * @param model    the pipeline
     * @return the rows with a {@value #PROBABILITY} column (lazy)
     */
    public static Dataset<Row> score(Dataset<Row> features, ChurnPipelineModel model) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(model, "model");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(features.sparkSession().sparkContext());
        Broadcast<byte[]> file = jsc.broadcast(model.toBytes());
        StructType in = features.schema();
        String[] names = in.fieldNames();
        int keyAt = in.fieldIndex(SparkOrders.CUSTOMER);
        List<Integer> numericAt = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            if (j != keyAt && in.fields()[j].dataType() instanceof org.apache.spark.sql.types.NumericType) {
                numericAt.add(j);
            }
        }
        int[] columns = numericAt.stream().mapToInt(Integer::intValue).toArray();
        MapPartitionsFunction<Row, Row> scoring = rows -> {
            List<Row> part = new ArrayList<>();
            rows.forEachRemaining(part::add);
            if (part.isEmpty()) {
                return part.iterator();
            }
            ChurnPipelineModel pipeline = BroadcastModels.load(file.value(), ChurnPipelineModel.class);
            int n = part.size();
            CustomerTable.Builder b = CustomerTable.builder(n);
            for (int j : columns) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    Row r = part.get(i);
                    v[i] = r.isNullAt(j) ? Double.NaN : ((Number) r.get(j)).doubleValue();
                }
                b.numeric(names[j], v);
            }
            String[] keys = new String[n];
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = part.get(i).getString(keyAt);
                all[i] = i;
            }
            b.keys(keys);
            double[] p = pipeline.score(b.build(), all).probabilities();
            List<Row> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Row r = part.get(i);
                Object[] values = new Object[r.length() + 1];
                for (int j = 0; j < r.length(); j++) {
                    values[j] = r.get(j);
                }
                values[r.length()] = p[i];
                out.add(RowFactory.create(values));
            }
            return out.iterator();
        };
        return features.mapPartitions(scoring,
                Encoders.row(in.add(PROBABILITY, DataTypes.DoubleType, false)));
    }

    private static long lastPurchase(SparkOrders orders) {
        Row row = orders.lines().where(col(SparkOrders.CANCELLED).unary_$bang()).agg(max(col(SparkOrders.TIME))).first();
        if (row.isNullAt(0)) {
            throw new IllegalArgumentException("the order lines hold no purchase");
        }
        return row.getLong(0);
    }
}
