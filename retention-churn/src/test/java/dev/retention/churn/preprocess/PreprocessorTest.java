package dev.retention.churn.preprocess;

import dev.retention.matrix.DenseMatrix;
import dev.retention.model.Models;
import dev.retention.churn.dataset.CustomerTable;
import dev.retention.churn.dataset.CustomerTableReader;
import dev.retention.churn.dataset.TableOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessorTest {

    static final String CSV = """
            id,age,plan,spend,region,churn
            c1,34,basic,10.5,north,no
            c2,51,premium,,south,yes
            c3,29,basic,7.25,north,no
            c4,45,pro,22.0,east,no
            c5,38,premium,15.0,,yes
            c6,60,basic,3.5,south,no
            c7,41,pro,,north,yes
            c8,33,basic,9.75,west,no
            c9,27,premium,30.0,south,no
            c10,55,gold,12.0,north,yes
            """;

    static CustomerTable table() throws IOException {
        return CustomerTableReader.read(new StringReader(CSV), "fixture.csv",
                TableOptions.labelled("churn", "yes").withIdColumn("id"));
    }

    static final int[] TRAIN = {0, 1, 2, 3, 4, 5, 6, 7};

    /**
     * scikit-learn 1.2.1: ColumnTransformer([("num", make_pipeline(SimpleImputer(), StandardScaler()), ["age",
     * "spend"]), ("cat", OneHotEncoder(handle_unknown="ignore"), ["plan", "region"])]) fitted on rows 0..7 (the
     * blank region filled with "(missing)" first), transform of every row. Tolerance 1e-12.
     */
    static final double[][] SKLEARN = {
        {-0.7658463555241267, -0.16325034842508043, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0},
        {0.9994943961925044, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0},
        {-1.285064223676077, -0.7999267072828937, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0},
        {0.376432954410164, 2.089604459841028, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0},
        {-0.35047206100256645, 0.7183015330703533, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0},
        {1.934086558866015, -1.5345532751957551, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0},
        {-0.03894134011139627, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0},
        {-0.8696899291545168, -0.31017566200765273, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0},
        {-1.4927513709368572, 3.6568078047217987, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0},
        {1.4148686907140646, 0.13060027874006414, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0},
    };

    @Test
    void fitOnTrainingRows_matchesScikitLearnColumnTransformer() throws IOException {
        CustomerTable t = table();
        PreprocessingModel m = Preprocessor.fit(t, TRAIN, PreprocessOptions.defaults());
        assertArrayEquals(new String[] {"age", "spend", "plan=basic", "plan=premium", "plan=pro", "region=(missing)",
            "region=east", "region=north", "region=south", "region=west"}, m.featureNames());
        Transformed out = m.transform(t);
        DenseMatrix x = out.features();
        for (int i = 0; i < SKLEARN.length; i++) {
            assertArrayEquals(SKLEARN[i], x.row(i), 1e-12, "row " + i);
        }
        // c10's plan "gold" was not seen in training: an all-zero one-hot, counted
        assertEquals(1L, out.unseen().get("plan"));
        assertEquals(1L, out.unseenTotal());
        assertEquals("plan", m.sourceColumn(3));
        assertEquals("premium", m.level(3));
    }

    @Test
    void medianImputation_matchesScikitLearn() throws IOException {
        // SimpleImputer(strategy="median") + StandardScaler on rows 0..7; rows 1 and 8; tolerance 1e-12
        PreprocessingModel m = Preprocessor.fit(table(), TRAIN,
                PreprocessOptions.defaults().withImputation(PreprocessOptions.Imputation.MEDIAN));
        DenseMatrix x = m.transform(table(), new int[] {1, 8}).features();
        assertEquals(0.9994943961925044, x.get(0, 0), 1e-12);
        assertEquals(-0.17660943129205547, x.get(0, 1), 1e-12);
        assertEquals(3.6966180963544026, x.get(1, 1), 1e-12);
    }

    @Test
    void constantAndMissingColumns_areLeftOutAndReported() {
        CustomerTable t = CustomerTable.builder(4)
                .numeric("same", new double[] {2, 2, 2, 2})
                .numeric("none", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN})
                .categorical("one", new String[] {"a", "a", "a", "a"})
                .numeric("x", new double[] {1, 2, 3, 4})
                .build();
        PreprocessingModel m = Preprocessor.fit(t, PreprocessOptions.defaults());
        assertArrayEquals(new String[] {"x"}, m.featureNames());
        assertTrue(m.dropped().get("same").contains("constant"), m.dropped().toString());
        assertTrue(m.dropped().get("none").contains("missing"), m.dropped().toString());
        assertTrue(m.dropped().get("one").contains("single category"), m.dropped().toString());
        CustomerTable allConstant = CustomerTable.builder(2).numeric("c", new double[] {1, 1}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.fit(allConstant, PreprocessOptions.defaults()));
        assertTrue(e.getMessage().contains("no feature is left"), e.getMessage());
    }

    @Test
    void missingIndicators_andRareCategories() {
        CustomerTable t = CustomerTable.builder(6)
                .numeric("v", new double[] {1, Double.NaN, 3, 4, Double.NaN, 6})
                .categorical("c", new String[] {"a", "a", "a", "b", "b", "z"})
                .build();
        PreprocessingModel m = Preprocessor.fit(t, PreprocessOptions.defaults().withMissingIndicators(true)
                .withMaxCategories(2));
        assertArrayEquals(new String[] {"v", "v=missing", "c=a", "c=(other)"}, m.featureNames());
        DenseMatrix x = m.transform(t).features();
        assertEquals(1.0, x.get(1, 1));
        assertEquals(0.0, x.get(0, 1));
        assertEquals(1.0, x.get(3, 3));   // "b" is rare: (other)
        assertEquals(1.0, x.get(5, 3));   // "z" too
    }

    @Test
    void transform_refusesAMissingOrRetypedColumn() throws IOException {
        PreprocessingModel m = Preprocessor.fit(table(), TRAIN, PreprocessOptions.defaults());
        CustomerTable other = CustomerTable.builder(1).numeric("age", new double[] {3}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.transform(other));
        assertTrue(e.getMessage().contains("'spend'"), e.getMessage());
        CustomerTable retyped = CustomerTable.builder(1).categorical("age", new String[] {"x"})
                .numeric("spend", new double[] {1}).categorical("plan", new String[] {"basic"})
                .categorical("region", new String[] {"north"}).build();
        e = assertThrows(IllegalArgumentException.class, () -> m.transform(retyped));
        assertTrue(e.getMessage().contains("'age' is CATEGORICAL"), e.getMessage());
    }

    @Test
    void saveAndLoad_transformAlike(@TempDir Path dir) throws IOException {
        PreprocessingModel m = Preprocessor.fit(table(), TRAIN, PreprocessOptions.defaults().withMissingIndicators(true)
                .withMaxCategories(3));
        Path file = dir.resolve("pre.rtnm");
        m.save(file);
        PreprocessingModel back = Models.load(file, PreprocessingModel.class);
        assertArrayEquals(m.featureNames(), back.featureNames());
        assertArrayEquals(m.transform(table()).features().toRowMajor(), back.transform(table()).features().toRowMajor(),
                0.0);
        assertEquals(m.options(), back.options());
        assertEquals(m.dropped(), back.dropped());
    }

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fit_neverLooksAtRowsOutsideTraining(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 10 + rnd.nextInt(40);
        double[] v = new double[n];
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextGaussian();
            c[i] = rnd.nextInt(6) == 0 ? null : "L" + rnd.nextInt(4);
        }
        int[] train = new int[n / 2];
        for (int k = 0; k < train.length; k++) {
            train[k] = 2 * k;
        }
        CustomerTable a = CustomerTable.builder(n).numeric("v", v).categorical("c", c).build();
        double[] v2 = v.clone();
        String[] c2 = c.clone();
        for (int i = 1; i < n; i += 2) {      // change every test row
            v2[i] = rnd.nextGaussian() * 100;
            c2[i] = "other" + rnd.nextInt(3);
        }
        CustomerTable b = CustomerTable.builder(n).numeric("v", v2).categorical("c", c2).build();
        PreprocessOptions o = PreprocessOptions.defaults().withMissingIndicators(true);
        try {
            PreprocessingModel ma = Preprocessor.fit(a, train, o);
            PreprocessingModel mb = Preprocessor.fit(b, train, o);
            assertArrayEquals(ma.featureNames(), mb.featureNames(), "seed " + seed);
            assertArrayEquals(ma.transform(a, train).features().toRowMajor(),
                    mb.transform(b, train).features().toRowMajor(), 0.0, "seed " + seed);
        } catch (IllegalArgumentException e) {
            // both training halves were constant: the same refusal either way
            assertThrows(IllegalArgumentException.class, () -> Preprocessor.fit(b, train, o), "seed " + seed);
        }
    }
}
