package dev.retention.io;

import dev.retention.data.SkipReason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random order lines and the files that hold them, for the property tests of the readers: the
 * same seed gives the same lines and the same file. Each generated line knows what the default
 * purchase rules make of it, computed here independently of the readers.
 */
final class OrderFileGenerator {

    /** The Online Retail columns, in file order. */
    static final String[] RETAIL_COLUMNS = OnlineRetailReaderTest.HEADER.split(",");

    private static final String TEXT_CHARS = "ABCDEFGHIJ KLMNOP,\"'£-é";

    private OrderFileGenerator() {
    }

    /** One Online Retail record as written, and the time it denotes. */
    record RetailLine(String invoice, String stock, String description, String quantity, LocalDateTime time,
                      String price, String customer, String country) {

        String[] fields() {
            return new String[] {invoice, stock, description, quantity, dateText(time), price, customer, country};
        }

        /** The customer id the reader should produce: stripped, without a ".0" suffix. */
        String customerId() {
            String c = customer.strip();
            return c.endsWith(".0") ? c.substring(0, c.length() - 2) : c;
        }

        /** What the default purchase rules make of the line: null when kept. */
        SkipReason expectedSkip() {
            if (customerId().isEmpty()) {
                return SkipReason.MISSING_CUSTOMER;
            }
            if (invoice.startsWith("C")) {
                return SkipReason.CANCELLATION;
            }
            if (!(Double.parseDouble(quantity) > 0)) {
                return SkipReason.NON_POSITIVE_QUANTITY;
            }
            if (!(Double.parseDouble(price) > 0)) {
                return SkipReason.NON_POSITIVE_PRICE;
            }
            return null;
        }

        /** customer|order|item|epoch|quantity|price|amount of a kept line. */
        String expectedKey(ZoneId zone) {
            double q = Double.parseDouble(quantity);
            double p = Double.parseDouble(price);
            return key(customerId(), invoice, stock, time.atZone(zone).toEpochSecond(), q, p, q * p);
        }
    }

    static String key(String customer, String order, String item, long time, double quantity, double price,
                      double amount) {
        return customer + "|" + order + "|" + item + "|" + time + "|" + quantity + "|" + price + "|" + amount;
    }

    static String dateText(LocalDateTime t) {
        return t.getMonthValue() + "/" + t.getDayOfMonth() + "/" + t.getYear() + " " + t.getHour() + ":"
                + (t.getMinute() < 10 ? "0" : "") + t.getMinute();
    }

