package dev.retention.spark;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.util.Arrays;
import java.util.Objects;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

/**
 * Order lines in the jobs' normal form: the purchase lines of a {@code Dataset<Row>} by the single-JVM
 * {@link PurchaseRules}, with the columns {@value #CUSTOMER} (text), {@value #ORDER} (text), {@value #ITEM} (text or
 * null), {@value #TIME} (epoch seconds), {@value #QUANTITY}, {@value #PRICE}, {@value #AMOUNT} (quantity times unit
 * price), {@value #CANCELLED} (a netted cancellation line) and {@value #LINE} (the order of lines of equal time).
 * Immutable; the dataset is lazy, so building one runs no Spark job.
 *
 * <p>The rules are the single-JVM log builder's, applied in its order: a line needs a customer id that is not
 * blank ({@link Character#isWhitespace} characters only), a cancellation line is skipped (or, with
 * {@link PurchaseRules.Cancellations#NET}, kept with quantity {@code -|quantity|} when the quantity is not 0), a
 * purchase needs a quantity above 0, and every kept line a unit price above 0 (or exactly 0 with
 * {@link PurchaseRules#keepZeroPrice()}). A quantity or unit price that is not finite or beyond
 * {@link TransactionLog#MAX_MAGNITUDE} fails the job with the column, the value, the customer and the order named,
 * as the single-JVM builder refuses it.
 */
public final class SparkOrders {

    /** The customer id column of the normal form. */
    public static final String CUSTOMER = "customer_id";
    /** The order id column of the normal form. */
    public static final String ORDER = "order_id";
    /** The item id column of the normal form (null without items). */
    public static final String ITEM = "item_id";
    /** The time column of the normal form, epoch seconds. */
    public static final String TIME = "t";
    /** The quantity column of the normal form (negative on netted cancellation lines). */
    public static final String QUANTITY = "quantity";
    /** The unit price column of the normal form. */
    public static final String PRICE = "unit_price";
    /** The line amount column of the normal form, quantity times unit price. */
    public static final String AMOUNT = "amount";
    /** The netted-cancellation flag column of the normal form. */
    public static final String CANCELLED = "cancelled";
    /** The input order column of the normal form. */
    public static final String LINE = "line";

    private final Dataset<Row> lines;
    private final PurchaseRules rules;

    private SparkOrders(Dataset<Row> lines, PurchaseRules rules) {
        this.lines = lines;
        this.rules = rules;
    }

    /**
     * {@return the purchase lines of order lines with the default column names and purchase rules}
     *
     * @param orders order lines with the columns of {@link OrderColumns#defaults()}
     */
    public static SparkOrders of(Dataset<Row> orders) {
        return of(orders, OrderColumns.defaults(), PurchaseRules.defaults());
    }

