package dev.retention.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Test fixture: seeded random order lines with the awkward cases of real shop data (missing customers,
 * cancellations, zero and negative quantities and prices, ties in time, order ids shared by two
 * customers, text and numeric ids), and a naive reference implementation of the documented purchase
 * rules to check {@link TransactionLog} against.
 */
final class RandomLogs {

    private RandomLogs() {
    }

    /** One input line as given to the builder. */
    record Raw(String customer, String order, String item, long time, double quantity, double price,
               boolean cancellation, boolean withAmount) {

        SkipReason add(TransactionLog.Builder b) {
            return withAmount
                    ? b.addWithAmount(customer, order, item, time, quantity, quantity * price, cancellation)
                    : b.add(customer, order, item, time, quantity, price, cancellation);
        }
    }

    /** A kept line as the reference expects it in the log. */
    record Line(String customer, String order, String item, long time, double quantity, double price,
                double amount, boolean cancellation, int input) {
    }

    /** Random raw lines. */
    static List<Raw> lines(SplittableRandom rnd) {
        int n = rnd.nextInt(120);
        boolean textCustomers = rnd.nextInt(4) == 0;
        boolean hasItems = rnd.nextInt(5) != 0;
        boolean amounts = rnd.nextInt(6) == 0;   // CDNOW style: amount per line instead of unit price
        int customers = 1 + rnd.nextInt(15);
        int span = 1 + rnd.nextInt(rnd.nextBoolean() ? 10 : 100_000);
        List<Raw> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String customer;
            int m = rnd.nextInt(40);
            if (m == 0) {
                customer = null;
            } else if (m == 1) {
                customer = rnd.nextBoolean() ? "" : "  ";
            } else if (m == 2) {
                customer = "X" + rnd.nextInt(3);     // a text id, often cancellation-only below
            } else {
                int c = rnd.nextInt(customers);
                customer = textCustomers ? "cust-" + c : Integer.toString(c * 7 + 1);
            }
            boolean cancel = rnd.nextInt(8) == 0 || (customer != null && customer.startsWith("X") && rnd.nextBoolean());
            String order = cancel ? "C" + rnd.nextInt(30) : Integer.toString(1000 + rnd.nextInt(40));
            String item = hasItems ? (rnd.nextInt(30) == 0 ? "SKU-" + rnd.nextInt(5) : Integer.toString(rnd.nextInt(12)))
                    : null;
            long time = 1_290_000_000L + rnd.nextInt(span);
            double quantity = switch (rnd.nextInt(12)) {
                case 0 -> 0;
                case 1 -> -(1 + rnd.nextInt(5));
                default -> cancel && rnd.nextBoolean() ? -(1 + rnd.nextInt(5)) : 1 + rnd.nextInt(6);
            };
            double price = switch (rnd.nextInt(15)) {
                case 0 -> 0;
                case 1 -> -1.25;
                default -> (1 + rnd.nextInt(2000)) / 100.0;
            };
            out.add(new Raw(customer, order, item, time, quantity, price, cancel, amounts));
        }
        return out;
    }

    /** Builds a log from the raw lines. */
    static TransactionLog build(List<Raw> raw, PurchaseRules rules) {
        TransactionLog.Builder b = TransactionLog.builder(rules);
        for (Raw r : raw) {
            r.add(b);
        }
        return b.build();
    }

    /** The documented rule that skips a line, or null if the line is kept; written out naively. */
    static SkipReason reason(Raw r, PurchaseRules rules) {
        if (r.customer() == null || r.customer().isBlank()) {
            return SkipReason.MISSING_CUSTOMER;
        }
        if (r.cancellation() && rules.cancellations() == PurchaseRules.Cancellations.SKIP) {
            return SkipReason.CANCELLATION;
        }
        if (r.cancellation() ? r.quantity() == 0 : r.quantity() <= 0) {
            return SkipReason.NON_POSITIVE_QUANTITY;
        }
        double price = r.withAmount() ? r.quantity() * r.price() / r.quantity() : r.price();
        if (r.withAmount() && r.cancellation()) {
            price = Math.abs(price);
        }
        if (price <= 0) {
            return SkipReason.NON_POSITIVE_PRICE;
        }
        return null;
    }

    /** What the reference expects of a log built from {@code raw}. */
    static final class Expected {
        final List<Line> lines = new ArrayList<>();
        final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        long read;
    }

    /** The naive reference: classify, net, drop cancellation-only customers, sort. */
    static Expected expected(List<Raw> raw, PurchaseRules rules) {
        Expected e = new Expected();
        List<Line> kept = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Raw r = raw.get(i);
            e.read++;
            SkipReason why = reason(r, rules);
            if (why != null) {
                e.skipped.merge(why, 1L, Long::sum);
                continue;
            }
            double q = r.quantity();
            double price = r.price();
            double amount = q * price;
            if (r.withAmount()) {
                double given = r.quantity() * r.price();
                price = Math.abs(given / q);
                amount = Math.signum(q) * Math.abs(given);
            }
            if (r.cancellation()) {
                q = -Math.abs(q);
                amount = q * price;
            }
            kept.add(new Line(r.customer(), r.order(), r.item(), r.time(), q, price, amount, r.cancellation(), i));
        }
        return finish(e, kept);
    }

    /**
     * Drops the lines of customers with no purchase (counting them as cancellations) and sorts by
     * customer in natural id order, then time, then input order.
     */
    static Expected finish(Expected e, List<Line> kept) {
        Set<String> buyers = new HashSet<>();
        for (Line l : kept) {
            if (!l.cancellation()) {
                buyers.add(l.customer());
            }
        }
        for (Line l : kept) {
            if (buyers.contains(l.customer())) {
                e.lines.add(l);
            } else {
                e.skipped.merge(SkipReason.CANCELLATION, 1L, Long::sum);
            }
        }
        Comparator<String> byId = naturalOrder(e.lines.stream().map(Line::customer).toList());
        e.lines.sort(Comparator.comparing(Line::customer, byId).thenComparingLong(Line::time)
                .thenComparingInt(Line::input));
        return e;
    }

    /** Numeric order when every id is the canonical text of a long, else String order. */
    static Comparator<String> naturalOrder(List<String> ids) {
        boolean numeric = ids.stream().allMatch(RandomLogs::canonical);
        return numeric ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder();
    }

    /** The distinct ids in natural order. */
    static List<String> sortedDistinct(List<String> ids) {
        List<String> distinct = new ArrayList<>(new HashSet<>(ids));
        distinct.sort(naturalOrder(distinct));
        return distinct;
    }

    /** Canonical long text, written independently of {@code IdIndex.isCanonicalLong}. */
    static boolean canonical(String s) {
        try {
            return Long.toString(Long.parseLong(s)).equals(s);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Per customer, the amounts summed in line order. */
    static Map<String, Double> spend(List<Line> lines) {
        Map<String, Double> m = new HashMap<>();
        for (Line l : lines) {
            m.merge(l.customer(), l.amount(), Double::sum);
        }
        return m;
    }
}
