package dev.retention.bench;

import dev.retention.data.TransactionLog;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmModel;
import dev.retention.rfm.RfmTable;
import dev.retention.synth.SyntheticShop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * RFM over about one million synthetic order lines (191,000 customers of the default synthetic shop): the library's
 * {@link Rfm#fit} against the best a careful user would write with {@code java.util} alone: one pass over the lines
 * into a hash map of per-customer accumulators (last time, the set of order ids, spend), customer ids parsed once,
 * rows sorted by id, then for each measure a stable sort of boxed row indexes by value (so equal values stay in id
 * order, as pandas' {@code rank(method="first")}) cut into quintiles. Both read the same {@link TransactionLog}, run
 * on one thread, in double precision, and give the same recency, frequency and monetary values and quintile scores
 * (ties by id), which {@link #setup()} checks before measuring.
 *
 * <p>The library's fit includes building its {@code RfmTable} and fit summary; the log's data fingerprint, which the
 * summary records, is computed by the first fit (in {@link #setup()}) and cached in the log, so the measured fits do
 * not pay it: about 20 ms per million lines, once per log, measured on the shared 2-core machine.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RfmBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class RfmBenchmark {

    private static final long DAY = 86_400;

    @Param({"191000"})
    int customers;

    TransactionLog log;

    /** Generates the log, and checks that both implementations give the same scores. */
    @Setup
    public void setup() {
        log = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(customers).withSeed(42)).log();
        RfmTable table = Rfm.fit(log).table().orElseThrow();
        int[][] baseline = javaUtilRfm(log);
        for (int i = 0; i < table.size(); i++) {
            if (table.r(i) != baseline[0][i] || table.f(i) != baseline[1][i] || table.m(i) != baseline[2][i]) {
                throw new IllegalStateException("the baseline's scores differ from the library's at row " + i
                        + " (customer " + table.customerId(i) + ")");
            }
        }
    }

    /** The library: values, scores, segments, the fitted edges and the fit summary. */
    @Benchmark
    public RfmModel retention() {
        return Rfm.fit(log);
    }

    /** The baseline with {@code java.util} collections. */
    @Benchmark
    public int[][] javaUtil() {
        return javaUtilRfm(log);
    }

    /** Per-customer accumulator of the baseline. */
    private static final class Customer {
        final long id;
        long last = Long.MIN_VALUE;
        final Set<String> orders = new HashSet<>();
        double spend;

        Customer(long id) {
            this.id = id;
        }
    }

    /**
     * The baseline: R, F and M scores of every customer in id order, {@code [measure][row]}. Ids are parsed once,
     * when a customer is first seen; every sort compares primitives.
     */
    static int[][] javaUtilRfm(TransactionLog log) {
        Map<String, Customer> byId = new HashMap<>();
        long asOf = Long.MIN_VALUE;
        for (int i = 0; i < log.size(); i++) {
            Customer c = byId.computeIfAbsent(log.customers().id(log.customer(i)), k -> new Customer(Long.parseLong(k)));
            c.last = Math.max(c.last, log.time(i));
            c.orders.add(log.orders().id(log.order(i)));
            c.spend += log.amount(i);
            asOf = Math.max(asOf, log.time(i));
        }
        asOf += DAY;
        List<Customer> rows = new ArrayList<>(byId.values());
        rows.sort(Comparator.comparingLong(c -> c.id));
        int n = rows.size();
        double[][] values = new double[3][n];
        for (int i = 0; i < n; i++) {
            Customer c = rows.get(i);
            values[0][i] = Math.floorDiv(asOf - c.last, DAY);
            values[1][i] = c.orders.size();
            values[2][i] = c.spend;
        }
        int[][] scores = new int[3][n];
        for (int k = 0; k < 3; k++) {
            double[] v = values[k];
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));   // stable: ties stay in id order
            for (int j = 0; j < n; j++) {
                int rank = j + 1;
                int bin = 1;
                while (bin < 5 && rank > Math.floor(bin * 0.2 * (n - 1)) + 1) {
                    bin++;
                }
                scores[k][order[j]] = k == 0 ? 6 - bin : bin;
            }
        }
        return scores;
    }
}
