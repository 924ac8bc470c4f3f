package dev.retention.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Validation and copies of {@link GenericCsvFormat} and {@link ReadOptions}. */
class GenericCsvFormatTest {

    private static final GenericCsvFormat BASE = GenericCsvFormat.of("customer", "date", "yyyy-MM-dd", "total");

    private static void assertRejected(String expectedMessagePart, Runnable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
        assertEquals(true, e.getMessage().contains(expectedMessagePart), e.getMessage());
    }

    @Test
    void of_givesOneOrderPerLineWithAmount() {
        assertEquals("total", BASE.amountColumn());
        assertNull(BASE.unitPriceColumn());
        assertNull(BASE.orderColumn());
        assertNull(BASE.quantityColumn());
        assertEquals(',', BASE.separator());
    }

    @Test
    void withUnitPrice_replacesTheAmountColumn() {
        GenericCsvFormat f = BASE.withUnitPrice("price");
        assertEquals("price", f.unitPriceColumn());
        assertNull(f.amountColumn());
        assertEquals("total", f.withAmount("total").amountColumn());
        assertNull(f.withAmount("total").unitPriceColumn());
    }

    @Test
    void constructor_rejectsBothPriceAndAmount() {
        assertRejected("exactly one of unitPriceColumn and amountColumn must be given, got unitPriceColumn='p', "
                + "amountColumn='a'", () -> new GenericCsvFormat("c", null, null, "t", null, "p", "a", null, ',',
                "yyyy-MM-dd"));
    }

    @Test
    void constructor_rejectsNeitherPriceNorAmount() {
        assertRejected("unitPriceColumn=null, amountColumn=null", () -> new GenericCsvFormat("c", null, null, "t", null,
                null, null, null, ',', "yyyy-MM-dd"));
    }

    @Test
    void constructor_rejectsBlankColumnNames() {
        assertRejected("customerColumn must be a column name, got ' '", () -> BASE.withCustomer(" "));
        assertRejected("customerColumn must be a column name, got null", () -> BASE.withCustomer(null));
        assertRejected("timeColumn must be a column name, got ''", () -> BASE.withTime(""));
        assertRejected("itemColumn must be null or a column name, got ''", () -> BASE.withItem(""));
    }

    @Test
    void constructor_rejectsCancellationPrefixWithoutOrderColumn() {
        assertRejected("cancellationPrefix 'C' needs an orderColumn, got orderColumn=null",
                () -> BASE.withCancellationPrefix("C"));
        assertRejected("cancellationPrefix must be null or non-empty, got ''",
                () -> BASE.withOrder("o").withCancellationPrefix(""));
    }

    @Test
    void constructor_rejectsQuoteAndLineBreakSeparators() {
        assertRejected("separator must not be a quote or a line break, got '\"'", () -> BASE.withSeparator('"'));
        assertRejected("got '\\n'", () -> BASE.withSeparator('\n'));
    }

    @Test
    void constructor_rejectsInvalidDatePatterns() {
        assertRejected("datePattern must be a DateTimeFormatter pattern, 'epoch-seconds' or 'epoch-millis', got "
                + "'yyyy-MM-dd bbb'", () -> BASE.withDatePattern("yyyy-MM-dd bbb"));
        assertRejected("datePattern 'HH:mm' cannot read back", () -> BASE.withDatePattern("HH:mm"));
        assertRejected("datePattern 'yyyy-MM' cannot read back", () -> BASE.withDatePattern("yyyy-MM"));
    }

    @Test
    void constructor_acceptsEpochAndZonedPatterns() {
        assertEquals("epoch-millis", BASE.withDatePattern(GenericCsvFormat.EPOCH_MILLIS).datePattern());
        assertEquals("yyyy-MM-dd'T'HH:mm:ssXXX", BASE.withDatePattern("yyyy-MM-dd'T'HH:mm:ssXXX").datePattern());
        assertEquals("uuuu-MM-dd", BASE.withDatePattern("uuuu-MM-dd").datePattern());
    }

    @Test
    void readOptions_defaultsAndCopies() {
        ReadOptions d = ReadOptions.defaults();
        assertEquals(true, d.strict());
        assertEquals(dev.retention.data.PurchaseRules.defaults(), d.rules());
        assertEquals(java.time.ZoneOffset.UTC, d.zone());
        assertEquals(false, d.withStrict(false).strict());
        assertEquals(java.time.ZoneId.of("Europe/London"), d.withZone(java.time.ZoneId.of("Europe/London")).zone());
        assertThrows(NullPointerException.class, () -> d.withZone(null));
        assertThrows(NullPointerException.class, () -> d.withRules(null));
        assertThrows(NullPointerException.class, () -> d.withSkipListener(null));
    }
}