    /**
     * {@return the purchase lines of order lines}
     *
     * @param orders  order lines
     * @param columns which column holds what
     * @param rules   which lines are purchases
     * @throws IllegalArgumentException if a named column is missing (its role, its name and the columns there are)
     */
    public static SparkOrders of(Dataset<Row> orders, OrderColumns columns, PurchaseRules rules) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rules, "rules");
        String[] have = orders.columns();
        require(have, "customer", columns.customer());
        require(have, "order", columns.order());
        require(have, "time", columns.time());
        require(have, "quantity", columns.quantity());
        require(have, "unitPrice", columns.unitPrice());
        if (columns.item() != null) {
            require(have, "item", columns.item());
        }
        if (columns.cancelled() != null) {
            require(have, "cancelled", columns.cancelled());
        }
        if (columns.line() != null) {
            require(have, "line", columns.line());
        }
        DataType timeType = orders.schema().apply(columns.time()).dataType();
        Column time = timeType instanceof org.apache.spark.sql.types.TimestampType
                || timeType instanceof org.apache.spark.sql.types.TimestampNTZType
                ? expr("unix_seconds(" + quote(columns.time()) + ")")
                : col(columns.time()).cast(DataTypes.LongType);
        Column customer = col(columns.customer()).cast(DataTypes.StringType);
        Column order = col(columns.order()).cast(DataTypes.StringType);
        Column q = checked(col(columns.quantity()).cast(DataTypes.DoubleType), "quantity", customer, order);
        Column p = checked(col(columns.unitPrice()).cast(DataTypes.DoubleType), "unitPrice", customer, order);
        Column cancelled = columns.cancelled() == null ? lit(false)
                : coalesce(col(columns.cancelled()).cast(DataTypes.BooleanType), lit(false));
        Column line = columns.line() == null ? monotonically_increasing_id()
                : col(columns.line()).cast(DataTypes.LongType);
        Dataset<Row> typed = orders.select(
                customer.as(CUSTOMER),
                order.as(ORDER),
                (columns.item() == null ? lit(null).cast(DataTypes.StringType)
                        : col(columns.item()).cast(DataTypes.StringType)).as(ITEM),
                time.as(TIME), q.as("q0"), p.as(PRICE), cancelled.as(CANCELLED), line.as(LINE));

        Column hasCustomer = col(CUSTOMER).isNotNull().and(col(CUSTOMER).rlike("^\\p{javaWhitespace}*$").unary_$bang());
        Column isCancel = col(CANCELLED);
        Column quantityOk = rules.cancellations() == PurchaseRules.Cancellations.SKIP
                ? isCancel.unary_$bang().and(col("q0").gt(0))
                : when(isCancel, col("q0").notEqual(0)).otherwise(col("q0").gt(0));
        Column priceOk = rules.keepZeroPrice() ? col(PRICE).geq(0) : col(PRICE).gt(0);
        Column quantity = when(isCancel, abs(col("q0")).unary_$minus()).otherwise(col("q0"));
        Dataset<Row> kept = typed.where(hasCustomer.and(quantityOk).and(priceOk).and(col(TIME).isNotNull())
                        .and(col(ORDER).isNotNull()))
                .withColumn(QUANTITY, quantity)
                .withColumn(AMOUNT, col(QUANTITY).multiply(col(PRICE)))
                .select(CUSTOMER, ORDER, ITEM, TIME, QUANTITY, PRICE, AMOUNT, CANCELLED, LINE);
        return new SparkOrders(kept, rules);
    }

    /** {@return the purchase lines in the normal form (lazy)} */
    public Dataset<Row> lines() {
        return lines;
    }

    /** {@return the purchase rules the lines were kept by} */
    public PurchaseRules rules() {
        return rules;
    }

    /**
     * {@return whether every customer id is the canonical decimal text of a long, so that ids are ordered as numbers
     * (as the single-JVM {@code IdIndex} orders them), rather than as text} One Spark job.
     */
    public boolean numericCustomerIds() {
        return lines.where(expr("try_cast(" + CUSTOMER + " as bigint)").cast(DataTypes.StringType).isNull()
                        .or(expr("try_cast(" + CUSTOMER + " as bigint)").cast(DataTypes.StringType)
                                .notEqual(col(CUSTOMER))))
                .limit(1).count() == 0;
    }

    /**
     * {@return the column that orders customers by id as the single-JVM index does: as numbers or as text}
     *
     * @param numeric from {@link #numericCustomerIds()}
     */
    static Column customerKey(boolean numeric) {
        return numeric ? col(CUSTOMER).cast(DataTypes.LongType) : col(CUSTOMER);
    }

    private static Column checked(Column value, String name, Column customer, Column order) {
        Column bad = isnan(value).or(abs(value).gt(TransactionLog.MAX_MAGNITUDE));
        return when(bad, raise_error(concat(lit(name + " must be finite and within +-" + TransactionLog.MAX_MAGNITUDE
                + ", got "), value.cast(DataTypes.StringType), lit(" for customer '"), coalesce(customer, lit("null")),
                lit("', order '"), coalesce(order, lit("null")), lit("'"))).cast(DataTypes.DoubleType))
                .otherwise(value);
    }

    private static void require(String[] have, String role, String name) {
        for (String h : have) {
            if (h.equals(name)) {
                return;
            }
        }
        throw new IllegalArgumentException("the " + role + " column '" + name + "' is not in the dataset, whose columns "
                + "are " + Arrays.toString(have));
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
