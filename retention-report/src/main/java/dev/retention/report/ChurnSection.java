package dev.retention.report;

import dev.retention.churn.evaluation.CalibrationTable;
import dev.retention.churn.evaluation.LiftTable;
import dev.retention.churn.logistic.LogisticOptions;
import dev.retention.churn.logistic.LogisticRegression;
import dev.retention.churn.ranking.ChurnRanking;
import dev.retention.churn.ranking.RankingOptions;
import dev.retention.primitive.IndirectSort;
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The churn model's quality on an honest, out-of-time holdout: logistic regression trained as {@code churn score}
 * trains it, on cutoffs that end a horizon before the holdout cutoff (90 days before the as-of date), scored at that
 * cutoff and checked against who did not buy in the 90 days up to the as-of date: ROC curve, lift by decile,
 * calibration.
 */
final class ChurnSection {

    /** The churn horizon in days, and the length of the holdout. */
    static final int HORIZON_DAYS = 90;
    private static final int TRAINING_CUTOFFS = 4;
    private static final int STEP_DAYS = 30;
    private static final int GROUPS = 10;
    private static final long DAY = 86_400;

    private ChurnSection() {
    }

    /**
     * The ROC curve: false and true positive rates at each distinct score taken as the threshold, from (0, 0) to
     * (1, 1).
     *
     * <ul>
     *   <li>{@code fpr}: false positive rates, non-decreasing
     *   <li>{@code tpr}: true positive rates, non-decreasing
     * </ul>
     */
    static final class Roc {
        private final double[] fpr;
        private final double[] tpr;

        Roc(double[] fpr, double[] tpr) {
            this.fpr = fpr;
            this.tpr = tpr;
        }

        double[] fpr() {
            return fpr;
        }

        double[] tpr() {
            return tpr;
        }

        /** {@return the area under the curve by the trapezoid rule (ties give the diagonal, as ROC AUC counts them)} */
        double area() {
            double a = 0;
            for (int i = 1; i < fpr.length; i++) {
                a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
            }
            return a;
        }
    }

