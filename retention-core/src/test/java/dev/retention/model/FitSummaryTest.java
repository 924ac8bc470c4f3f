package dev.retention.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitSummaryTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @Test
    void builder_defaultsToAClosedFormFineFit() {
        FitSummary s = FitSummary.builder("Slope One").build();
        assertEquals("Slope One", s.algorithm());
        assertEquals(0, s.iterations());
        assertTrue(s.converged());
        assertEquals("closed form", s.stopReason());
        assertEquals(Verdict.FINE, s.verdict());
        assertEquals(List.of(), s.warnings());
        assertEquals(DataFingerprint.NONE, s.data());
    }

    @Test
    void verdict_followsConvergenceWarningsAndUnusable() {
        FitSummary notConverged = FitSummary.builder("k-means").iterations(300).converged(false, "iteration limit 300")
                .build();
        assertEquals(Verdict.WARNING, notConverged.verdict());
        assertEquals(List.of("did not converge: iteration limit 300"), notConverged.warnings());

        FitSummary bound = FitSummary.builder("BG/NBD").iterations(40).converged(true, "gradient below tolerance")
                .warning("a = 1e-06 lies on the lower bound of its search").build();
        assertEquals(Verdict.WARNING, bound.verdict());

        FitSummary diverged = FitSummary.builder("SGD").iterations(20).converged(false, "objective grew")
                .unusable("the objective is infinite after epoch 3").warning("learning rate 10 is large").build();
        assertEquals(Verdict.UNUSABLE, diverged.verdict());
        assertEquals(List.of("did not converge: objective grew", "the objective is infinite after epoch 3",
                "learning rate 10 is large"), diverged.warnings());
        assertTrue(diverged.toString().contains("UNUSABLE: the objective is infinite after epoch 3"),
                diverged.toString());
    }

    @Test
    void toString_showsOutcomeDataOptionsChoicesObjectiveAndWarnings() {
        FitSummary s = FitSummary.builder("k-means (Hamerly)").options("k 4, 10 restarts")
                .choice("kept restart 7 of 10: lowest inertia").iterations(2).objective("inertia", new double[] {9, 5})
                .converged(true, "centre shift below tolerance").seconds(0.25)
                .data(new DataFingerprint(4338, 3, 0x1f)).build();
        String text = s.toString();
        String nl = System.lineSeparator();
        assertEquals("fit: k-means (Hamerly), converged after 2 iterations (centre shift below tolerance), 0.250 s, "
                + "verdict FINE" + nl
                + "  data: 4,338 x 3, checksum 000000000000001f" + nl
                + "  options: k 4, 10 restarts" + nl
                + "  kept restart 7 of 10: lowest inertia" + nl
                + "  inertia: 9.00000 -> 5.00000 (2 values)" + nl, text);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void modelFile_roundTripsEverySummary(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        int iterations = rnd.nextInt(0, 50);
        double[] objective = new double[rnd.nextInt(0, iterations + 2)];
        for (int i = 0; i < objective.length; i++) {
            objective[i] = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextDouble() * 1e6 - 5e5;
        }
        FitSummary.Builder b = FitSummary.builder("algo " + seed).options("options " + rnd.nextInt())
                .iterations(iterations).objective(rnd.nextBoolean() ? "loss" : "", objective)
                .converged(rnd.nextBoolean(), "because " + rnd.nextInt(5)).seconds(rnd.nextDouble() * 100)
                .data(new DataFingerprint(rnd.nextLong(0, 1L << 40), rnd.nextInt(0, 100), rnd.nextLong()));
        for (int c = rnd.nextInt(4); c > 0; c--) {
            b.choice("choice " + rnd.nextInt());
        }
        for (int w = rnd.nextInt(3); w > 0; w--) {
            b.warning("warning " + rnd.nextInt());
        }
        if (rnd.nextInt(4) == 0) {
            b.unusable("unusable " + rnd.nextInt());
        }
        FitSummary s = b.build();
        ModelFile.Writer w = ModelFile.writer("t", 1);
        s.writeTo(w);
        FitSummary back = FitSummary.readFrom(ModelFile.parse(w.toBytes(), "mem"));
        assertEquals(s, back, "seed " + seed);
        assertEquals(s.hashCode(), back.hashCode(), "seed " + seed);
        assertArrayEquals(s.objective(), back.objective(), "seed " + seed);
        assertEquals(s.toString(), back.toString(), "seed " + seed);
    }

    @Test
    void readFrom_refusesAVerdictThatContradictsTheWarnings() {
        ModelFile.Writer w = ModelFile.writer("t", 1);
        FitSummary.builder("x").warning("w").build().writeTo(w);
        byte[] bytes = w.toBytes();
        ModelFile.Writer forged = ModelFile.writer("t", 1);
        FitSummary.builder("x").build().writeTo(forged);
        // a FINE verdict with a warning cannot be built, so forge it section by section
        ModelFile.Writer f = ModelFile.writer("t", 1).putString("fit.algorithm", "x").putString("fit.options", "")
                .putStrings("fit.choices", new String[0]).putInt("fit.iterations", 0)
                .putString("fit.objective_name", "").putDoubles("fit.objective", new double[0])
                .putInt("fit.converged", 1).putString("fit.stop_reason", "closed form").putString("fit.verdict", "FINE")
                .putStrings("fit.warnings", new String[] {"w"}).putDouble("fit.seconds", 0)
                .putLongs("fit.data", new long[] {0, 0, 0});
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> FitSummary.readFrom(ModelFile.parse(f.toBytes(), "forged.bin")));
        assertEquals("forged.bin: fit summary says verdict FINE but its warnings give WARNING", e.getMessage());
        assertTrue(bytes.length > 0);
    }

    @Test
    void builder_rejectsBadValuesNamingThem() {
        assertEquals("iterations must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> FitSummary.builder("x").iterations(-1)).getMessage());
        assertEquals("seconds must be finite and >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> FitSummary.builder("x").seconds(Double.NaN)).getMessage());
        assertEquals("the objective holds 3 values, more than one per iteration plus the start (1 iterations)",
                assertThrows(IllegalArgumentException.class, () -> FitSummary.builder("x").iterations(1)
                        .objective("f", new double[3]).build()).getMessage());
    }

    @Test
    void given_isConvergedWithoutData() {
        FitSummary s = FitSummary.given("BG/NBD", "r 0.243, alpha 4.414, a 0.793, b 2.426");
        assertTrue(s.converged());
        assertEquals("parameters given, not fitted", s.stopReason());
        assertEquals(Verdict.FINE, s.verdict());
        assertFalse(s.toString().contains("data:"));
    }
}
