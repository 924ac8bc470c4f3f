package dev.retention.lifetime;

import dev.retention.synth.SyntheticShop;

import java.time.LocalDate;

/**
 * The synthetic shop the lifetime tests share: customers acquired over 2022 (BG/NBD r = 0.25, alpha = 7 weeks,
 * a = 0.8, b = 2.5; Gamma-Gamma p = 6, q = 4, gamma = 40), summarized in weeks with calibration to 2022-12-31.
 */
public final class TestShops {

    private TestShops() {
    }

    /**
     * The calibration summary of a shop of {@code customers} customers drawn with {@code seed} and 30 items,
     * without noise lines.
     *
     * @param holdout whether the summary keeps the holdout 2023-01-01 .. 2023-06-30
     */
    public static CustomerSummary calibration(int customers, long seed, boolean holdout) {
        SyntheticShop shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(customers)
                .withSeed(seed).withItems(30).withoutNoise());
        return CustomerSummary.from(shop.log(), new SummaryOptions(PeriodUnit.WEEK, LocalDate.of(2022, 12, 31),
                holdout ? LocalDate.of(2023, 6, 30) : null));
    }
}
