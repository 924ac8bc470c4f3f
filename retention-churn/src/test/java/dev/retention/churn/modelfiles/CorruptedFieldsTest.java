package dev.retention.churn.modelfiles;

import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessingModel;
import dev.retention.model.Model;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import dev.retention.model.testing.ModelFileBattery;
import dev.retention.model.testing.ModelFileBattery.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every churn model type (logistic regression, linear SVM, decision tree, random forest, preprocessing, pipeline)
 * through the shared corruption battery ({@link ModelFileBattery}), nested model files (the pipeline's) included.
 * A structural field (a tree offset, a child index, a node's count of rows, a column's level counts) must be
 * refused; any other must be refused or load into a model whose predictions are probabilities in [0, 1] (the
 * issue's 4.6 KB forest whose {@code tree_offsets[1]} was 2^30 allocated 8 GB; the battery bounds what a read
 * allocates).
 */
class CorruptedFieldsTest {

    /** Sections whose every int is structural (a node's feature is not: another valid feature is another tree). */
    private static final String[] STRUCTURAL_SECTIONS = {"tree_offsets", "node_left", "node_right", "node_count",
        "level_counts"};

    static Stream<Case> cases() {
        return ChurnModelReaderTest.models().map(m -> Case.of(m.modelType() + " " + m.fitSummary().algorithm(),
                () -> m, CorruptedFieldsTest::probe).withDimensions(STRUCTURAL_SECTIONS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCorruptedField_isRefusedOrHarmless(Case c) {
        ModelFileBattery.Result r = ModelFileBattery.run(c);
        assertTrue(r.refused() > 100 && r.fields() > 20, r.toString());
    }

    /**
     * Two coefficients of +-1e308 (a valid, checksummed file) on a row of 2s: the plain sum is {@code Infinity -
     * Infinity}, which gave NaN; the probability must be a number in [0, 1] and the same for the logistic model and
     * the SVM.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.retention.churn.modelfiles.ChurnModelReaderTest#models")
    void extremeCoefficients_giveFiniteProbabilities(Model m) throws ModelFormatException {
        String algorithm = m.fitSummary().algorithm();
        if (!(m instanceof ProbabilisticClassifier c)
                || !(algorithm.contains("linear") || algorithm.contains("logistic"))) {
            return;
        }
        byte[] bytes = m.toBytes();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        for (ModelFileBattery.Field f : ModelFileBattery.fields(bytes, Set.of())) {
            if (f.label().equals("section 'coefficients'[0]")) {
                buf.putDouble(f.offset(), 1e308);
            } else if (f.label().equals("section 'coefficients'[1]")) {
                buf.putDouble(f.offset(), -1e308);
            }
        }
        ModelFileBattery.recomputeChecksum(bytes, 0, bytes.length);
        ProbabilisticClassifier back = (ProbabilisticClassifier) Models.fromBytes(bytes, "extreme.rtnm");
        double[] twos = new double[c.featureCount()];
        Arrays.fill(twos, 2);
        double p = back.probability(twos);
        assertTrue(p >= 0 && p <= 1, m.modelType() + ": " + p);
        for (double v : back.contributions(twos).values()) {
            assertTrue(Double.isFinite(v), m.modelType() + ": contribution " + v);
        }
    }

    /**
     * Probabilities in [0, 1] or finite features. A bit flip in a column name gives a valid model of other columns,
     * which the test table cannot feed: its clear refusal naming the column is an answer too.
     */
    private static void probe(Model m) {
        try {
            predict(m);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().matches("column '.*', which the preprocessing was fitted on, is not in the table .*")) {
                throw e;
            }
        }
    }

    private static void predict(Model m) {
        if (m instanceof ProbabilisticClassifier c) {
            ModelFileBattery.requireWithin("probability", 0, 1, c.probabilities(ChurnModelReaderTest.problem().x()));
            return;
        }
        int[] rows = IntStream.range(0, ChurnModelReaderTest.table().rows()).toArray();
        if (m instanceof ChurnPipelineModel p) {
            ModelFileBattery.requireWithin("probability", 0, 1, p.allowingUnusable()
                    .score(ChurnModelReaderTest.table(), rows).probabilities());
            return;
        }
        PreprocessingModel pre = (PreprocessingModel) m;
        ModelFileBattery.requireFinite("transformed value", pre.transform(ChurnModelReaderTest.table(), rows)
                .features().toRowMajor());
    }
}
