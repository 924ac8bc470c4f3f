// RFM and cohorts on the embedded synthetic shop (load setup.jsh first).
var shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(2000));
System.out.println(shop);

// Recency, frequency and monetary value of every customer, scores 1..5 and ten named segments. Most customers
// bought once, so equal values get equal scores.
var rfm = Rfm.fit(shop.log(), RfmOptions.defaults().withTies(RfmOptions.Ties.EQUAL));
var table = rfm.table().orElseThrow();
System.out.println(table);
System.out.println(table.score(table.rowOf("100003")));

// The model scores new customers on the same scale: 30 days since the last order, 2 orders, 150 spent.
System.out.println(rfm.score(30, 2, 150.0));
System.out.println(rfm.fitSummary().verdict() + ": " + String.join("; ", rfm.fitSummary().choices()));

// Saved as a model file, opened again as its own type (what a service does).
var file = Files.createTempFile("rfm", ".model");
rfm.save(file);
System.out.println("loaded back equal: " + Models.load(file, RfmModel.class).equals(rfm));
Files.delete(file);

// Monthly acquisition cohorts: the share of each cohort buying again in each later month.
System.out.println(CohortRetention.compute(shop.log()));
