package dev.retention.spark;

import dev.retention.data.TransactionLog;
import dev.retention.random.Seeds;
import dev.retention.synth.SyntheticShop;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A synthetic shop of any size, generated in parallel: core's {@link SyntheticShop} process, partitioned by
 * customer. Part {@code k} of {@code parts} is an independent shop of {@code customers / parts} customers (the
 * first {@code customers % parts} parts one more) generated with the seed {@code Seeds.split(seed, k)}; its
 * customer ids are offset by {@code k * 10^9} (so ids stay numeric and distinct) and its order ids are prefixed with
 * {@code k + "-"}. Items share one catalogue of ids, whose popularity each part draws on its own. The same seed and
 * part count give the same lines whatever the cluster.
 *
 * <p>The lines are the shop's purchase lines after its purchase rules, in the columns of
 * {@link OrderColumns#defaults()} plus a {@code line} number (the part's line index plus {@code k * 10^12}), time in
 * epoch seconds. One part holds {@code customers / parts} customers' lines in memory while it is generated
 * (about 100 bytes per line): choose parts so that each holds a few million lines at most.
 */
public final class SparkShop {

    /** The columns of the generated lines. */
    public static final StructType SCHEMA = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("order_id", DataTypes.StringType, false)
            .add("item_id", DataTypes.StringType, true)
            .add("time", DataTypes.LongType, false)
            .add("quantity", DataTypes.DoubleType, false)
            .add("unit_price", DataTypes.DoubleType, false)
            .add("line", DataTypes.LongType, false);

    private static final long CUSTOMER_OFFSET = 1_000_000_000L;
    private static final long LINE_OFFSET = 1_000_000_000_000L;

    private SparkShop() {
    }

    /**
     * Generates the lines (lazily: nothing runs until the dataset is used).
     *
     * @param spark     the session
     * @param customers customers in all, {@code >= parts}
     * @param parts     independent parts (and partitions), in {@code [1, 100000]}
     * @param seed      the seed
     * @param months    acquisition months of every part, as {@link SyntheticShop.Options#months()}
     * @return the lines, {@code parts} partitions, in {@link #SCHEMA}
     * @throws IllegalArgumentException if a count is out of range
     */
    public static Dataset<Row> generate(SparkSession spark, long customers, int parts, long seed, int months) {
        Objects.requireNonNull(spark, "spark");
        if (parts < 1 || parts > 100_000) {
            throw new IllegalArgumentException("parts must be in [1, 100000], got " + parts);
        }
        if (customers < parts || customers / parts >= CUSTOMER_OFFSET / 2) {
            throw new IllegalArgumentException("customers must be in [parts, parts * 5e8], got " + customers
                    + " for " + parts + " parts");
        }
        long base = customers / parts;
        long extra = customers % parts;
        FlatMapFunction<Long, Row> part = k -> {
            int n = (int) (base + (k < extra ? 1 : 0));
            SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults()
                    .withSeed(Seeds.split(seed, k)).withCustomers(n).withMonths(months));
            TransactionLog log = shop.log();
            List<Row> rows = new ArrayList<>(log.size());
            String prefix = k + "-";
            for (int i = 0; i < log.size(); i++) {
                long id = k * CUSTOMER_OFFSET + log.customers().longId(log.customer(i));
                rows.add(RowFactory.create(Long.toString(id), prefix + log.orders().id(log.order(i)),
                        log.item(i) < 0 ? null : log.items().id(log.item(i)), log.time(i), log.quantity(i),
                        log.unitPrice(i), k * LINE_OFFSET + i));
            }
            return rows.iterator();
        };
        return spark.range(0, parts, 1, parts).as(Encoders.LONG()).flatMap(part, Encoders.row(SCHEMA));
    }
}
