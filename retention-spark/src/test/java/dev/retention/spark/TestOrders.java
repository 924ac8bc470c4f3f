package dev.retention.spark;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded raw order lines with the cases the purchase rules decide (blank and missing customers, cancellations, zero
 * and negative quantities and prices), equal timestamps, and prices whose sums round: the same lines become a
 * Spark dataset and a single-JVM log, in the same order.
 */
final class TestOrders {

    static final StructType SCHEMA = new StructType()
            .add("customer_id", DataTypes.StringType, true)
            .add("order_id", DataTypes.StringType, false)
            .add("item_id", DataTypes.StringType, true)
            .add("time", DataTypes.LongType, false)
            .add("quantity", DataTypes.DoubleType, false)
            .add("unit_price", DataTypes.DoubleType, false)
            .add("cancelled", DataTypes.BooleanType, false)
            .add("line", DataTypes.LongType, false);

    final List<Row> rows;

    private TestOrders(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * Random lines: {@code customers} customers with 1 to 12 orders of 1 to 4 lines over two years, day-granular
     * times with many equal seconds, prices in tenths (sums that round differently in another order).
     */
    static TestOrders random(long seed, int customers, boolean textIds) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        long start = 1_600_000_000L;
        int orderSeq = 0;
        for (int c = 0; c < customers; c++) {
            String id = textIds ? "C" + Integer.toString(c * 7919 % 100_003, 36) : Integer.toString(10_000 + c * 37 % 9_973);
            int orders = 1 + rnd.nextInt(12);
            long t = start + rnd.nextInt(500) * 86_400L;
            for (int o = 0; o < orders; o++) {
                t += rnd.nextInt(60) * 86_400L + (rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(86_400));
                boolean cancel = rnd.nextInt(15) == 0;
                String order = (cancel ? "C" : "") + orderSeq++;
                int lines = 1 + rnd.nextInt(4);
                for (int l = 0; l < lines; l++) {
                    String customer = rnd.nextInt(200) == 0 ? (rnd.nextBoolean() ? null : " ") : id;
                    double q = rnd.nextInt(40) == 0 ? 0 : 1 + rnd.nextInt(6);
                    double p = rnd.nextInt(50) == 0 ? 0 : rnd.nextInt(60) == 0 ? -1.5 : (1 + rnd.nextInt(300)) / 10.0;
                    long lineNo = rows.size();
                    rows.add(RowFactory.create(customer, order, "I" + rnd.nextInt(40), t, q, p, cancel,
                            lineNo));
                }
            }
        }
        // shuffle the input order: the line column keeps the single-JVM input order
        List<Row> shuffled = new ArrayList<>(rows);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Row tmp = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, tmp);
        }
        return new TestOrders(shuffled);
    }

    Dataset<Row> dataset(SparkSession spark) {
        return spark.createDataFrame(rows, SCHEMA).repartition(3);
    }

    /** The single-JVM log of the same lines, added in line order. */
    TransactionLog log(PurchaseRules rules) {
        return log(rules, java.time.ZoneOffset.UTC);
    }

    /** The single-JVM log of the same lines in a zone, added in line order. */
    TransactionLog log(PurchaseRules rules, java.time.ZoneId zone) {
        Row[] byLine = new Row[rows.size()];
        for (Row r : rows) {
            byLine[(int) r.getLong(7)] = r;
        }
        TransactionLog.Builder b = TransactionLog.builder(rules).zone(zone);
        for (Row r : byLine) {
            b.add(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getDouble(4), r.getDouble(5),
                    r.getBoolean(6));
        }
        return b.build();
    }

    static OrderColumns columns() {
        return OrderColumns.defaults().withCancelled("cancelled").withLine("line");
    }
}
