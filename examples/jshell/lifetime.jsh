// Customer lifetime on the embedded synthetic shop (load setup.jsh first).
var shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(2000));

// Each customer's history in weeks (repeat purchases x, recency t_x, age T, mean repeat spend) over 2022, the
// calibration period; what they bought in 2023 is the holdout.
var calibration = CustomerSummary.from(shop.log(), SummaryOptions.defaults().withUnit(PeriodUnit.WEEK)
        .withCalibrationEnd(LocalDate.of(2022, 12, 31)));
System.out.println(calibration);

// BG/NBD (purchases and dropout) and Gamma-Gamma (spend per purchase), against the parameters the shop was drawn from.
var bgnbd = BgNbd.fit(calibration);
var spend = GammaGamma.fit(calibration);
System.out.println(bgnbd.estimates());
System.out.println(spend.estimates());
var o = shop.options();
System.out.printf(Locale.ROOT, "truth: r %.2f, alpha %.2f weeks, a %.2f, b %.2f; p %.1f, q %.1f, v %.1f%n", o.r(),
        o.alpha() / 7, o.a(), o.b(), o.spendP(), o.spendQ(), o.spendGamma());
System.out.println("verdicts: " + bgnbd.fitSummary().verdict() + ", " + spend.fitSummary().verdict());

// Purchases predicted for the holdout against those made.
System.out.println(HoldoutCheck.compute(bgnbd, calibration));

// One customer: 4 repeat purchases, the last 20 weeks after the first, who first bought 50 weeks ago.
System.out.printf(Locale.ROOT, "P(alive) %.4f, expected purchases in the next 12 weeks %.4f%n",
        bgnbd.probabilityAlive(4, 20, 50), bgnbd.expectedPurchases(12, 4, 20, 50));

// CLV over 12 months at 1% a month, on every customer's whole history.
var now = CustomerSummary.from(shop.log(), SummaryOptions.defaults().withUnit(PeriodUnit.WEEK));
System.out.println(Clv.compute(bgnbd, spend, now, ClvOptions.defaults()));
