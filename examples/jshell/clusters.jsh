// Customer groups on the embedded synthetic shop (load setup.jsh first).
var shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(2000));
var rfm = Rfm.fit(shop.log()).table().orElseThrow();

// k-means on raw recency (days), frequency (orders) and spend; the log1p and z-score scaling is part of the
// model, so it labels raw values.
var kmeans = KMeans.fit(rfm.features(), KMeansOptions.defaults().withK(4)
        .withScaling(FeatureScaling.Kind.LOG1P_ZSCORE));
System.out.println(ClusterProfiles.compute(rfm, kmeans.labels()));
var scaled = kmeans.scaling().apply(rfm.features());
System.out.println(ClusterQuality.compute(scaled, kmeans.labels(), 2000, 0, 1));

// A new customer: 12 days since the last order, 5 orders, 830 spent.
System.out.println("cluster of a new customer: " + kmeans.predict(new double[] {12, 5, 830.0}));

// How many clusters? Inertia and silhouette for k = 2..6.
System.out.println(KScan.compute(scaled, 2, 6, KMeansOptions.defaults(), 2000));

// DBSCAN on the same scaled values: dense groups, and the customers in none of them (noise).
var dbscan = Dbscan.fit(rfm.features(), DbscanOptions.defaults().withScaling(FeatureScaling.Kind.LOG1P_ZSCORE));
System.out.println(ClusterQuality.compute(scaled, dbscan.labels(), 2000, 0, 1));
