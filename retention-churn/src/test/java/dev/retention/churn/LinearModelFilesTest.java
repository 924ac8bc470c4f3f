package dev.retention.churn;

import dev.retention.matrix.DenseMatrix;
import dev.retention.model.Models;
import dev.retention.churn.logistic.LogisticModel;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.svm.LinearSvm;
import dev.retention.churn.svm.SvmModel;
import dev.retention.churn.svm.SvmOptions;
import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A well-formed model file (valid checksum) whose parameters are not finite is refused when read, for both
 * linear models, so that no NaN reaches a score.
 */
class LinearModelFilesTest {

    private static final DenseMatrix X;
    private static final int[] Y;

    static {
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] rows = new double[60][3];
        Y = new int[60];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = rnd.nextGaussian();
            }
            Y[i] = rows[i][0] + 0.5 * rnd.nextGaussian() > 0 ? 1 : 0;
        }
        X = DenseMatrix.of(rows);
    }

    /** A copy of {@code source} with one doubles section replaced, the others copied whatever their type. */
    private static byte[] withSection(ModelFile source, String replaced, double[] values) {
        ModelFile.Writer w = ModelFile.writer(source.modelType(), source.schemaVersion());
        for (String name : source.sectionNames()) {
            if (name.equals(replaced)) {
                w.putDoubles(name, values);
                continue;
            }
            try {
                w.putDoubles(name, source.doubles(name));
            } catch (ModelFormatException notDoubles) {
                try {
                    w.putInts(name, source.ints(name));
                } catch (ModelFormatException notInts) {
                    try {
                        w.putLongs(name, source.longs(name));
                    } catch (ModelFormatException notLongs) {
                        try {
                            w.putStrings(name, source.strings(name));
                        } catch (ModelFormatException e) {
                            throw new AssertionError("section " + name + " of an unexpected type", e);
                        }
                    }
                }
            }
        }
        return w.toBytes();
    }

    @ParameterizedTest(name = "{0} {1}[{2}] = {3}")
    @CsvSource({
        "logistic, coefficients, 1, NaN",
        "logistic, coefficients, 0, Infinity",
        "logistic, intercept, 0, NaN",
        "svm, coefficients, 2, -Infinity",
        "svm, intercept_platt, 0, NaN",
    })
    void nonFiniteParameters_areRefused(String model, String section, int index, double value) throws Exception {
        byte[] good = model.equals("logistic")
                ? LogisticRegression.fit(X, Y, LogisticOptions.defaults()).toBytes()
                : LinearSvm.fit(X, Y, SvmOptions.defaults()).toBytes();
        ModelFile parsed = ModelFile.parse(good, "good");
        double[] values = parsed.doubles(section);
        values[index] = value;
        byte[] bad = withSection(parsed, section, values);
        // the untouched copy reads back: only the value makes the difference
        byte[] copy = withSection(parsed, section, parsed.doubles(section));
        ModelFormatException e;
        if (model.equals("logistic")) {
            assertEquals(Models.fromBytes(good, "good", LogisticModel.class).intercept(), Models.fromBytes(copy, "copy", LogisticModel.class).intercept());
            e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(bad, "bad", LogisticModel.class));
        } else {
            assertEquals(Models.fromBytes(good, "good", SvmModel.class).intercept(), Models.fromBytes(copy, "copy", SvmModel.class).intercept());
            e = assertThrows(ModelFormatException.class, () -> Models.fromBytes(bad, "bad", SvmModel.class));
        }
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains(section)
                && e.getMessage().contains("not finite"), e.getMessage());
    }
}
