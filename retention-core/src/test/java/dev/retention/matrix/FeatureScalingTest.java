package dev.retention.matrix;

import dev.retention.model.ModelFile;
import dev.retention.random.EnumDraws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeatureScalingTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /**
     * scikit-learn 1.2: {@code StandardScaler().fit_transform(np.log1p([[1, 10], [3, 20], [7, 40]]))}
     * gives [[-1.2247449, -1.2247449], [0, 0], [1.2247449, 1.2247449]] for columns that are evenly spaced in log
     * space: log1p(1, 3, 7) = ln 2, ln 4, ln 8. Tolerance 1e-12.
     */
    @Test
    void log1pZscore_matchesStandardScalerOnLog1p() {
        DenseMatrix raw = DenseMatrix.of(new double[][] {{1, 1}, {3, 3}, {7, 7}});
        DenseMatrix z = FeatureScaling.fit(raw, FeatureScaling.Kind.LOG1P_ZSCORE).apply(raw);
        double s = Math.sqrt(1.5);
        assertArrayEquals(new double[] {-s, -s, 0, 0, s, s}, z.toRowMajor(), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void apply_rowByRowEqualsTheMatrixAndInvertUndoesIt(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        FeatureScaling.Kind kind = EnumDraws.at(FeatureScaling.Kind.class, seed);
        double[][] x = DenseMatrixTest.random(rnd);
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.abs(row[j]);
            }
        }
        if (x.length > 1 && rnd.nextBoolean()) {
            for (double[] row : x) {
                row[0] = 4;   // a constant column becomes 0
            }
        }
        DenseMatrix raw = DenseMatrix.of(x);
        FeatureScaling f = FeatureScaling.fit(raw, kind);
        DenseMatrix scaled = f.apply(raw);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(scaled.row(i), f.apply(x[i]), 0.0, "seed " + seed);
            if (f.standardDeviations()[0] > 0) {
                assertArrayEquals(x[i], f.invert(f.apply(x[i])), 1e-9 * 100, "seed " + seed);
            }
        }
        ModelFile.Writer w = ModelFile.writer("t", 1);
        f.writeTo(w, "scaling");
        assertEquals(f, FeatureScaling.readFrom(ModelFile.parse(w.toBytes(), "mem"), "scaling"), "seed " + seed);
    }

    @Test
    void badInput_isRefusedNamingTheValue() {
        DenseMatrix raw = DenseMatrix.of(new double[][] {{1, -2}}, "recency", "monetary");
        assertEquals("log1p needs values > -1, but row 0, column 1 (monetary) is -2.0", assertThrows(
                IllegalArgumentException.class, () -> FeatureScaling.fit(raw, FeatureScaling.Kind.LOG1P)).getMessage());
        FeatureScaling f = FeatureScaling.fit(DenseMatrix.of(new double[][] {{1, 2}}), FeatureScaling.Kind.ZSCORE);
        assertEquals("the row has 3 values, the scaling was fitted on 2 columns",
                assertThrows(IllegalArgumentException.class, () -> f.apply(new double[3])).getMessage());
        assertEquals("column 1 is Infinity; every value must be finite", assertThrows(IllegalArgumentException.class,
                () -> f.apply(new double[] {0, Double.POSITIVE_INFINITY})).getMessage());
    }
}
