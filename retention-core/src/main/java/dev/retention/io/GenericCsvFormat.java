package dev.retention.io;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * How {@link GenericCsvReader} maps the columns of a caller's order CSV, by header name, to the order
 * lines of a {@link dev.retention.data.TransactionLog}. Header names match exactly, or else ignoring
 * case; other columns are ignored.
 *
 * <p>Start from {@link #of(String, String, String, String)} (customer, time, date pattern and a line
 * amount: one order per line) and refine with the {@code withX} copies, for example
 * <pre>{@code
 * GenericCsvFormat.of("CustomerID", "InvoiceDate", "M/d/yyyy H:mm", "Total")
 *         .withOrder("InvoiceNo").withItem("StockCode")
 *         .withQuantity("Quantity").withUnitPrice("UnitPrice")   // replaces the amount column
 *         .withCancellationPrefix("C");
 * }</pre>
 *
 * @param customerColumn     column of the customer id; required. An empty value is a missing
 *                           customer, counted by the purchase rules.
 * @param orderColumn        column of the order id, or {@code null}: each line is then its own order,
 *                           with the line number as its id
 * @param itemColumn         column of the item id, or {@code null} when the file has no items
 * @param timeColumn         column of the order time; required
 * @param quantityColumn     column of the quantity, or {@code null} for a quantity of 1 on every line
 * @param unitPriceColumn    column of the unit price (the line amount is quantity times unit price), or
 *                           {@code null}; exactly one of {@code unitPriceColumn} and {@code amountColumn}
 *                           must be given
 * @param amountColumn       column of the line amount (the unit price is amount / quantity), or
 *                           {@code null}
 * @param cancellationPrefix orders whose id starts with it are cancellations (Online Retail:
 *                           {@code "C"}), or {@code null} for none; needs an order column
 * @param separator          field separator, {@code ','} by default; not a quote or line break
 * @param datePattern        how the time column is written: a {@link DateTimeFormatter} pattern
 *                           ({@code yyyy-MM-dd HH:mm:ss}; a date-only pattern means midnight, a local
 *                           pattern is read in {@link ReadOptions#zone()}, a pattern with an offset or
 *                           zone gives instants), or {@code epoch-seconds} or {@code epoch-millis}
 */
public record GenericCsvFormat(String customerColumn, String orderColumn, String itemColumn, String timeColumn,
                               String quantityColumn, String unitPriceColumn, String amountColumn,
                               String cancellationPrefix, char separator, String datePattern) {

    /** The pseudo-pattern for times given as seconds since 1970-01-01T00:00Z. */
    public static final String EPOCH_SECONDS = TimestampParser.EPOCH_SECONDS;
    /** The pseudo-pattern for times given as milliseconds since 1970-01-01T00:00Z (rounded down to seconds). */
    public static final String EPOCH_MILLIS = TimestampParser.EPOCH_MILLIS;

    /**
     * Validates the mapping.
     *
     * @param customerColumn     column of the customer id; required. An empty value is a missing customer, counted by
     *                           the purchase rules.
     * @param orderColumn        column of the order id, or {@code null}: each line is then its own order, with the line
     *                           number as its id
     * @param itemColumn         column of the item id, or {@code null} when the file has no items
     * @param timeColumn         column of the order time; required
     * @param quantityColumn     column of the quantity, or {@code null} for a quantity of 1 on every line
     * @param unitPriceColumn    column of the unit price (the line amount is quantity times unit price), or {@code
     *                           null}; exactly one of {@code unitPriceColumn} and {@code amountColumn} must be given
     * @param amountColumn       column of the line amount (the unit price is amount / quantity), or {@code null}
     * @param cancellationPrefix orders whose id starts with it are cancellations (Online Retail: {@code "C"}), or
     *                           {@code null} for none; needs an order column
     * @param separator          field separator, {@code ','} by default; not a quote or line break
     * @param datePattern        how the time column is written: a {@link DateTimeFormatter} pattern ({@code yyyy-MM-dd
     *                           HH:mm:ss}; a date-only pattern means midnight, a local pattern is read in {@link
     *                           ReadOptions#zone()}, a pattern with an offset or zone gives instants), or {@code
     *                           epoch-seconds} or {@code epoch-millis}
     * @throws IllegalArgumentException naming the component and its value when a required column is
     *                                  missing or blank, when not exactly one of unit price and amount
     *                                  is given, when a cancellation prefix has no order column, or
     *                                  when the separator or date pattern is unusable
     */
    public GenericCsvFormat {
        requireName("customerColumn", customerColumn);
        requireName("timeColumn", timeColumn);
        optionalName("orderColumn", orderColumn);
        optionalName("itemColumn", itemColumn);
        optionalName("quantityColumn", quantityColumn);
        optionalName("unitPriceColumn", unitPriceColumn);
        optionalName("amountColumn", amountColumn);
        if ((unitPriceColumn == null) == (amountColumn == null)) {
            throw new IllegalArgumentException("exactly one of unitPriceColumn and amountColumn must be given, got "
                    + "unitPriceColumn=" + describe(unitPriceColumn) + ", amountColumn=" + describe(amountColumn));
        }
        if (cancellationPrefix != null) {
            if (cancellationPrefix.isEmpty()) {
                throw new IllegalArgumentException("cancellationPrefix must be null or non-empty, got ''");
            }
            if (orderColumn == null) {
                throw new IllegalArgumentException("cancellationPrefix '" + cancellationPrefix
                        + "' needs an orderColumn, got orderColumn=null");
            }
        }
        if (separator == '"' || separator == '\r' || separator == '\n') {
            throw new IllegalArgumentException("separator must not be a quote or a line break, got "
                    + describeChar(separator));
        }
        Objects.requireNonNull(datePattern, "datePattern must not be null");
        checkDatePattern(datePattern);
    }

    /**
     * {@return a format with one order per line: customer, time and line amount columns, quantity 1, no items,
     * comma-separated}
     *
     * @param customerColumn column of the customer id
     * @param timeColumn     column of the order time
     * @param datePattern    a {@link DateTimeFormatter} pattern, {@link #EPOCH_SECONDS} or {@link #EPOCH_MILLIS}
     * @param amountColumn   column of the order amount
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static GenericCsvFormat of(String customerColumn, String timeColumn, String datePattern,
                                      String amountColumn) {
        return new GenericCsvFormat(customerColumn, null, null, timeColumn, null, null, amountColumn, null, ',',
                datePattern);
    }

    /**
     * {@return the layout {@link TransactionCsvWriter} writes: header
     * {@code customer,order,item,time,quantity,unit_price,amount}, times as {@code yyyy-MM-dd HH:mm:ss},
     * comma-separated; quantity times unit price is the line amount (the amount column is not read)}
     */
    public static GenericCsvFormat canonical() {
        return new GenericCsvFormat("customer", "order", "item", "time", "quantity", "unit_price", null, null, ',',
                TransactionCsvWriter.TIME_PATTERN);
    }

    /**
     * {@return a copy with the given customer column}
     *
     * @param column the header of the customer column
     */
    public GenericCsvFormat withCustomer(String column) {
        return new GenericCsvFormat(column, orderColumn, itemColumn, timeColumn, quantityColumn, unitPriceColumn,
                amountColumn, cancellationPrefix, separator, datePattern);
    }

    /**
     * {@return a copy with the given order column, or {@code null} for one order per line}
     *
     * @param column the header of the order column, or {@code null}
     */
    public GenericCsvFormat withOrder(String column) {
        return new GenericCsvFormat(customerColumn, column, itemColumn, timeColumn, quantityColumn, unitPriceColumn,
                amountColumn, cancellationPrefix, separator, datePattern);
    }

    /**
     * {@return a copy with the given item column, or {@code null} for none}
     *
     * @param column the header of the item column, or {@code null}
     */
    public GenericCsvFormat withItem(String column) {
        return new GenericCsvFormat(customerColumn, orderColumn, column, timeColumn, quantityColumn, unitPriceColumn,
                amountColumn, cancellationPrefix, separator, datePattern);
    }

    /**
     * {@return a copy with the given time column}
     *
     * @param column the header of the time column
     */
    public GenericCsvFormat withTime(String column) {
        return new GenericCsvFormat(customerColumn, orderColumn, itemColumn, column, quantityColumn, unitPriceColumn,
                amountColumn, cancellationPrefix, separator, datePattern);
    }

    /**
     * {@return a copy with the given quantity column, or {@code null} for a quantity of 1}
     *
     * @param column the header of the quantity column, or {@code null}
     */
    public GenericCsvFormat withQuantity(String column) {
        return new GenericCsvFormat(customerColumn, orderColumn, itemColumn, timeColumn, column, unitPriceColumn,
                amountColumn, cancellationPrefix, separator, datePattern);
    }

    /**
     * {@return a copy that reads unit prices from the given column, and no amount column}
     *
     * @param column the header of the unit price column
     */
    public GenericCsvFormat withUnitPrice(String column) {
        return new GenericCsvFormat(customerColumn, orderColumn, itemColumn, timeColumn, quantityColumn, column,
                null, cancellationPrefix, separator, datePattern);
    }

    /**
     * {@return a copy that reads line amounts from the given column, and no unit price column}
     *
     * @param column the header of the amount column
     */
    public GenericCsvFormat withAmount(String column) {
        return new GenericCsvFormat(customerColumn, orderColumn, itemColumn, timeColumn, quantityColumn, null,
                column, cancellationPrefix, separator, datePattern);
    }

    /**
     * {@return a copy with the given cancellation prefix of order ids, or {@code null} for none}
     *
     * @param prefix what an order id starts with when the line is a cancellation, or {@code null}
     */
    public GenericCsvFormat withCancellationPrefix(String prefix) {
        return new GenericCsvFormat(customerColumn, orderColumn, itemColumn, timeColumn, quantityColumn,
                unitPriceColumn, amountColumn, prefix, separator, datePattern);
    }

    /**
     * {@return a copy with the given field separator}
     *
     * @param separator field separator, {@code ','} by default; not a quote or line break
     */
    public GenericCsvFormat withSeparator(char separator) {
        return new GenericCsvFormat(customerColumn, orderColumn, itemColumn, timeColumn, quantityColumn,
                unitPriceColumn, amountColumn, cancellationPrefix, separator, datePattern);
    }

    /**
     * {@return a copy with the given date pattern, {@link #EPOCH_SECONDS} or {@link #EPOCH_MILLIS}}
     *
     * @param pattern a {@link java.time.format.DateTimeFormatter} pattern, {@link #EPOCH_SECONDS} or {@link
     *                #EPOCH_MILLIS}
     */
    public GenericCsvFormat withDatePattern(String pattern) {
        return new GenericCsvFormat(customerColumn, orderColumn, itemColumn, timeColumn, quantityColumn,
                unitPriceColumn, amountColumn, cancellationPrefix, separator, pattern);
    }

    /** The mapped column names in the order customer, order, item, time, quantity, price or amount. */
    String describeColumns() {
        StringBuilder sb = new StringBuilder();
        for (String c : new String[] {customerColumn, orderColumn, itemColumn, timeColumn, quantityColumn,
                unitPriceColumn, amountColumn}) {
            if (c != null) {
                sb.append(sb.length() == 0 ? "" : String.valueOf(separator)).append(c);
            }
        }
        return sb.toString();
    }

    private static void requireName(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be a column name, got " + describe(value));
        }
    }

    private static void optionalName(String name, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must be null or a column name, got " + describe(value));
        }
    }

    private static String describe(String value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static String describeChar(char c) {
        return switch (c) {
            case '\r' -> "'\\r'";
            case '\n' -> "'\\n'";
            default -> "'" + c + "'";
        };
    }

    /** A pattern must parse, and must read back a time it writes. */
    private static void checkDatePattern(String pattern) {
        if (pattern.equals(EPOCH_SECONDS) || pattern.equals(EPOCH_MILLIS)) {
            return;
        }
        DateTimeFormatter f;
        try {
            f = TimestampParser.formatter(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("datePattern must be a DateTimeFormatter pattern, '" + EPOCH_SECONDS
                    + "' or '" + EPOCH_MILLIS + "', got '" + pattern + "': " + e.getMessage(), e);
        }
        ZonedDateTime sample = ZonedDateTime.of(2011, 12, 9, 12, 50, 0, 0, ZoneOffset.UTC);
        try {
            TimestampParser parser = TimestampParser.of(pattern, ZoneOffset.UTC);
            parser.parse(f.format(sample));
        } catch (RuntimeException | FieldFailure e) {
            throw new IllegalArgumentException("datePattern '" + pattern
                    + "' cannot read back the dates it writes (for example " + sample + "); "
                    + "it needs at least a year, month and day", e);
        }
    }
}
