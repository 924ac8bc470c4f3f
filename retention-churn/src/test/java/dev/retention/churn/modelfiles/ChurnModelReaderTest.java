package dev.retention.churn.modelfiles;

import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.churn.classifier.RandomProblems;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.forest.ForestModel;
import dev.retention.churn.forest.ForestOptions;
import dev.retention.churn.forest.RandomForest;
import dev.retention.churn.logistic.LogisticModel;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.pipeline.ChurnPipeline;
import dev.retention.churn.pipeline.ChurnPipelineModel;
import dev.retention.churn.preprocess.PreprocessOptions;
import dev.retention.churn.preprocess.PreprocessingModel;
import dev.retention.churn.preprocess.Preprocessor;
import dev.retention.churn.svm.LinearSvm;
import dev.retention.churn.svm.SvmModel;
import dev.retention.churn.svm.SvmOptions;
import dev.retention.churn.tree.DecisionTree;
import dev.retention.churn.tree.TreeModel;
import dev.retention.churn.tree.TreeOptions;
import dev.retention.model.Model;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import dev.retention.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every churn model type goes through {@code Models.load}: saved and loaded it is equal to the model saved,
 * with the same fit summary; corrupted, foreign, newer and older files are refused with the file named.
 */
class ChurnModelReaderTest {

    private static final RandomProblems.Problem P = RandomProblems.generate(3, 200, 4, false);

    static RandomProblems.Problem problem() {
        return P;
    }

    static CustomerTable table() {
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 200;
        double[] tenure = new double[n];
        String[] plan = new String[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            tenure[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(60);
            plan[i] = rnd.nextBoolean() ? "basic" : "pro";
            y[i] = rnd.nextDouble() < (plan[i].equals("basic") ? 0.6 : 0.3) ? 1 : 0;
        }
        return CustomerTable.builder(n).numeric("tenure", tenure).categorical("plan", plan).labels(y, "churn", "1")
                .build();
    }

    static Stream<Model> models() {
        CustomerTable t = table();
        int[] all = java.util.stream.IntStream.range(0, t.rows()).toArray();
        return Stream.of(
                LogisticRegression.fit(P.x(), P.y(), LogisticOptions.defaults()),
                LinearSvm.fit(P.x(), P.y(), SvmOptions.defaults().withSeed(4)),
                DecisionTree.fit(P.x(), P.y(), TreeOptions.defaults().withMaxDepth(4)),
                RandomForest.fit(P.x(), P.y(), ForestOptions.defaults().withTrees(5)),
                Preprocessor.fit(t, PreprocessOptions.defaults().withMissingIndicators(true)),
                ChurnPipeline.fit(t, all, PreprocessOptions.defaults(), RandomForest.learner(
                        ForestOptions.defaults().withTrees(4))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void load_returnsAnEqualModelOfTheRightClass(Model m, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(m.modelType() + ".rtnm");
        m.save(file);
        Model any = Models.load(file);
        assertEquals(m.getClass(), any.getClass());
        Model back = Models.load(file, m.getClass());
        assertEquals(m, back);
        assertEquals(m.hashCode(), back.hashCode());
        assertEquals(m.fitSummary(), back.fitSummary());
        assertEquals(m.toString(), back.toString());
        assertEquals(2, back.schemaVersion());
        assertArrayEquals(m.toBytes(), back.toBytes());
        if (m instanceof ProbabilisticClassifier c) {
            assertArrayEquals(c.probabilities(P.x()), ((ProbabilisticClassifier) back).probabilities(P.x()), 0.0);
        }
    }

    @Test
    void reader_listsEveryTypeOfTheModule() {
        assertEquals(java.util.Set.of(LogisticModel.MODEL_TYPE, SvmModel.MODEL_TYPE, TreeModel.MODEL_TYPE,
                ForestModel.MODEL_TYPE, PreprocessingModel.MODEL_TYPE, ChurnPipelineModel.MODEL_TYPE),
                new ChurnModelReader().modelTypes());
        assertTrue(Models.readableTypes().containsAll(new ChurnModelReader().modelTypes()));
    }

    @Test
    void corruptedFile_isRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("corrupted.rtnm");
        LogisticRegression.fit(P.x(), P.y(), LogisticOptions.defaults()).save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void foreignType_isRefusedNamingTheFileAndBothTypes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tree.rtnm");
        DecisionTree.fit(P.x(), P.y(), TreeOptions.defaults()).save(file);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Models.load(file, LogisticModel.class));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("decision-tree"),
                e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> LogisticModel.read(ModelFile.read(file)));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("logistic-regression"),
                e.getMessage());
    }

