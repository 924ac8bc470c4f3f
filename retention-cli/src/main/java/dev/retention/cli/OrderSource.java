package dev.retention.cli;

import dev.retention.data.PurchaseRules;
import dev.retention.data.TransactionLog;
import dev.retention.io.CdnowReader;
import dev.retention.io.GenericCsvFormat;
import dev.retention.io.GenericCsvReader;
import dev.retention.io.Json;
import dev.retention.io.OnlineRetailReader;
import dev.retention.io.ReadOptions;
import dev.retention.io.TextFiles;
import dev.retention.rfm.HeavyCancellers;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The options that say where a command's order lines come from and how to read them, shared by
 * every command that takes {@code --orders}; a picocli mixin. Files ending in {@code .xz} are
 * decompressed on the fly.
 */
final class OrderSource {

    /** Supported order file formats. */
    enum Format {
        ONLINE_RETAIL("online-retail"), CDNOW("cdnow"), GENERIC("generic");

        final String label;

        Format(String label) {
            this.label = label;
        }

        static Format parse(String s) {
            for (Format f : values()) {
                if (f.label.equals(s)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + s + "'; expected online-retail, cdnow or generic");
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--orders", required = true, paramLabel = "FILE",
            description = "Order lines to read (plain or .xz-compressed).")
    Path orders;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "online-retail, cdnow or generic. Generic reads the columns named by the --*-column "
                    + "options, or without them the canonical layout customer,order,item,time,quantity,unit_price.")
    Format format;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the file's local times (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--lenient", description = "Skip and count malformed records instead of stopping at the first.")
    boolean lenient;

    @Option(names = "--net-cancellations",
            description = "Net cancelled lines against the customer's spend instead of skipping them.")
    boolean netCancellations;

    @Option(names = "--keep-zero-price",
            description = "Count lines with a price of exactly 0 as purchases (always on for cdnow, whose free orders "
                    + "the published analyses count).")
    boolean keepZeroPrice;

    @Option(names = "--customer-column", paramLabel = "NAME", description = "generic: customer id column.")
    String customerColumn;
    @Option(names = "--time-column", paramLabel = "NAME", description = "generic: order time column.")
    String timeColumn;
    @Option(names = "--date-pattern", paramLabel = "PATTERN", defaultValue = "yyyy-MM-dd HH:mm:ss",
            description = "generic: java.time pattern of the time column, or epoch-seconds / epoch-millis "
                    + "(default: ${DEFAULT-VALUE}).")
    String datePattern;
    @Option(names = "--order-column", paramLabel = "NAME", description = "generic: order id column (default: one order per line).")
    String orderColumn;
    @Option(names = "--item-column", paramLabel = "NAME", description = "generic: item id column.")
    String itemColumn;
    @Option(names = "--quantity-column", paramLabel = "NAME", description = "generic: quantity column (default: 1).")
    String quantityColumn;
    @Option(names = "--price-column", paramLabel = "NAME", description = "generic: unit price column.")
    String priceColumn;
    @Option(names = "--amount-column", paramLabel = "NAME", description = "generic: line amount column.")
    String amountColumn;
    @Option(names = "--cancellation-prefix", paramLabel = "TEXT", description = "generic: order ids starting with it are cancellations.")
    String cancellationPrefix;
    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",", description = "generic: field separator (default: ${DEFAULT-VALUE}).")
    char separator;

    /** Reads the order lines; content errors come as {@link dev.retention.io.DataFormatException}. */
    TransactionLog read() throws IOException {
        ReadOptions options = ReadOptions.defaults().withStrict(!lenient).withZone(zone)
                .withRules(PurchaseRules.defaults().withCancellations(netCancellations
                                ? PurchaseRules.Cancellations.NET : PurchaseRules.Cancellations.SKIP)
                        // CDNOW's $0.00 orders are purchases in the published analyses (CdnowReader.defaultOptions)
                        .withKeepZeroPrice(keepZeroPrice || format == Format.CDNOW));
        GenericCsvFormat generic = format == Format.GENERIC ? genericFormat() : null;
        String source = orders.toString();
        try (Reader reader = open(orders)) {
            return switch (format) {
                case ONLINE_RETAIL -> OnlineRetailReader.read(reader, source, options);
                case CDNOW -> CdnowReader.read(reader, source, options);
                case GENERIC -> GenericCsvReader.read(reader, source, generic, options);
            };
        }
    }

    private GenericCsvFormat genericFormat() {
        boolean anyColumn = customerColumn != null || timeColumn != null || orderColumn != null || itemColumn != null
                || quantityColumn != null || priceColumn != null || amountColumn != null;
        if (!anyColumn) {
            try {   // the canonical layout, as written by `retention demo`
                return GenericCsvFormat.canonical().withSeparator(separator).withDatePattern(datePattern)
                        .withCancellationPrefix(cancellationPrefix);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (customerColumn == null || timeColumn == null || (priceColumn == null) == (amountColumn == null)) {
            throw new ParameterException(spec.commandLine(), "--format generic needs --customer-column, "
                    + "--time-column and exactly one of --price-column and --amount-column");
        }
        try {
            GenericCsvFormat f = GenericCsvFormat.of(customerColumn, timeColumn, datePattern,
                            amountColumn != null ? amountColumn : priceColumn)
                    .withOrder(orderColumn).withItem(itemColumn).withQuantity(quantityColumn)
                    .withCancellationPrefix(cancellationPrefix).withSeparator(separator);
            return priceColumn != null ? f.withUnitPrice(priceColumn) : f;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Opens a UTF-8 text file as the library's readers do ({@link TextFiles#open}: gzip and xz decompressed, pipes
     * and devices read); a missing file or a directory is a bad argument.
     */
    static Reader open(Path file) throws IOException {
        try {
            return TextFiles.open(file);
        } catch (NoSuchFileException e) {
            throw new MissingInputException(file, "no such file");
        } catch (FileSystemException e) {
            if (Files.isDirectory(file)) {
                throw new MissingInputException(file, "is a directory, not a file");
            }
            throw e;
        }
    }

    /**
     * Prints who cancelled at least half of what they bought (the first three, with the amounts), after a command's
     * line counts; nothing when nobody did. Every command that reads orders says it, since with the default rules
     * their monetary value counts the cancelled orders.
     */
    static void printCancellers(PrintWriter pw, TransactionLog log) {
        HeavyCancellers h = HeavyCancellers.compute(log, HeavyCancellers.DEFAULT_SHARE);
        if (h.size() > 0) {
            pw.println(h.summary(3));
        }
    }

    /** Adds {@code heavy_cancellers}: the ids of the customers who cancelled at least half of what they bought. */
    static Json putCancellers(Json json, TransactionLog log) {
        return json.put("heavy_cancellers",
                java.util.List.of(HeavyCancellers.compute(log, HeavyCancellers.DEFAULT_SHARE).customers()));
    }

    /**
     * Refuses, before any work, an output file whose directory does not exist or cannot be written: a failure
     * there used to come after the whole computation, naming only a temporary file.
     *
     * @param file   the output, or null when not asked for
     * @param option its option, for the message
     */
    static void checkOutput(CommandSpec spec, Path file, String option) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": the directory " + dir
                    + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": the directory " + dir
                    + " is not writable");
        }
    }

    /** A named input file that does not exist: reported as a bad argument (exit status 2). */
    static final class MissingInputException extends RuntimeException {
        MissingInputException(Path file) {
            this(file, "no such file");
        }

        MissingInputException(Path file, String problem) {
            super(problem + ": " + file);
        }
    }

    /** Parses {@code --format}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
