// Recommendations on the embedded synthetic shop (load setup.jsh first).
var shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(2000));

// What each customer bought, counted per item: implicit ratings with the log's customer and item ids.
var purchases = Ratings.ofPurchases(shop.log());
System.out.println(purchases);

// PureSVD with 5 factors: the 5 best items that customer 100003 has not bought yet, by item id.
var svd = PureSvd.fit(purchases, SvdOptions.defaults().withRank(5));
var customer = purchases.users().indexOf("100003");
System.out.println(TopN.recommend(svd, purchases, customer, 5));

// The baseline every recommender must beat: the most popular items.
var popular = Popularity.fit(purchases, PopularityOptions.defaults());
System.out.println(TopN.recommend(popular, purchases, customer, 5));

// Which rank? Fit on the orders before April 2023, then count the customers who bought one of their top 5 items
// in the three months after; the most popular items on the same period.
var period = PurchasePeriod.of(shop.log(), Instant.parse("2023-04-01T00:00:00Z"),
        Instant.parse("2023-07-01T00:00:00Z"));
System.out.println(RankSelection.evaluate(period, new int[] {1, 2, 5, 10}, 5, SvdOptions.defaults()));
System.out.println("most popular items: " + HitRate.compute(Popularity.fit(period.train(),
        PopularityOptions.defaults()), period, 5));