    @ParameterizedTest(name = "schema {0}")
    @MethodSource("otherSchemas")
    void otherSchemaVersion_isRefusedNamingTheFile(int schema, @TempDir Path dir) throws IOException {
        ForestModel m = RandomForest.fit(P.x(), P.y(), ForestOptions.defaults().withTrees(3));
        ModelFile f = ModelFile.parse(m.toBytes(), "forest");
        ModelFile.Writer w = ModelFile.writer(f.modelType(), schema);
        copySections(f, w);
        Path file = dir.resolve("schema" + schema + ".rtnm");
        w.write(file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("schema"), e.getMessage());
    }

    static Stream<Integer> otherSchemas() {
        return Stream.of(1, 3);
    }

    @Test
    void pipelineWithAForeignClassifier_isRefused() throws IOException {
        CustomerTable t = table();
        PreprocessingModel pre = Preprocessor.fit(t, PreprocessOptions.defaults());
        byte[] bytes = ModelFile.writer(ChurnPipelineModel.MODEL_TYPE, ChurnPipelineModel.SCHEMA_VERSION)
                .putBytes("preprocessing", pre.toBytes()).putBytes("classifier", pre.toBytes()).toBytes();
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(bytes, "mixed"));
        assertTrue(e.getMessage().contains("mixed#classifier"), e.getMessage());
    }

    @Test
    void tamperedOption_isRefusedAsAFormatError() throws IOException {
        LogisticModel m = LogisticRegression.fit(P.x(), P.y(), LogisticOptions.defaults());
        ModelFile f = ModelFile.parse(m.toBytes(), "logistic");
        ModelFile.Writer w = ModelFile.writer(f.modelType(), f.schemaVersion());
        for (String name : f.sectionNames()) {
            if (!name.equals("options")) {
                copySection(f, w, name);
            }
        }
        double[] o = f.doubles("options");
        o[0] = -1;   // C must be > 0
        w.putDoubles("options", o);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Models.fromBytes(w.toBytes(), "tampered"));
        assertTrue(e.getMessage().contains("tampered") && e.getMessage().contains("c must be"), e.getMessage());
        assertInstanceOf(LogisticModel.class, Models.fromBytes(m.toBytes(), "fine"));
    }

    private static void copySections(ModelFile f, ModelFile.Writer w) throws ModelFormatException {
        for (String name : f.sectionNames()) {
            copySection(f, w, name);
        }
    }

    private static void copySection(ModelFile f, ModelFile.Writer w, String name) throws ModelFormatException {
        for (ModelFile.Kind kind : List.of(ModelFile.Kind.values())) {
            try {
                switch (kind) {
                    case INTS -> w.putInts(name, f.ints(name));
                    case LONGS -> w.putLongs(name, f.longs(name));
                    case FLOATS -> w.putFloats(name, f.floats(name));
                    case DOUBLES -> w.putDoubles(name, f.doubles(name));
                    case STRINGS -> w.putStrings(name, f.strings(name));
                    case BYTES -> w.putBytes(name, f.bytes(name));
                    default -> throw new AssertionError(kind);
                }
                return;
            } catch (ModelFormatException wrongKind) {
                // try the next kind
            }
        }
        throw new AssertionError("section " + name + " of no known kind");
    }
}