    /**
     * The ROC curve of scores against 0/1 labels, both classes present. O(n log n).
     *
     * @param labels 0 or 1
     * @param scores higher means more likely 1
     */
    static Roc roc(int[] labels, double[] scores) {
        int n = labels.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndirectSort.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        long positives = 0;
        for (int y : labels) {
            positives += y;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("a ROC curve needs both classes, got " + positives + " positives and "
                    + negatives + " negatives");
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < n) {
            double s = scores[order[i]];
            while (i < n && scores[order[i]] == s) {
                if (labels[order[i]] == 1) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            points.add(new double[] {(double) fp / negatives, (double) tp / positives});
        }
        double[] fpr = new double[points.size()];
        double[] tpr = new double[points.size()];
        for (int k = 0; k < fpr.length; k++) {
            fpr[k] = points.get(k)[0];
            tpr[k] = points.get(k)[1];
        }
        return new Roc(fpr, tpr);
    }

    /**
     * The holdout's figures.
     *
     * @param ranking     the churn ranking at the holdout cutoff
     * @param roc         its ROC curve on the observed outcomes
     * @param lift        lift by decile
     * @param calibration ten uniform bins
     */
    record Figures(ChurnRanking ranking, Roc roc, LiftTable lift, CalibrationTable calibration) {
    }

    /** The figures, or null with the ranking's reason when the holdout cannot be observed. */
    static Figures compute(Context ctx) {
        Instant cutoff = ctx.asOf.minusSeconds(HORIZON_DAYS * DAY);
        ChurnRanking ranking = ChurnRanking.compute(ctx.cut(), RankingOptions.of(cutoff, HORIZON_DAYS)
                        .withTrainingCutoffs(TRAINING_CUTOFFS).withStepDays(STEP_DAYS).withObservedUntil(ctx.asOf),
                LogisticRegression.learner(LogisticOptions.defaults().withThreads(ctx.threads)));
        if (ranking.testAuc().isEmpty()) {
            return new Figures(ranking, null, null, null);
        }
        int[] y = ranking.outcomes();
        double[] p = ranking.probabilities();
        return new Figures(ranking, roc(y, p), LiftTable.compute(y, p, Math.min(GROUPS, y.length)),
                CalibrationTable.compute(y, p, GROUPS, CalibrationTable.Strategy.UNIFORM));
    }

    static String render(Context ctx, Page page) {
        Instant cutoff = ctx.asOf.minusSeconds(HORIZON_DAYS * DAY);
        String cut = LocalDate.ofInstant(cutoff, ZoneOffset.UTC).toString();
        String asOf = LocalDate.ofInstant(ctx.asOf, ZoneOffset.UTC).toString();
        Figures f;
        try {
            f = compute(ctx);
        } catch (IllegalArgumentException e) {
            return Sections.noData(page, "No churn model could be checked: " + e.getMessage()
                    + ". The holdout needs the " + HORIZON_DAYS + " days before the as-of date and training cutoffs "
                    + "before them.");
        }
        ChurnRanking r = f.ranking();
        page.paragraph(String.format(Locale.ROOT, "Churn here means no purchase in the next %d days. Logistic "
                        + "regression was trained on %s rows at %d cutoffs from %s to %s (labels from orders before "
                        + "%s only), then scored the %s customers known at %s; the holdout is whether they bought "
                        + "between %s and %s, which the model never saw.", HORIZON_DAYS,
                Html.count(r.training().rows()), r.trainingCutoffs().size(), day(r.trainingCutoffs().get(0)),
                day(r.trainingCutoffs().get(r.trainingCutoffs().size() - 1)), cut, Html.count(r.scored().rows()), cut,
                cut, asOf));
        if (f.roc() == null) {
            return Sections.noData(page, "The holdout from " + cut + " to " + asOf + " has a single class (every "
                    + "customer churned, or none did), or its customers differ from those scored: no ROC curve, lift "
                    + "or calibration to show.");
        }
        double auc = r.testAuc().getAsDouble();
        List<String[]> cards = new ArrayList<>();
        cards.add(new String[] {"ROC AUC (holdout)", Html.number(auc, 3)});
        cards.add(new String[] {"churned in the holdout", Html.percent(r.testChurnRate().getAsDouble())});
        cards.add(new String[] {"lift of the riskiest 10%", Html.number(f.lift().lift(0), 2)});
        cards.add(new String[] {"expected calibration error", Html.number(f.calibration()
                .expectedCalibrationError(), 3)});
        page.cards(cards);
        page.chartsStart();
        double[] diagonal = {0, 1};
        page.figure(Charts.lines("chart-churn-roc", "ROC curve on the holdout", String.format(Locale.ROOT,
                        "ROC curve of the churn model on %s customers, area %.3f; the dashed diagonal is random "
                                + "ranking (0.5).", Html.count(r.scored().rows()), auc),
                "false positive rate (share of stayers flagged)", "true positive rate (share of churners caught)",
                List.of(new Charts.Line("model (AUC " + Html.number(auc, 3) + ")", f.roc().fpr(), f.roc().tpr(),
                                false, false, null),
                        new Charts.Line("random", diagonal, diagonal, true, false, "#777777")), 0, 1, 0, 1), null);
        int groups = f.lift().groups();
        String[] deciles = new String[groups];
        double[] lift = new double[groups];
        StringBuilder liftDesc = new StringBuilder("Lift by decile of predicted risk, riskiest first:");
        for (int g = 0; g < groups; g++) {
            deciles[g] = Integer.toString(g + 1);
            lift[g] = f.lift().lift(g);
            liftDesc.append(' ').append(Html.number(lift[g], 2)).append(g + 1 < groups ? "," : ".");
        }
        page.figure(Charts.columns("chart-churn-lift", "Lift by decile of predicted risk", liftDesc
                        + " 1 is the churn rate of everyone.", "decile (1 = riskiest 10%)",
                "churn rate / overall churn rate (ratio)", deciles, new String[] {"lift"}, new double[][] {lift}),
                null);
        CalibrationTable cal = f.calibration();
        double[] predicted = cal.meanPredicted();
        double[] observed = cal.observed();
        StringBuilder calDesc = new StringBuilder("Calibration in " + cal.size() + " bins, mean predicted against "
                + "observed churn:");
        for (int k = 0; k < cal.size(); k++) {
            calDesc.append(' ').append(Html.number(predicted[k], 2)).append(" / ").append(Html.number(observed[k], 2))
                    .append(k + 1 < cal.size() ? "," : ".");
        }
        page.figure(Charts.lines("chart-churn-calibration", "Calibration: predicted against observed",
                calDesc.toString(), "mean predicted P(churn)", "observed churn rate", List.of(
                        new Charts.Line("model", predicted, observed, false, true, null),
                        new Charts.Line("perfect calibration", diagonal, diagonal, true, false, "#777777")),
                0, 1, 0, 1), "Points on the dashed diagonal mean the predicted probabilities can be read as rates.");
        page.chartsEnd();
        List<String[]> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            rows.add(new String[] {deciles[g], Html.count(f.lift().rows(g)), Html.count(f.lift().positives(g)),
                    Html.percent(f.lift().rate(g)), Html.number(f.lift().lift(g), 2),
                    Html.percent(f.lift().gain(g))});
        }
        page.table("Lift table on the holdout", new String[] {"decile", "customers", "churned", "churn rate",
                "lift", "churners caught so far"}, new boolean[] {true, true, true, true, true, true}, rows);
        return "";
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }
}
