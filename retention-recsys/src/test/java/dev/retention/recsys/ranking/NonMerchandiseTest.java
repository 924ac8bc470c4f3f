package dev.retention.recsys.ranking;

import dev.retention.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonMerchandiseTest {

    @Test
    void onlineRetail_removesPostageFeesAndVouchers_andCountsThem() {
        Interactions.Builder b = Interactions.builder(Interactions.Duplicates.KEEP_LAST);
        b.add("c1", "85123A", 2, 10).add("c1", "POST", 1, 11).add("c2", "DOT", 1, 12).add("c2", "22423", 1, 13)
                .add("c3", "gift_0001_20", 1, 14).add("c3", "C2", 1, 15);
        NonMerchandise.Filtered f = NonMerchandise.onlineRetail().apply(b.build());
        assertEquals(4, f.itemsRemoved());
        assertEquals(4, f.interactionsRemoved());
        assertEquals(2, f.kept().size());
        assertEquals(2, f.kept().userCount());   // c3 bought nothing else
        assertTrue(f.kept().items().contains("85123A"));
        assertFalse(f.kept().items().contains("POST"));
        assertEquals(2f, f.kept().value(0), 0f);
        assertEquals(10L, f.kept().time(0));
    }

    @Test
    void none_keepsEverything_andEmptyEntriesAreRefused() {
        Interactions.Builder b = Interactions.builder(Interactions.Duplicates.KEEP_LAST);
        b.add("c1", "POST", 1, 0);
        assertEquals(1, NonMerchandise.none().apply(b.build()).kept().size());
        assertTrue(NonMerchandise.onlineRetail().matches("M"));
        assertFalse(NonMerchandise.onlineRetail().matches("MM"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NonMerchandise(Set.of(), List.of("")));
        assertTrue(e.getMessage().contains("prefixes"), e.getMessage());
    }
}
