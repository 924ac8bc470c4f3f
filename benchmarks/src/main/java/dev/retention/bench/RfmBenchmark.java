package dev.retention.bench;

import dev.retention.data.TransactionLog;
import dev.retention.rfm.Rfm;
import dev.retention.rfm.RfmModel;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * RFM over about one million synthetic order lines (191,000 customers of the default synthetic shop),
 * against a straightforward baseline: per-customer hash maps of last time, distinct order ids and
 * spend, then scores from a comparator sort of boxed rows. Both produce the same recency, frequency and
 * monetary values and quintile scores (ties by id).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RfmBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class RfmBenchmark {

    @Param({"191000"})
    int customers;

    TransactionLog log;

    @Setup
    public void setup() {
        log = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(customers).withSeed(42)).log();
    }

    @Benchmark
    public RfmModel retention() {
        return Rfm.fit(log);
    }

    @Benchmark
    public int[][] naiveHashMaps() {
        return naiveRfm(log);
    }

    /** The baseline: what a first implementation over boxed collections looks like. */
    static int[][] naiveRfm(TransactionLog log) {
        Map<String, Long> last = new HashMap<>();
        Map<String, Set<String>> orders = new HashMap<>();
        Map<String, Double> spend = new HashMap<>();
        long asOf = Long.MIN_VALUE;
        for (int i = 0; i < log.size(); i++) {
            String c = log.customers().id(log.customer(i));
            last.merge(c, log.time(i), Math::max);
            orders.computeIfAbsent(c, k -> new HashSet<>()).add(log.orders().id(log.order(i)));
            spend.merge(c, log.amount(i), Double::sum);
            asOf = Math.max(asOf, log.time(i));
        }
        asOf += 86_400;
        List<String> ids = new ArrayList<>(last.keySet());
        ids.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        int n = ids.size();
        double[][] values = new double[3][n];
        for (int i = 0; i < n; i++) {
            String c = ids.get(i);
            values[0][i] = Math.floorDiv(asOf - last.get(c), 86_400);
            values[1][i] = orders.get(c).size();
            values[2][i] = spend.get(c);
        }
        int[][] scores = new int[3][n];
        for (int k = 0; k < 3; k++) {
            double[] v = values[k];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> v[a] != v[b] ? Double.compare(v[a], v[b]) : Integer.compare(a, b));
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
