package dev.retention.spark;

import dev.retention.data.Interactions;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;

/**
 * Purchases (customer x item) from order lines, as the single-JVM {@link Interactions#fromTransactions} derives them:
 * netted cancellation lines and lines without an item are left out, and each customer and item pair gets the number
 * of distinct orders holding it ({@link Interactions.ImplicitValue#ORDERS}, what {@code Ratings.ofPurchases} uses)
 * or of lines ({@link Interactions.ImplicitValue#LINES}). The rows are in the columns that
 * {@link SparkRecommendations} reads: {@value SparkRecommendations#CUSTOMER}, {@value SparkRecommendations#ITEM},
 * {@value SparkRecommendations#VALUE} (a positive whole number, as a double). One aggregation by customer and item
 * (a shuffle). Lazy.
 */
public final class SparkPurchases {

    private SparkPurchases() {
    }

    /**
     * {@return one row per customer and item with the number of distinct orders holding the item}
     *
     * @param orders purchase lines
     */
    public static Dataset<Row> of(SparkOrders orders) {
        return of(orders, Interactions.ImplicitValue.ORDERS);
    }

    /**
     * {@return one row per customer and item with the chosen count}
     *
     * @param orders purchase lines
     * @param value  {@link Interactions.ImplicitValue#ORDERS} or {@link Interactions.ImplicitValue#LINES}
     * @throws IllegalArgumentException for {@link Interactions.ImplicitValue#QUANTITY}: the single-JVM entries hold
     *                                  the quantities summed as {@code float} in line order, which a distributed
     *                                  sum does not reproduce
     */
    public static Dataset<Row> of(SparkOrders orders, Interactions.ImplicitValue value) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(value, "value");
        Column counted = switch (value) {
            case ORDERS -> count_distinct(col(SparkOrders.ORDER));
            case LINES -> count(col(SparkOrders.ORDER));
            case QUANTITY -> throw new IllegalArgumentException("value must be ORDERS or LINES, got QUANTITY (the "
                    + "single-JVM quantities are float sums in line order, which a distributed sum does not repeat)");
        };
        return orders.lines()
                .where(col(SparkOrders.CANCELLED).unary_$bang().and(col(SparkOrders.ITEM).isNotNull()))
                .groupBy(col(SparkOrders.CUSTOMER).as(SparkRecommendations.CUSTOMER),
                        col(SparkOrders.ITEM).as(SparkRecommendations.ITEM))
                .agg(counted.cast(DataTypes.DoubleType).as(SparkRecommendations.VALUE));
    }
}
