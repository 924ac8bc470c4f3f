package dev.retention.recsys.ranking;

import dev.retention.data.Interactions;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rule that says which item ids are not merchandise (postage, carriage, fees, samples, discounts,
 * adjustments, gift vouchers) and so must not be recommended: exact codes and code prefixes, matched
 * case-sensitively. {@link #onlineRetail()} holds the UCI Online Retail codes of that kind; {@link #none()} keeps
 * everything. {@link #apply} removes the matching items' interactions and counts what it removed. Immutable.
 *
 * @param codes    exact item ids that are not merchandise; copied
 * @param prefixes item-id prefixes that are not merchandise; copied
 */
public record NonMerchandise(Set<String> codes, List<String> prefixes) {

    /**
     * Validates the rule.
     *
     * @param codes    exact item ids; no null or empty entry
     * @param prefixes prefixes; no null or empty entry
     */
    public NonMerchandise {
        codes = Set.copyOf(Objects.requireNonNull(codes, "codes"));
        prefixes = List.copyOf(Objects.requireNonNull(prefixes, "prefixes"));
        for (String c : codes) {
            if (c.isEmpty()) {
                throw new IllegalArgumentException("codes must not hold an empty id");
            }
        }
        for (String p : prefixes) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("prefixes must not hold an empty prefix (it would match every item)");
            }
        }
    }

    /**
     * {@return the Online Retail rule: postage {@code POST} and {@code DOT}, carriage {@code C2}, manual
     * {@code M} and {@code m}, {@code BANK CHARGES}, {@code AMAZONFEE}, samples {@code S}, discount {@code D},
     * {@code CRUK} commission, {@code PADS}, adjustments {@code ADJUST}, {@code ADJUST2} and {@code B} (bad debt),
     * test codes {@code TEST001}, {@code TEST002}, and gift vouchers (prefix {@code gift_0001_})}
     */
    public static NonMerchandise onlineRetail() {
        return new NonMerchandise(Set.of("POST", "DOT", "C2", "M", "m", "BANK CHARGES", "AMAZONFEE", "S", "D", "CRUK",
                "PADS", "ADJUST", "ADJUST2", "B", "TEST001", "TEST002"), List.of("gift_0001_"));
    }

    /** {@return the rule that keeps every item} */
    public static NonMerchandise none() {
        return new NonMerchandise(Set.of(), List.of());
    }

    /**
     * {@return whether the item id is not merchandise}
     *
     * @param itemId an external item id
     */
    public boolean matches(String itemId) {
        Objects.requireNonNull(itemId, "itemId");
        if (codes.contains(itemId)) {
            return true;
        }
        for (String p : prefixes) {
            if (itemId.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@link #apply} kept and removed.
     *
     * @param kept                the interactions of merchandise items (new id indexes)
     * @param itemsRemoved        distinct items removed
     * @param interactionsRemoved interactions removed
     */
    public record Filtered(Interactions kept, int itemsRemoved, int interactionsRemoved) {
    }

    /**
     * {@return the interactions without those of non-merchandise items, and the counts removed} Values and times
     * are kept; a user left without interactions leaves the id space. O(n log n).
     *
     * @param data read
     */
    public Filtered apply(Interactions data) {
        Objects.requireNonNull(data, "data");
        boolean[] drop = new boolean[data.itemCount()];
        int items = 0;
        for (int i = 0; i < drop.length; i++) {
            drop[i] = matches(data.items().id(i));
            items += drop[i] ? 1 : 0;
        }
        Interactions.Builder b = Interactions.builder(Interactions.Duplicates.KEEP_LAST);
        int removed = 0;
        for (int p = 0; p < data.size(); p++) {
            if (drop[data.item(p)]) {
                removed++;
            } else {
                b.add(data.users().id(data.user(p)), data.items().id(data.item(p)), data.value(p), data.time(p));
            }
        }
        return new Filtered(b.build(), items, removed);
    }
}
