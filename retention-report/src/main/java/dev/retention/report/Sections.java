package dev.retention.report;

import dev.retention.report.internal.Page;

/** The report's sections in page order, and the one switch that draws each. */
final class Sections {

    private Sections() {
    }

    /** A section: its HTML id and heading. */
    enum Kind {
        SUMMARY("summary", "The shop in short"),
        SEGMENTS("segments", "RFM segments: size and value"),
        COHORTS("cohorts", "Cohort retention"),
        REPURCHASE("repurchase", "Repurchase curve"),
        CLUSTERS("clusters", "Customer clusters"),
        CHURN("churn", "Churn model quality"),
        CLV("clv", "Customer lifetime value"),
        RECOMMENDATIONS("recommendations", "Recommendations"),
        PLAYBOOK("playbook", "Playbook: whom to contact"),
        EXPERIMENTS("experiments", "Experiments");

        private final String id;
        private final String title;

        Kind(String id, String title) {
            this.id = id;
            this.title = title;
        }

        String id() {
            return id;
        }

        String title() {
            return title;
        }
    }

    /**
     * Computes and draws one section into the page; returns the empty string when it showed results, else the reason
     * it did not (already written on the page as a "no data" note).
     */
    static String render(Kind kind, Context ctx, Page page) {
        return switch (kind) {
            case SUMMARY -> SummarySection.render(ctx, page);
            case SEGMENTS -> SegmentSection.render(ctx, page);
            case COHORTS -> CohortSection.render(ctx, page);
            case REPURCHASE -> RepurchaseSection.render(ctx, page);
            case CLUSTERS -> ClusterSection.render(ctx, page);
            case CHURN -> ChurnSection.render(ctx, page);
            case CLV -> ClvSection.render(ctx, page);
            case RECOMMENDATIONS -> RecommendationSection.render(ctx, page);
            case PLAYBOOK -> PlaybookSection.render(ctx, page);
            case EXPERIMENTS -> ExperimentSection.render(ctx, page);
        };
    }

    /** Writes a "no data" note and returns its text. */
    static String noData(Page page, String reason) {
        page.noData(reason);
        return reason;
    }
}
