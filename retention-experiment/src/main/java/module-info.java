/**
 * Retention experiment: did a retention action work, and for whom. Experiment tables from CSV or from a
 * transaction log, two-arm and many-arm comparisons with multiplicity adjustment, sample-ratio checks and
 * CUPED, planning, group-sequential boundaries and always-valid p-values, uplift models over the churn
 * module's classifiers with their evaluation, and targeting rules. Its own module because the uplift
 * learners depend on {@code dev.retention.churn}'s classifiers, which core must not know, and no other family
 * needs it. Its models are read by {@code Models.load} through
 * {@code dev.retention.experiment.modelfiles.ExperimentModelReader}.
 */
module dev.retention.experiment {
    requires transitive dev.retention.core;
    requires transitive dev.retention.churn;
    requires org.slf4j;
    requires de.siegmar.fastcsv;

    exports dev.retention.experiment;
    exports dev.retention.experiment.analysis;
    exports dev.retention.experiment.planning;
    exports dev.retention.experiment.sequential;
    exports dev.retention.experiment.stats;
    exports dev.retention.experiment.targeting;
    exports dev.retention.experiment.uplift;

    provides dev.retention.model.ModelReader with dev.retention.experiment.modelfiles.ExperimentModelReader;
}
