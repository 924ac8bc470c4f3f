package dev.retention.playbook;

import dev.retention.rfm.CustomerStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionsTest {

    private static List<Action> read(String text) throws IOException {
        return Actions.read(new StringReader(text), "actions.csv");
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> read(text)).getMessage();
    }

    @Test
    void aFile_isReadWithEveryColumn() throws IOException {
        List<Action> as = read("""
                name,cost,statuses,segments,min_clv,min_p_churn,effect,capacity
                coupon,5,at risk,At Risk;Can't Lose Them,50,0.4,At Risk=0.08;*=0.03,200
                email,0.1,,,,,,
                """);
        assertEquals(2, as.size());
        Action coupon = as.get(0);
        assertEquals(5, coupon.cost());
        assertEquals(Set.of(CustomerStatus.AT_RISK), coupon.eligibility().statuses());
        assertEquals(Set.of("At Risk", "Can't Lose Them"), coupon.eligibility().segments());
        assertEquals(50, coupon.eligibility().minClv());
        assertEquals(0.4, coupon.eligibility().minChurn());
        assertEquals(0.08, ((StatedEffect) coupon.effect()).bySegment().get("At Risk"));
        assertEquals(0.03, ((StatedEffect) coupon.effect()).otherwise());
        assertEquals(Actions.DEFAULT_EFFECT, ((StatedEffect) as.get(1).effect()).otherwise());
        assertEquals(Effect.ASSUMPTION, coupon.effect().source());
        assertEquals(200, coupon.capacity());
        assertEquals(Integer.MAX_VALUE, as.get(1).capacity());
        assertEquals("assumed 3.00% of value at stake (At Risk 8.00%)", coupon.effect().describe());
    }

    @Test
    void unknownColumn_isRefusedNamingItAndTheLine() {
        assertEquals("actions.csv line 1: unknown column 'discount'; an action file has the columns name, cost, "
                + "statuses, segments, min_clv, min_p_churn, effect, capacity, uplift_model",
                error("name,cost,discount\nx,1,2\n"));
    }

    @Test
    void negativeCost_isRefusedNamingTheLine() {
        assertEquals("actions.csv line 3: cost must be >= 0, got -2", error("name,cost\nx,1\ny,-2\n"));
    }

    @Test
    void otherBadFiles_areRefused() {
        assertEquals("actions.csv line 1: the column 'cost' is missing", error("name\nx\n"));
        assertEquals("actions.csv: no action declared after the header", error("name,cost\n"));
        assertEquals("actions.csv line 3: action 'x' is declared twice", error("name,cost\nx,1\nx,2\n"));
        assertEquals("actions.csv line 2: effect must be a finite number, got 'lots'",
                error("name,cost,effect\nx,1,lots\n"));
        assertEquals("actions.csv line 2: effect for segment 'A' must be a share in [-1, 1], got 2.0",
                error("name,cost,effect\nx,1,A=2\n"));
        assertEquals("actions.csv line 2: status must be lapsed, at risk or active, got 'gone'",
                error("name,cost,statuses\nx,1,gone\n"));
        assertEquals("actions.csv line 2: 1 fields, the header has 2", error("name,cost\nx\n"));
        assertEquals("actions.csv line 2: capacity must be a whole number >= 0, got 1.5",
                error("name,cost,capacity\nx,1,1.5\n"));
    }

    @Test
    void upliftModel_isLoadedRelativeToTheFile_andRefusedWithoutALoaderOrBesideAnEffect(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("actions.csv");
        Files.writeString(file, "name,cost,uplift_model\ncoupon,5,models/coupon.model\nemail,0.1,\n");
        List<Path> asked = new ArrayList<>();
        EstimatedEffect estimate = new EstimatedEffect("coupon.model", Map.of("a", 0.1), 0);
        List<Action> as = Actions.read(file, f -> {
            asked.add(f);
            return estimate;
        });
        assertEquals(List.of(dir.toAbsolutePath().resolve("models/coupon.model")), asked);
        assertSame(estimate, as.get(0).effect());
        assertEquals("uplift model coupon.model", as.get(0).effect().source());
        assertFalse(as.get(0).effect().assumed());
        assertTrue(as.get(1).effect().assumed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Actions.read(file));
        assertEquals(file + " line 2: action 'coupon' names uplift_model 'models/coupon.model', and no loader of "
                + "uplift models was given (the command line has one)", e.getMessage());
        assertEquals("actions.csv line 2: action 'x' has both an effect and an uplift_model; leave one empty",
                error("name,cost,effect,uplift_model\nx,1,0.1,m.model\n"));
        Files.writeString(file, "name,cost,uplift_model\ncoupon,5,bad.model\n");
        e = assertThrows(IllegalArgumentException.class, () -> Actions.read(file, f -> {
            throw new IllegalArgumentException(f.getFileName() + ": not an uplift model");
        }));
        assertEquals(file + " line 2: bad.model: not an uplift model", e.getMessage());
    }

    @Test
    void defaults_excludeLapsedCustomers() {
        for (Action a : Actions.defaults()) {
            assertEquals(false, a.eligibility().statuses().contains(CustomerStatus.LAPSED), a.name());
        }
    }
}
