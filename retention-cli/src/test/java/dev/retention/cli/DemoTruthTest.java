package dev.retention.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's comparisons with the synthetic shop's truth print "n/a" (NaN) where the library's measure is undefined
 * or a model gave a value that is not finite, instead of failing; the measures themselves are core's
 * {@code RocAuc} and {@code Correlation}, with their SciPy and scikit-learn goldens in core.
 */
class DemoTruthTest {

    private static final double[] A = {3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0};
    private static final double[] B = {2.7, 1.8, 2.8, 1.8, 2.8, 4.5, 9.0, 4.5, 2.0, 0.0};

    /** Golden: SciPy 1.10.1, {@code spearmanr(A, B).correlation} and {@code pearsonr(A, B)[0]}; tolerance 1e-12. */
    @Test
    void correlations_areSciPys() {
        assertEquals(0.5092592592592592, DemoCommand.spearman(A, B), 1e-12);
        assertEquals(0.14785965701666548, DemoCommand.pearson(A, B), 1e-12);
    }

    @Test
    void correlations_areNaNForConstantOrNonFiniteInput() {
        double[] constant = new double[A.length];
        assertTrue(Double.isNaN(DemoCommand.spearman(A, constant)));
        assertTrue(Double.isNaN(DemoCommand.pearson(constant, B)));
        double[] withNaN = A.clone();
        withNaN[3] = Double.NaN;
        assertTrue(Double.isNaN(DemoCommand.spearman(withNaN, B)));
        assertTrue(Double.isNaN(DemoCommand.pearson(B, withNaN)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoCommand.spearman(A, new double[3]));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void auc_isNaNWithOneClassOrANonFiniteScore() {
        assertTrue(Double.isNaN(DemoCommand.auc(new int[] {1, 1, 1}, new double[] {0.1, 0.2, 0.3})));
        assertTrue(Double.isNaN(DemoCommand.auc(new int[] {0, 1, 1}, new double[] {0.1, Double.NaN, 0.3})));
        assertTrue(Double.isNaN(DemoCommand.auc(new int[0], new double[0])));
        assertEquals(1.0, DemoCommand.auc(new int[] {0, 1, 1}, new double[] {0.1, 0.2, 0.3}), 0);
    }
}
