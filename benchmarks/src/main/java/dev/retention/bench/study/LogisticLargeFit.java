package dev.retention.bench.study;

import dev.retention.churn.logistic.LogisticModel;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.matrix.DenseMatrix;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * One-shot timing of {@code LogisticRegression.fit} (L-BFGS, L2, C = 1, tol 1e-4: scikit-learn's
 * {@code LogisticRegression()}) on a large problem written by NumPy, compared with scikit-learn's
 * coefficients. Not a JMH benchmark: what counts is the time of one fit, as scikit-learn's is timed,
 * so each fit is timed once (the first includes JIT compilation) and the peak heap is reported.
 *
 * <p>Input: a binary file of big-endian int32 rows, int32 cols, {@code rows * cols} float64 features
 * row-major, then {@code rows} int8 labels; optionally a text file of reference coefficients then the
 * intercept, one per line. Generate both with (scikit-learn 1.2.1):
 * <pre>
 * X, y = make_classification(n_samples=1_000_000, n_features=50, random_state=0)
 * with open(path, "wb") as f:
 *     f.write(np.array(X.shape, dtype=">i4").tobytes()); f.write(X.astype(">f8").tobytes())
 *     f.write(y.astype("i1").tobytes())
 * m = LogisticRegression().fit(X, y)   # time this
 * np.savetxt(ref, np.r_[m.coef_.ravel(), m.intercept_])
 * </pre>
 * <p>Precision: double throughout (features, coefficients, the loss and its gradient), as scikit-learn's
 * float64 fit it is compared with; both fit on the same number of threads ({@code THREADS}, default 1, and
 * scikit-learn's lbfgs solver is single-threaded except for the BLAS calls NumPy makes).
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.retention.bench.study.LogisticLargeFit DATA
 * [REFERENCE] [THREADS] [REPEATS]}.
 */
public final class LogisticLargeFit {

    private LogisticLargeFit() {
    }

    /** Reads the data, fits {@code repeats} times and prints the timings. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LogisticLargeFit DATA.bin [REFERENCE.txt] [THREADS] [REPEATS]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        double[] reference = args.length > 1 && !args[1].equals("-") ? readReference(Path.of(args[1])) : null;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long t0 = System.nanoTime();
        Problem p = read(data);
        System.out.printf(Locale.ROOT, "read %,d x %d in %.2f s; %d thread(s)%n", p.x.rows(), p.x.columns(),
                (System.nanoTime() - t0) / 1e9, threads);
        LogisticOptions options = LogisticOptions.defaults().withThreads(threads);
        for (int r = 0; r < repeats; r++) {
            long s = System.nanoTime();
            LogisticModel m = LogisticRegression.fit(p.x, p.y, options);
            double seconds = (System.nanoTime() - s) / 1e9;
            String diff = "";
            if (reference != null) {
                double[] w = m.coefficients();
                double max = Math.abs(m.intercept() - reference[w.length]);
                for (int j = 0; j < w.length; j++) {
                    max = Math.max(max, Math.abs(w[j] - reference[j]));
                }
                diff = String.format(Locale.ROOT, ", max |coef - sklearn| = %.2e", max);
            }
            System.out.printf(Locale.ROOT, "fit %d: %.3f s, %d iterations, %s%s%n", r + 1, seconds,
                    m.fitSummary().iterations(), m.fitSummary().converged() ? "converged" : "NOT converged", diff);
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks) %.0f MB%n", peakHeap() / 1e6);
    }

    private static final class Problem {
        private final DenseMatrix x;
        private final int[] y;

        Problem(DenseMatrix x, int[] y) {
            this.x = x;
            this.y = y;
        }
    }

    private static Problem read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            readFully(ch, head);
            head.flip();
            int rows = head.getInt();
            int cols = head.getInt();
            DenseMatrix.Builder b = DenseMatrix.builder(rows, cols);
            ByteBuffer buf = ByteBuffer.allocateDirect(cols * 8).order(ByteOrder.BIG_ENDIAN);
            double[] row = new double[cols];
            for (int i = 0; i < rows; i++) {
                buf.clear();
                readFully(ch, buf);
                buf.flip();
                buf.asDoubleBuffer().get(row);
                b.setRow(i, row);
            }
            ByteBuffer labels = ByteBuffer.allocate(rows);
            readFully(ch, labels);
            int[] y = new int[rows];
            for (int i = 0; i < rows; i++) {
                y[i] = labels.get(i);
            }
            return new Problem(b.build(), y);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static double[] readReference(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.stream().filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
