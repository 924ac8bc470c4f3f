package dev.retention.experiment.uplift;

import dev.retention.churn.classifier.Learner;
import dev.retention.churn.classifier.ProbabilisticClassifier;
import dev.retention.matrix.DenseMatrix;
import dev.retention.model.DataFingerprint;
import dev.retention.model.FitControl;
import dev.retention.model.FitSummary;
import dev.retention.model.Verdict;

import java.util.Objects;

/** The checks and shared steps of the uplift learners. */
final class UpliftData {

    private UpliftData() {
    }

    /** Checks shapes and 0/1 values; both arms present. Returns the number of treated rows. */
    static int check(DenseMatrix x, int[] treatment, int[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(y, "y");
        if (treatment.length != x.rows() || y.length != x.rows()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows, treatment " + treatment.length
                    + " values, y " + y.length + "; they must match");
        }
        int treated = 0;
        for (int i = 0; i < treatment.length; i++) {
            if (treatment[i] != 0 && treatment[i] != 1) {
                throw new IllegalArgumentException("treatment must be 0 (control) or 1 (treated), got " + treatment[i]
                        + " in row " + i);
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("the outcome y must be 0 or 1, got " + y[i] + " in row " + i);
            }
            treated += treatment[i];
        }
        if (treated == 0 || treated == treatment.length) {
            throw new IllegalArgumentException("uplift needs treated and control rows, got " + treated + " treated of "
                    + treatment.length);
        }
        return treated;
    }

    static int[] rowsOf(int[] treatment, int arm) {
        int n = 0;
        for (int t : treatment) {
            if (t == arm) {
                n++;
            }
        }
        int[] rows = new int[n];
        for (int i = 0, k = 0; i < treatment.length; i++) {
            if (treatment[i] == arm) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    static int[] select(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    /** Fits the base classifier on some rows, naming the part on a failure. */
    static ProbabilisticClassifier fitPart(String part, Learner learner, DenseMatrix x, int[] y, int[] rows,
                                           FitControl control) {
        int[] labels = select(y, rows);
        int ones = 0;
        for (int v : labels) {
            ones += v;
        }
        if (ones == 0 || ones == labels.length) {
            throw new IllegalArgumentException("the " + part + " rows (" + labels.length + ") all have outcome "
                    + (ones == 0 ? 0 : 1) + ": a classifier needs both outcomes");
        }
        return learner.fit(x.selectRows(rows), labels, control);
    }

    static DataFingerprint fingerprint(DenseMatrix x, int[] treatment, int[] y) {
        return DataFingerprint.hasher(x.rows(), x.columns() + 2L).add(x.fingerprint().checksum()).add(treatment)
                .add(y).finish();
    }

    /** Carries the components' convergence and verdicts into the uplift model's summary. */
    static void components(FitSummary.Builder summary, String[] names, ProbabilisticClassifier[] parts) {
        boolean converged = true;
        StringBuilder reasons = new StringBuilder();
        int iterations = 0;
        for (int i = 0; i < parts.length; i++) {
            FitSummary s = parts[i].fitSummary();
            iterations += s.iterations();
            converged &= s.converged();
            reasons.append(i == 0 ? "" : "; ").append(names[i]).append(": ").append(s.stopReason());
            if (s.verdict() == Verdict.UNUSABLE) {
                summary.unusable("the " + names[i] + " classifier is unusable: " + s.warnings());
            } else if (s.verdict() == Verdict.WARNING) {
                summary.warning("the " + names[i] + " classifier: " + s.warnings());
            }
            summary.choice(names[i] + ": " + s.algorithm() + " on " + s.data().rows() + " rows");
        }
        summary.iterations(iterations).converged(converged, reasons.toString());
    }
}
