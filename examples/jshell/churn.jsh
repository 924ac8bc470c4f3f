// Churn risk on the embedded synthetic shop (load setup.jsh first).
var shop = SyntheticShop.generate(SyntheticShop.Options.defaults().withCustomers(2000));

// Who will not buy in the 90 days after 2023-04-01? Logistic regression trained on features and labels at earlier
// cutoffs (no leakage), the riskiest customers not lapsed (gone a year) with the reasons behind their score in
// words, and the ROC AUC against the churn that happened.
var cutoff = Instant.parse("2023-04-01T00:00:00Z");
var churn = ChurnRanking.compute(shop.log(), RankingOptions.of(cutoff, 90),
        LogisticRegression.learner(LogisticOptions.defaults()));
System.out.println(churn);

// The shop knows each customer's true purchase rate and dropout: how well does the model rank the true P(churn)?
var ids = new String[churn.scored().rows()];
for (int i = 0; i < ids.length; i++) {
    ids[i] = churn.scored().key(i);
}
var truth = ShopTruth.of(shop).churnProbability(ids, cutoff.getEpochSecond(), 90);
System.out.printf(Locale.ROOT, "Spearman of P(churn) with the true P(churn): %.3f%n",
        Correlation.spearman(churn.probabilities(), truth).orElseThrow());

// The pipeline (preprocessing and classifier) scores raw customer rows on its own and saves as one model file.
System.out.println(churn.pipeline().modelType() + ", verdict " + churn.pipeline().fitSummary().verdict());
