package dev.retention.examples;

import dev.retention.io.TransactionCsvWriter;
import dev.retention.synth.SyntheticShop;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The small synthetic shop the example programs are tested on (2,000 customers, seed 0), generated once per test
 * JVM, and its orders as the generic CSV that {@code retention demo} writes.
 */
public final class ExampleShop {

    /** Customers of the shop: enough for stable lifetime fits, few enough to fit in a fraction of a second. */
    public static final int CUSTOMERS = 2_000;

    private static SyntheticShop shop;

    private ExampleShop() {
    }

    /** The shop. */
    public static synchronized SyntheticShop get() {
        if (shop == null) {
            shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(CUSTOMERS));
        }
        return shop;
    }

    /**
     * Writes the shop's orders as {@code orders.csv} into a directory.
     *
     * @return the file
     */
    public static Path ordersCsv(Path directory) throws IOException {
        Path file = directory.resolve("orders.csv");
        TransactionCsvWriter.write(get().log(), file);
        return file;
    }
}
