package dev.retention.spark;

import dev.retention.data.TransactionLog;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/** The lines of a single-JVM log as a Spark dataset in {@link TestOrders#SCHEMA}, line numbers in log order. */
final class ShopRows {

    private ShopRows() {
    }

    static Dataset<Row> of(SparkSession spark, TransactionLog log) {
        List<Row> rows = new ArrayList<>(log.size());
        for (int i = 0; i < log.size(); i++) {
            rows.add(RowFactory.create(log.customers().id(log.customer(i)), log.orders().id(log.order(i)),
                    log.item(i) < 0 ? null : log.items().id(log.item(i)), log.time(i), log.quantity(i),
                    log.unitPrice(i), log.isCancellation(i), (long) i));
        }
        return spark.createDataFrame(rows, TestOrders.SCHEMA).repartition(3);
    }
}
