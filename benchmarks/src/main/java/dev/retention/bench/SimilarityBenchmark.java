package dev.retention.bench;

import dev.retention.bench.study.SparseShapes;
import dev.retention.recsys.similarity.SimilarityMatrix;
import dev.retention.recsys.similarity.SimilarityMeasure;
import dev.retention.recsys.similarity.SimilarityOptions;
import dev.retention.recsys.similarity.Similarities;
import dev.retention.recsys.sparse.CsrMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Full similarity matrices between users or items of a MovieLens-shaped rating matrix:
 * {@code RETENTION} ({@link Similarities#compute}, row-wise accumulation over the transpose, one
 * thread), {@code RETENTION_2T} (two threads) and {@code NAIVE} (every pair of rows, merging their
 * sorted entries to find the co-rated ones, as a first implementation would, one thread). There is no EJML
 * counterpart: EJML has no co-rated similarity measures.
 *
 * <p>Precision: the same in all: float ratings in, sums accumulated in double, float similarities out.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimilarityBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SimilarityBenchmark {

    /** Implementations. */
    public enum Impl { RETENTION, RETENTION_2T, NAIVE }

    @Param({"ML100K", "ML1M"})
    SparseShapes.Shape shape;

    @Param({"MSD", "PEARSON"})
    SimilarityMeasure measure;

    @Param({"user", "item"})
    String between;

    @Param({"RETENTION", "RETENTION_2T", "NAIVE"})
    Impl impl;

    CsrMatrix rows;

    @Setup(Level.Trial)
    public void setup() {
        CsrMatrix a = SparseShapes.generate(shape, 42).csr();
        rows = between.equals("user") ? a : a.transpose();
    }

    @Benchmark
    public Object similarity() {
        SimilarityOptions o = SimilarityOptions.defaults().withMeasure(measure)
                .withRepresentation(SimilarityOptions.Representation.FULL);
        return switch (impl) {
            case RETENTION -> Similarities.compute(rows, o);
            case RETENTION_2T -> Similarities.compute(rows, o.withThreads(2));
            case NAIVE -> naive(rows, measure);
        };
    }

    /** Pairwise merge of sorted rows; MSD or Pearson over the co-rated entries. */
    static float[] naive(CsrMatrix a, SimilarityMeasure measure) {
        return naive(a, measure, 0);
    }

    /**
     * Pairwise merge of sorted rows: MSD or Pearson over the co-rated entries, or, for
     * {@link SimilarityMeasure#PEARSON_BASELINE} on values that are already baseline residuals, their cosine
     * shrunk by {@code (n - 1) / (n - 1 + shrinkage)} (Surprise's formulas, minimum support 1).
     */
    static float[] naive(CsrMatrix a, SimilarityMeasure measure, double shrinkage) {
        int n = a.rows();
        float[] sim = new float[n * n];
        for (int x = 0; x < n; x++) {
            sim[x * n + x] = 1f;
            for (int y = x + 1; y < n; y++) {
                int p = a.rowStart(x);
                int q = a.rowStart(y);
                int pe = a.rowEnd(x);
                int qe = a.rowEnd(y);
                int cnt = 0;
                double sx = 0;
                double sy = 0;
                double sxx = 0;
                double syy = 0;
                double sxy = 0;
                while (p < pe && q < qe) {
                    int cp = a.columnIndex(p);
                    int cq = a.columnIndex(q);
                    if (cp < cq) {
                        p++;
                    } else if (cp > cq) {
                        q++;
                    } else {
                        double u = a.value(p++);
                        double v = a.value(q++);
                        cnt++;
                        sx += u;
                        sy += v;
                        sxx += u * u;
                        syy += v * v;
                        sxy += u * v;
                    }
                }
                float s = 0f;
                if (cnt > 0) {
                    if (measure == SimilarityMeasure.MSD) {
                        s = (float) (1 / ((sxx + syy - 2 * sxy) / cnt + 1));
                    } else if (measure == SimilarityMeasure.PEARSON_BASELINE) {
                        double den = Math.sqrt(sxx * syy);
                        s = den > 0 ? (float) ((cnt - 1) / (cnt - 1 + shrinkage) * sxy / den) : 0f;
                    } else {
                        double den = Math.sqrt((cnt * sxx - sx * sx) * (cnt * syy - sy * sy));
                        s = den > 0 ? (float) ((cnt * sxy - sx * sy) / den) : 0f;
                    }
                }
                sim[x * n + y] = s;
                sim[y * n + x] = s;
            }
        }
        return sim;
    }

    /** Keeps the result type visible to readers of the benchmark. */
    static SimilarityMatrix.Representation representation(Object o) {
        return o instanceof SimilarityMatrix m ? m.representation() : null;
    }
}
