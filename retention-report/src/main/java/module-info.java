/**
 * Retention report: one self-contained HTML file of a shop's analytics ({@link dev.retention.report.Report}), with
 * inline SVG charts drawn by the module's own code (no script, no font, no network). It shows every family's results
 * (RFM, cohorts, clusters, churn model quality, CLV, recommendations, the playbook's plan, experiments), so it depends
 * on each of them and nothing depends on it.
 */
module dev.retention.report {
    requires transitive dev.retention.core;
    requires transitive dev.retention.playbook;
    requires transitive dev.retention.experiment;
    requires dev.retention.cluster;
    requires dev.retention.churn;
    requires dev.retention.lifetime;
    requires dev.retention.recsys;
    requires org.slf4j;

    exports dev.retention.report;
}
