package dev.retention.report;

import dev.retention.cluster.ClusterProfiles;
import dev.retention.cluster.kmeans.KMeans;
import dev.retention.cluster.kmeans.KMeansModel;
import dev.retention.cluster.kmeans.KMeansOptions;
import dev.retention.matrix.FeatureScaling;
import dev.retention.report.internal.Charts;
import dev.retention.report.internal.Html;
import dev.retention.report.internal.Page;
import dev.retention.rfm.RfmTable;

import java.util.ArrayList;
import java.util.List;

/** k-means on log1p-standardised recency, frequency and monetary value: each cluster's size and profile. */
final class ClusterSection {

    /** Clusters asked for. */
    static final int K = 4;

    private ClusterSection() {
    }

    /** The clustering, one profile per cluster in label order, and the mean recency, frequency and spend of all. */
    static final class Figures {
        private final KMeansModel model;
        private final List<ClusterProfiles.Profile> profiles;
        private final double[] overall;

        Figures(KMeansModel model, List<ClusterProfiles.Profile> profiles, double[] overall) {
            this.model = model;
            this.profiles = profiles;
            this.overall = overall;
        }

        KMeansModel model() {
            return model;
        }

        List<ClusterProfiles.Profile> profiles() {
            return profiles;
        }

        double[] overall() {
            return overall;
        }
    }

    static Figures compute(RfmTable rfm, long seed, int threads) {
        KMeansModel model = KMeans.fit(rfm.features(), KMeansOptions.defaults().withK(K).withSeed(seed)
                .withThreads(threads).withScaling(FeatureScaling.Kind.LOG1P_ZSCORE));
        ClusterProfiles profiles = ClusterProfiles.compute(rfm, model.labels());
        return new Figures(model, profiles.profiles(), new double[] {rfm.meanRecency(), rfm.meanFrequency(),
                rfm.meanMonetary()});
    }

    static String render(Context ctx, Page page) {
        RfmTable rfm = ctx.rfm();
        if (rfm.size() < 2 * K) {
            return Sections.noData(page, "Only " + rfm.size() + " customers: too few to cluster into " + K
                    + " groups (at least " + 2 * K + " needed).");
        }
        Figures f = compute(rfm, ctx.seed, ctx.threads);
        List<ClusterProfiles.Profile> ps = f.profiles();
        String[] names = new String[ps.size()];
        double[] sizes = new double[ps.size()];
        double[][] index = new double[3][ps.size()];
        StringBuilder sizeDesc = new StringBuilder("Customers per cluster:");
        StringBuilder indexDesc = new StringBuilder("Cluster means over the overall means (recency, orders, spend):");
        for (int j = 0; j < ps.size(); j++) {
            ClusterProfiles.Profile p = ps.get(j);
            names[j] = "cluster " + p.cluster();
            sizes[j] = p.size();
            index[0][j] = ratio(p.meanRecency(), f.overall()[0]);
            index[1][j] = ratio(p.meanFrequency(), f.overall()[1]);
            index[2][j] = ratio(p.meanMonetary(), f.overall()[2]);
            sizeDesc.append(j == 0 ? " " : "; ").append(names[j]).append(' ').append(Html.count(p.size()))
                    .append(" (mostly ").append(p.topSegment()).append(')');
            indexDesc.append(j == 0 ? " " : "; ").append(names[j]).append(' ').append(Html.number(index[0][j], 2))
                    .append(", ").append(Html.number(index[1][j], 2)).append(", ")
                    .append(Html.number(index[2][j], 2));
        }
        page.paragraph(String.format(java.util.Locale.ROOT, "k-means with k = %d on recency, frequency and monetary "
                        + "value, each log1p-transformed and standardised; %d iterations%s. The profile chart "
                        + "divides each cluster's mean by the mean of all customers: above 1 is more than average "
                        + "(for recency, longer since the last order).", K,
                f.model().fitSummary().iterations(), f.model().fitSummary().converged() ? "" : ", not converged"));
        page.chartsStart();
        page.figure(Charts.bars("chart-clusters-size", "Customers per cluster", sizeDesc + ".", "customers (count)",
                names, sizes, 0), null);
        page.figure(Charts.columns("chart-clusters-profile", "Cluster profiles against the average",
                indexDesc + ".", "cluster", "cluster mean / overall mean (ratio)", names,
                new String[] {"recency", "orders", "spend"}, index), null);
        page.chartsEnd();
        List<String[]> rows = new ArrayList<>();
        for (int j = 0; j < ps.size(); j++) {
            ClusterProfiles.Profile p = ps.get(j);
            rows.add(new String[] {names[j], Html.count(p.size()), Html.percent(p.share()),
                    Html.number(p.meanRecency(), 0), Html.number(p.meanFrequency(), 1), ctx.money(p.meanMonetary()),
                    p.topSegment() + " (" + Html.percent(p.topSegmentShare()) + ")"});
        }
        page.table("Cluster profiles", new String[] {"cluster", "customers", "share", "mean recency (days)",
                "mean orders", ctx.withUnit("mean spend"), "most common segment"},
                new boolean[] {false, true, true, true, true, true, false}, rows);
        return "";
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
