package dev.retention.rfm;

import dev.retention.data.IdIndex;
import dev.retention.matrix.DenseMatrix;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The training customers of an {@link RfmModel} fitted by {@link Rfm#fit} ({@link RfmModel#table()}): one row per
 * customer with a purchase before the as-of instant, with recency (days), frequency (orders), monetary value
 * (spend), the R, F and M scores, the weighted score and the segment. Rows are in the natural order of customer
 * ids; rows are looked up by external id ({@link #rowOf}). Immutable and thread-safe.
 *
 * <p>{@code toString()} prints the segment table; {@link #writeCsv(Path)} writes every row; {@link #features()}
 * gives the raw values as a matrix for clustering.
 */
public final class RfmTable {

    private final IdIndex customers;
    private final int[] customer;
    private final int[] recency;
    private final int[] frequency;
    private final double[] monetary;
    private final byte[] r;
    private final byte[] f;
    private final byte[] m;
    private final int[] segment;
    private final Instant asOf;
    private final RfmOptions options;

    /** Takes ownership of the arrays. */
    RfmTable(IdIndex customers, int[] customer, int[] recency, int[] frequency, double[] monetary, byte[] r, byte[] f,
             byte[] m, Instant asOf, RfmOptions options) {
        this.customers = customers;
        this.customer = customer;
        this.recency = recency;
        this.frequency = frequency;
        this.monetary = monetary;
        this.r = r;
        this.f = f;
        this.m = m;
        this.asOf = asOf;
        this.options = options;
        this.segment = new int[customer.length];
        RfmSegments segments = options.segments();
        for (int i = 0; i < customer.length; i++) {
            segment[i] = segments.segmentIndex(r[i], f[i]);
        }
    }

    /** {@return the number of rows (customers with a purchase before the as-of instant)} */
    public int size() {
        return customer.length;
    }

    /** {@return the instant the values were computed at} */
    public Instant asOf() {
        return asOf;
    }

    /** {@return the options used} */
    public RfmOptions options() {
        return options;
    }

    /**
     * {@return the external id of a row's customer}
     *
     * @param row row, in [0, size())
     */
    public String customerId(int row) {
        return customers.id(customer[row]);
    }

    /**
     * {@return the dense customer index (in the transaction log) of a row}
     *
     * @param row row, in [0, size())
     */
    public int customerIndex(int row) {
        return customer[row];
    }

    /**
     * {@return the row of an external customer id, or -1 if the customer is not in the table}
     *
     * @param customerId an external customer id
     */
    public int rowOf(String customerId) {
        int c = customers.indexOf(customerId);
        if (c < 0) {
            return -1;
        }
        int row = java.util.Arrays.binarySearch(customer, c);
        return row >= 0 ? row : -1;
    }

    /**
     * {@return whole days from the customer's last purchase to the as-of instant}
     *
     * @param row row, in [0, size())
     */
    public int recency(int row) {
        return recency[row];
    }

    /**
     * {@return the number of distinct orders}
     *
     * @param row row, in [0, size())
     */
    public int frequency(int row) {
        return frequency[row];
    }

    /**
     * {@return the total spend}
     *
     * @param row row, in [0, size())
     */
    public double monetary(int row) {
        return monetary[row];
    }

    /**
     * {@return the mean order value: monetary / frequency}
     *
     * @param row row, in [0, size())
     */
    public double meanOrderValue(int row) {
        return monetary[row] / frequency[row];
    }

    /**
     * {@return the recency score 1..5 (5 = most recent)}
     *
     * @param row row, in [0, size())
     */
    public int r(int row) {
        return r[row];
    }

    /**
     * {@return the frequency score 1..5 (5 = most orders)}
     *
     * @param row row, in [0, size())
     */
    public int f(int row) {
        return f[row];
    }

    /**
     * {@return the monetary score 1..5 (5 = highest spend)}
     *
     * @param row row, in [0, size())
     */
    public int m(int row) {
        return m[row];
    }

    /**
     * {@return the weighted score with the options' weights}
     *
     * @param row row, in [0, size())
     */
    public double weightedScore(int row) {
        return options.weights().apply(r[row], f[row], m[row]);
    }

    /**
     * {@return the segment name of a row}
     *
     * @param row row, in [0, size())
     */
    public String segment(int row) {
        return options.segments().names().get(segment[row]);
    }

    /**
     * {@return all scores of a row}
     *
     * @param row row, in [0, size())
     */
    public RfmScore score(int row) {
        return new RfmScore(r[row], f[row], m[row], weightedScore(row), segment(row));
    }

    /**
     * {@return the weighted scores of all rows with other weights; a new array}
     *
     * @param weights the weights of R, F and M
     */
    public double[] weightedScores(RfmWeights weights) {
        Objects.requireNonNull(weights, "weights");
        double[] s = new double[customer.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = weights.apply(r[i], f[i], m[i]);
        }
        return s;
    }

    /** {@return the recency of all rows, copied} */
    public int[] recencies() {
        return recency.clone();
    }

    /** {@return the frequency of all rows, copied} */
    public int[] frequencies() {
        return frequency.clone();
    }

    /** {@return the monetary value of all rows, copied} */
    public double[] monetaryValues() {
        return monetary.clone();
    }

    /** {@return the mean recency in days} */
    public double meanRecency() {
        double s = 0;
        for (int v : recency) {
            s += v;
        }
        return s / recency.length;
    }

    /** {@return the mean frequency} */
    public double meanFrequency() {
        double s = 0;
        for (int v : frequency) {
            s += v;
        }
        return s / frequency.length;
    }

    /** {@return the mean monetary value} */
    public double meanMonetary() {
        double s = 0;
        for (double v : monetary) {
            s += v;
        }
        return s / monetary.length;
    }

    /** {@return the number of customers per segment, in the order of the segment map, empty segments included} */
    public Map<String, Integer> segmentCounts() {
        List<String> names = options.segments().names();
        int[] counts = new int[names.size()];
        for (int s : segment) {
            counts[s]++;
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            result.put(names.get(i), counts[i]);
        }
        return result;
    }

    /**
     * {@return the raw values as a feature matrix for clustering: one row per customer in row order, columns named
     * {@code recency} (days), {@code frequency} (orders) and {@code monetary} (spend)} Transform it with
     * {@link dev.retention.matrix.FeatureScaling} (k-means on RFM usually takes
     * {@code FeatureScaling.Kind.LOG1P_ZSCORE}), or give the raw matrix to a model that keeps its own scaling, so
     * that the model scores raw values. A new matrix; O(customers).
     */
    public DenseMatrix features() {
        DenseMatrix.Builder b = DenseMatrix.builder(customer.length, 3, FEATURES);
        for (int i = 0; i < customer.length; i++) {
            b.set(i, 0, recency[i]).set(i, 1, frequency[i]).set(i, 2, monetary[i]);
        }
        return b.build();
    }

    private static final String[] FEATURES = {"recency", "frequency", "monetary"};

    /**
     * Writes every row as CSV with header
     * {@code customer,recency_days,frequency,monetary,r,f,m,rfm_score,segment}.
     *
     * @param path the file, UTF-8, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public void writeCsv(Path path) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            writeCsv(w);
        }
    }

    /**
     * Writes every row as CSV to a writer (not closed); see {@link #writeCsv(Path)}.
     *
     * @param out written: the CSV text, not closed
     * @throws IOException if the writer fails
     */
    public void writeCsv(Writer out) throws IOException {
        out.write("customer,recency_days,frequency,monetary,r,f,m,rfm_score,segment\n");
        for (int i = 0; i < customer.length; i++) {
            out.write(csvField(customerId(i)));
            out.write(String.format(Locale.ROOT, ",%d,%d,%.2f,%d,%d,%d,%s,", recency[i], frequency[i], monetary[i],
                    r[i], f[i], m[i], number(weightedScore(i))));
            out.write(csvField(segment(i)));
            out.write('\n');
        }
    }

    /** A number as text: whole values without a decimal point, others in shortest round-trip form. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String csvField(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** A summary line and the segment table: customers, share, mean recency, frequency and monetary. */
    @Override
    public String toString() {
        List<String> names = options.segments().names();
        int k = names.size();
        int[] count = new int[k];
        double[] sumR = new double[k];
        double[] sumF = new double[k];
        double[] sumM = new double[k];
        for (int i = 0; i < customer.length; i++) {
            int s = segment[i];
            count[s]++;
            sumR[s] += recency[i];
            sumF[s] += frequency[i];
            sumM[s] += monetary[i];
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "RFM of %,d customers as of %s: mean recency %.3f days, "
                        + "mean frequency %.4f orders, mean monetary %.2f%n", size(), asOf, meanRecency(),
                meanFrequency(), meanMonetary()));
        sb.append(String.format(Locale.ROOT, "%-20s %10s %7s %12s %10s %12s%n", "segment", "customers", "share",
                "recency", "frequency", "monetary"));
        for (int s = 0; s < k; s++) {
            int c = count[s];
            if (c == 0) {
                sb.append(String.format(Locale.ROOT, "%-20s %10d %6.1f%% %12s %10s %12s%n", names.get(s), 0, 0.0,
                        "-", "-", "-"));
            } else {
                sb.append(String.format(Locale.ROOT, "%-20s %,10d %6.1f%% %12.1f %10.2f %12.2f%n", names.get(s), c,
                        100.0 * c / size(), sumR[s] / c, sumF[s] / c, sumM[s] / c));
            }
        }
        return sb.toString();
    }
}
