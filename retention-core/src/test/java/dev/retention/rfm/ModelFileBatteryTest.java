package dev.retention.rfm;

import dev.retention.model.Model;
import dev.retention.model.testing.ModelFileBattery;
import dev.retention.model.testing.ModelFileBattery.Case;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core's model types through the shared corruption battery ({@link ModelFileBattery}): truncated, bit-flipped and
 * checksummed files with hostile counts and values are refused or give scores in 1..5 with a finite weighted score.
 */
class ModelFileBatteryTest {

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("rfm fitted", () -> Rfm.fit(RfmFixture.log()), ModelFileBatteryTest::score),
                Case.of("rfm equal ties", () -> Rfm.fit(RfmFixture.log(), RfmOptions.defaults()
                        .withTies(RfmOptions.Ties.EQUAL)), ModelFileBatteryTest::score),
                Case.of("rfm of edges", () -> RfmModel.of(new double[] {7, 30, 90, 180}, new double[] {1, 2, 4, 8},
                        new double[] {10, 50, 100, 500}, RfmWeights.equal(), RfmSegments.defaults()),
                        ModelFileBatteryTest::score));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corruptedFiles_areRefusedOrScoreWithinTheScale(Case c) {
        ModelFileBattery.Result r = ModelFileBattery.run(c);
        assertTrue(r.refused() > 100 && r.fields() > 10, r.toString());
    }

    private static void score(Model m) {
        RfmModel rfm = (RfmModel) m;
        for (double[] x : new double[][] {{0, 1, 0}, {10, 3, 70}, {1e9, 1e9, 1e12}, {-5, 0, -100}}) {
            RfmScore s = rfm.score(x[0], x[1], x[2]);
            ModelFileBattery.requireWithin("r f m", 1, 5, s.r(), s.f(), s.m());
            ModelFileBattery.requireFinite("weighted", s.weighted());
            if (s.segment() == null) {
                throw new AssertionError("no segment for " + java.util.Arrays.toString(x));
            }
        }
    }
}