    /**
     * Random Online Retail lines, in invoices of 1 to 5 lines sharing invoice, time and customer.
     *
     * @param multiLine whether descriptions may contain line breaks
     */
    static List<RetailLine> retailLines(Random rnd, int n, boolean multiLine) {
        String[] customers = new String[1 + rnd.nextInt(20)];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = Integer.toString(12_346 + rnd.nextInt(6_000));
        }
        List<RetailLine> lines = new ArrayList<>(n);
        while (lines.size() < n) {
            String invoice = (rnd.nextInt(10) == 0 ? "C" : "") + (536_365 + rnd.nextInt(50_000));
            LocalDateTime time = randomTime(rnd);
            String customer = rnd.nextInt(6) == 0 ? "" : customers[rnd.nextInt(customers.length)];
            if (!customer.isEmpty() && rnd.nextInt(10) == 0) {
                customer += ".0";
            }
            int size = 1 + rnd.nextInt(5);
            for (int k = 0; k < size && lines.size() < n; k++) {
                lines.add(new RetailLine(invoice, stockCode(rnd), text(rnd, multiLine), quantity(rnd), time, price(rnd),
                        customer, rnd.nextBoolean() ? "United Kingdom" : text(rnd, false)));
            }
        }
        return lines;
    }

    static LocalDateTime randomTime(Random rnd) {
        LocalDate day = LocalDate.of(2010, 12, 1).plusDays(rnd.nextInt(400));
        return day.atTime(rnd.nextInt(24), rnd.nextInt(60));
    }

    private static String stockCode(Random rnd) {
        return switch (rnd.nextInt(8)) {
            case 0 -> "POST";
            case 1 -> "gift_0001_" + rnd.nextInt(50);
            case 2 -> (10_000 + rnd.nextInt(90_000)) + "" + (char) ('A' + rnd.nextInt(6));
            default -> Integer.toString(10_000 + rnd.nextInt(90_000));
        };
    }

    private static String quantity(Random rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> Integer.toString(-rnd.nextInt(20));
            case 1 -> BigDecimal.valueOf(rnd.nextInt(1000), 1 + rnd.nextInt(2)).toPlainString();
            default -> Integer.toString(1 + rnd.nextInt(48));
        };
    }

    private static String price(Random rnd) {
        return switch (rnd.nextInt(12)) {
            case 0 -> "0";
            case 1 -> "-" + BigDecimal.valueOf(rnd.nextInt(100_000), 2).toPlainString();
            case 2 -> BigDecimal.valueOf(1 + rnd.nextInt(999), 3).toPlainString();
            case 3 -> Integer.toString(1 + rnd.nextInt(40_000));
            default -> BigDecimal.valueOf(1 + rnd.nextInt(10_000), 2).stripTrailingZeros().toPlainString();
        };
    }

    /** Random text with commas, quotes and spaces, possibly at the ends; sometimes empty. */
    static String text(Random rnd, boolean multiLine) {
        int n = rnd.nextInt(12) == 0 ? 0 : 1 + rnd.nextInt(30);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (multiLine && rnd.nextInt(60) == 0) {
                sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
            } else {
                sb.append(TEXT_CHARS.charAt(rnd.nextInt(TEXT_CHARS.length())));
            }
        }
        return sb.toString();
    }

    /** An RFC 4180 field: quoted when it holds the separator, a quote or a line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * An Online Retail CSV of the lines.
     *
     * @param order   column order: {@code order[j]} is the index in {@link #RETAIL_COLUMNS} of file column j
     * @param extra   whether to add an unused column
     * @param newline line separator
     * @param firstLines written: the physical line where each record starts
     */
    static String retailCsv(List<RetailLine> lines, int[] order, boolean extra, String newline, long[] firstLines) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (int j : order) {
            header.add(RETAIL_COLUMNS[j]);
        }
        if (extra) {
            header.add(1, "Extra, column");
        }
        sb.append(String.join(",", header.stream().map(OrderFileGenerator::csvField).toList())).append(newline);
        long line = 2;
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).fields();
            List<String> out = new ArrayList<>();
            for (int j : order) {
                out.add(csvField(f[j]));
            }
            if (extra) {
                out.add(1, csvField("x,\"" + i));
            }
            String record = String.join(",", out);
            firstLines[i] = line;
            line += 1 + countLineBreaks(record);
            sb.append(record).append(newline);
        }
        return sb.toString();
    }

    static int countLineBreaks(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                count++;
            }
        }
        return count;
    }

    /** A random permutation of {@code 0..n-1}. */
    static int[] permutation(Random rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** One CDNOW record as written. */
    record CdnowLine(String customer, LocalDate date, String cds, String amount) {

        SkipReason expectedSkip() {
            if (!(Double.parseDouble(cds) > 0)) {
                return SkipReason.NON_POSITIVE_QUANTITY;
            }
            if (!(Double.parseDouble(amount) > 0)) {
                return SkipReason.NON_POSITIVE_PRICE;
            }
            return null;
        }

        String expectedKey(long line, ZoneId zone) {
            double q = Double.parseDouble(cds);
            double a = Double.parseDouble(amount);
            return key(customer, Long.toString(line), "-", date.atStartOfDay(zone).toEpochSecond(), q, a / q, a);
        }
    }

    static List<CdnowLine> cdnowLines(Random rnd, int n) {
        List<CdnowLine> lines = new ArrayList<>(n);
        int customers = 1 + rnd.nextInt(50);
        for (int i = 0; i < n; i++) {
            String customer = String.format("%05d", 1 + rnd.nextInt(customers));
            LocalDate date = LocalDate.of(1997, 1, 1).plusDays(rnd.nextInt(546));
            String cds = Integer.toString(rnd.nextInt(15) == 0 ? 0 : 1 + rnd.nextInt(6));
            String amount = rnd.nextInt(20) == 0 ? "0.00"
                    : BigDecimal.valueOf(1 + rnd.nextInt(20_000), 2).toPlainString();
            lines.add(new CdnowLine(customer, date, cds, amount));
        }
        return lines;
    }

    /**
     * A CDNOW file of the lines, with random runs of spaces and tabs and random blank lines.
     *
     * @param physicalLines written: the physical line of each record
     */
    static String cdnowText(Random rnd, List<CdnowLine> lines, long[] physicalLines) {
        StringBuilder sb = new StringBuilder();
        long line = 1;
        for (int i = 0; i < lines.size(); i++) {
            while (rnd.nextInt(20) == 0) {
                sb.append(rnd.nextBoolean() ? "" : " \t").append('\n');
                line++;
            }
            CdnowLine l = lines.get(i);
            sb.append(rnd.nextInt(4) == 0 ? whitespace(rnd) : "")
                    .append(l.customer()).append(whitespace(rnd))
                    .append(l.date().toString().replace("-", "")).append(whitespace(rnd))
                    .append(l.cds()).append(whitespace(rnd))
                    .append(l.amount())
                    .append(rnd.nextInt(4) == 0 ? whitespace(rnd) : "")
                    .append(rnd.nextInt(5) == 0 ? "\r\n" : "\n");
            physicalLines[i] = line++;
        }
        return sb.toString();
    }

    private static String whitespace(Random rnd) {
        int n = 1 + rnd.nextInt(3);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(rnd.nextInt(3) == 0 ? '\t' : ' ');
        }
        return sb.toString();
    }
}
