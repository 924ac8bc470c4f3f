package dev.retention.spark;

import dev.retention.rfm.RfmModel;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

/**
 * The result of {@link SparkRfm}: the per-customer table and the single-JVM model over its quintile edges.
 * Immutable; the table is a cached Spark dataset with the columns {@code customer_id, recency, frequency,
 * monetary, r, f, m, score, segment}.
 */
public final class SparkRfmResult {

    private final Dataset<Row> table;
    private final RfmModel model;
    private final Instant asOf;
    private final long customers;
    private final String method;

    SparkRfmResult(Dataset<Row> table, RfmModel model, Instant asOf, long customers, String method) {
        this.table = Objects.requireNonNull(table, "table");
        this.model = Objects.requireNonNull(model, "model");
        this.asOf = asOf;
        this.customers = customers;
        this.method = method;
    }

    /** {@return the per-customer table (cached)} */
    public Dataset<Row> table() {
        return table;
    }

    /** {@return the model over the fitted edges; its file loads with {@code Models.load}} */
    public RfmModel model() {
        return model;
    }

    /** {@return the as-of instant} */
    public Instant asOf() {
        return asOf;
    }

    /** {@return the number of customers scored} */
    public long customers() {
        return customers;
    }

    /** {@return how the quintiles were found: {@code "exact"} or the approximate mode and its error} */
    public String method() {
        return method;
    }

    /** {@return the number of customers per segment, in the segment map's order, segments without customers left out} */
    public Map<String, Long> segmentCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Row> rows = table.groupBy("segment").count().collectAsList();
        for (String name : model.segments().names()) {
            for (Row r : rows) {
                if (name.equals(r.getString(0))) {
                    counts.put(name, r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** {@return the means of recency, frequency and monetary value over the customers} One Spark job. */
    public double[] means() {
        Row r = table.agg(avg(col("recency")), avg(col("frequency")), avg(col("monetary"))).first();
        return new double[] {r.getDouble(0), r.getDouble(1), r.getDouble(2)};
    }
}
