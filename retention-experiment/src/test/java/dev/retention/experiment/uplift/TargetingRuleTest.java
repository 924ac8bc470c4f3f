package dev.retention.experiment.uplift;

import dev.retention.experiment.targeting.TargetingRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The targeting rules on a small hand-checked case. */
class TargetingRuleTest {

    @Test
    void rules_treatTheBestUnits() {
        double[] uplift = {0.1, -0.05, 0.3, 0.02, 0.2};
        TargetingRule top = TargetingRule.topFraction(uplift, 10, 0, 0.4);
        assertEquals(2, top.treated());
        assertEquals(0.5, top.incrementalOutcome(), 1e-15);
        assertEquals(0.57, top.everyoneOutcome(), 1e-15);
        TargetingRule profitable = TargetingRule.profitable(uplift, 10, 0.5, 10);
        assertEquals(3, profitable.treated());   // 3.0 - 0.5, 2.0 - 0.5, 1.0 - 0.5 > 0; 0.2 - 0.5 < 0
        assertEquals(4.5, profitable.incrementalValue(), 1e-12);
        assertEquals(1, TargetingRule.profitable(uplift, 10, 0.5, 1).treated());
        assertThrows(IllegalArgumentException.class, () -> TargetingRule.topFraction(uplift, 10, 0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> TargetingRule.profitable(uplift, 0, 0, 1));
    }
}
