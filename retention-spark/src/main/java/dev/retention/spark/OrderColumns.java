package dev.retention.spark;

import java.util.Objects;

/**
 * The names of the order-line columns of a {@code Dataset<Row>}: which column holds the customer, the order, the
 * item, the time, the quantity and the unit price, and optionally which one flags cancellations and which one
 * holds the lines' input order. Immutable; start from {@link #defaults()} and rename one column at a time.
 *
 * <p>Types: customer, order and item are read as text (numbers are cast; a customer id is "numeric" when every
 * id is the canonical decimal text of a long, as in the single-JVM {@code IdIndex}); the time is a timestamp or
 * a whole number of epoch seconds; quantity and unit price are numbers (cast to double); the cancellation flag is
 * a boolean; the line number is a whole number. Lines of one customer at the same second are ordered by the line
 * number, which the single-JVM log takes from the input order; without one, the jobs number the lines in the
 * order Spark reads them ({@code monotonically_increasing_id}), which is the file order of a file source.
 *
 * @param customer  the customer id column
 * @param order     the order (invoice) id column
 * @param item      the item id column, or {@code null} when the data have no items
 * @param time      the purchase time column
 * @param quantity  the quantity column
 * @param unitPrice the unit price column
 * @param cancelled the cancellation flag column, or {@code null} when no line is a cancellation
 * @param line      the input order column, or {@code null} to number the lines as read
 */
public record OrderColumns(String customer, String order, String item, String time, String quantity,
                           String unitPrice, String cancelled, String line) {

    /**
     * Checks the names.
     *
     * @param customer  the customer id column
     * @param order     the order (invoice) id column
     * @param item      the item id column, or {@code null} when the data have no items
     * @param time      the purchase time column
     * @param quantity  the quantity column
     * @param unitPrice the unit price column
     * @param cancelled the cancellation flag column, or {@code null} when no line is a cancellation
     * @param line      the input order column, or {@code null} to number the lines as read
     * @throws NullPointerException if a required name is null
     */
    public OrderColumns {
        Objects.requireNonNull(customer, "customer column name must not be null");
        Objects.requireNonNull(order, "order column name must not be null");
        Objects.requireNonNull(time, "time column name must not be null");
        Objects.requireNonNull(quantity, "quantity column name must not be null");
        Objects.requireNonNull(unitPrice, "unitPrice column name must not be null");
    }

    /**
     * {@return the names the generator and the job jar write: {@code customer_id, order_id, item_id, time,
     * quantity, unit_price}, no cancellation flag, no line number}
     */
    public static OrderColumns defaults() {
        return new OrderColumns("customer_id", "order_id", "item_id", "time", "quantity", "unit_price", null, null);
    }

    /**
     * {@return a copy with the customer column renamed}
     *
     * @param name the customer id column
     */
    public OrderColumns withCustomer(String name) {
        return new OrderColumns(name, order, item, time, quantity, unitPrice, cancelled, line);
    }

    /**
     * {@return a copy with the order column renamed}
     *
     * @param name the order id column
     */
    public OrderColumns withOrder(String name) {
        return new OrderColumns(customer, name, item, time, quantity, unitPrice, cancelled, line);
    }

    /**
     * {@return a copy with the item column renamed, or without items for {@code null}}
     *
     * @param name the item id column, or {@code null}
     */
    public OrderColumns withItem(String name) {
        return new OrderColumns(customer, order, name, time, quantity, unitPrice, cancelled, line);
    }

    /**
     * {@return a copy with the time column renamed}
     *
     * @param name the purchase time column
     */
    public OrderColumns withTime(String name) {
        return new OrderColumns(customer, order, item, name, quantity, unitPrice, cancelled, line);
    }

    /**
     * {@return a copy with the quantity column renamed}
     *
     * @param name the quantity column
     */
    public OrderColumns withQuantity(String name) {
        return new OrderColumns(customer, order, item, time, name, unitPrice, cancelled, line);
    }

    /**
     * {@return a copy with the unit price column renamed}
     *
     * @param name the unit price column
     */
    public OrderColumns withUnitPrice(String name) {
        return new OrderColumns(customer, order, item, time, quantity, name, cancelled, line);
    }

    /**
     * {@return a copy with a cancellation flag column, or without for {@code null}}
     *
     * @param name the boolean column that is true on the lines of a cancelled order
     */
    public OrderColumns withCancelled(String name) {
        return new OrderColumns(customer, order, item, time, quantity, unitPrice, name, line);
    }

    /**
     * {@return a copy with an input-order column, or numbering the lines as read for {@code null}}
     *
     * @param name the whole-number column that orders lines of equal time
     */
    public OrderColumns withLine(String name) {
        return new OrderColumns(customer, order, item, time, quantity, unitPrice, cancelled, name);
    }
}
