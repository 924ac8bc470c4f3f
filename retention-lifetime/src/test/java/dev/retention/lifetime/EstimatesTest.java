package dev.retention.lifetime;

import dev.retention.model.ModelFile;
import dev.retention.model.ModelFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The estimates record: copies, equality by content, its table, its model-file sections and its checks. */
class EstimatesTest {

    private static final List<String> NAMES = List.of("p", "q", "v");

    private static Estimates sample() {
        return new Estimates("Gamma-Gamma", NAMES, new double[] {6.25, 3.74, 15.44},
                new double[] {0.5, Double.POSITIVE_INFINITY, 1.25}, -1234.5678, 946, 0.001, 42);
    }

    @Test
    void arrays_areCopiedInAndOut() {
        double[] values = {6.25, 3.74, 15.44};
        Estimates e = new Estimates("Gamma-Gamma", NAMES, values, new double[3], -1, 5, 0, 1);
        values[0] = 99;
        assertEquals(6.25, e.values()[0]);
        e.values()[1] = 99;
        e.standardErrors()[1] = 99;
        assertArrayEquals(new double[] {6.25, 3.74, 15.44}, e.values(), 0.0);
        assertArrayEquals(new double[3], e.standardErrors(), 0.0);
        assertEquals(3.74, e.value("q"));
        assertEquals(0.0, e.standardError("v"));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.value("r"));
        assertEquals("the Gamma-Gamma model has no parameter 'r'; it has [p, q, v]", x.getMessage());
    }

    @Test
    void equals_goesByContent() {
        assertEquals(sample(), sample());
        assertEquals(sample().hashCode(), sample().hashCode());
        assertNotEquals(sample(), new Estimates("Gamma-Gamma", NAMES, new double[] {6.25, 3.74, 15.44},
                new double[] {0.5, Double.POSITIVE_INFINITY, 1.25}, -1234.5678, 946, 0.001, 43));
    }

    @Test
    void toString_isTheTableOfEstimatesAndStandardErrors() {
        assertEquals("""
                Gamma-Gamma fit on 946 customers: log-likelihood -1234.5678 (penalizer 0.00100)
                  param          estimate     std. error
                  p              6.250000       0.500000
                  q              3.740000       Infinity
                  v             15.440000       1.250000
                """, sample().toString());
        Estimates given = Estimates.given("BG/NBD", List.of("r", "alpha", "a", "b"), new double[] {1, 2, 3, 4});
        assertTrue(given.toString().startsWith("BG/NBD fit on 0 customers: log-likelihood -Infinity\n"),
                given.toString());
        assertEquals(Double.POSITIVE_INFINITY, given.standardError("alpha"));
    }

    @Test
    void writeToAndReadFrom_roundTrip() throws ModelFormatException {
        ModelFile.Writer w = ModelFile.writer("test", 1);
        sample().writeTo(w);
        ModelFile f = ModelFile.parse(w.toBytes(), "e.model");
        assertEquals(sample(), Estimates.readFrom(f, NAMES));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Estimates.readFrom(f, List.of("r", "alpha", "a", "b")));
        assertEquals("e.model: the estimates name the parameters [p, q, v], expected [r, alpha, a, b]", e.getMessage());
    }

    @Test
    void constructor_rejectsWhatIsOutOfRangeNamingIt() {
        String m = assertThrows(IllegalArgumentException.class, () -> new Estimates("X", NAMES, new double[2],
                new double[3], 0, 0, 0, 0)).getMessage();
        assertTrue(m.contains("got 3, 2 and 3"), m);
        m = assertThrows(IllegalArgumentException.class, () -> new Estimates("X", NAMES,
                new double[] {1, Double.NaN, 1}, new double[3], 0, 0, 0, 0)).getMessage();
        assertEquals("estimate q must be finite, got NaN", m);
        m = assertThrows(IllegalArgumentException.class, () -> new Estimates("X", NAMES, new double[3],
                new double[] {0, 0, -1}, 0, 0, 0, 0)).getMessage();
        assertEquals("standard error of v must be >= 0 or Infinity, got -1.0", m);
        m = assertThrows(IllegalArgumentException.class, () -> new Estimates("X", NAMES, new double[3], new double[3],
                Double.NaN, 0, 0, 0)).getMessage();
        assertEquals("logLikelihood must be finite or -Infinity, got NaN", m);
        m = assertThrows(IllegalArgumentException.class, () -> new Estimates("X", NAMES, new double[3], new double[3],
                0, -1, 0, 0)).getMessage();
        assertEquals("customers must be >= 0, got -1", m);
        m = assertThrows(IllegalArgumentException.class, () -> new Estimates("X", NAMES, new double[3], new double[3],
                0, 0, -0.5, 0)).getMessage();
        assertEquals("penalizer must be finite and >= 0, got -0.5", m);
    }
}
