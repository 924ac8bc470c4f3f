package dev.retention.recsys.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The result of a cross-validation: one {@link FoldResult} per fold, with means and medians.
 * Immutable. {@code toString()} prints Surprise's table.
 */
public final class CvResult {

    private final String algorithm;
    private final List<FoldResult> folds;

    CvResult(String algorithm, List<FoldResult> folds) {
        this.algorithm = algorithm;
        this.folds = List.copyOf(folds);
    }

    /** {@return the name of the algorithm} */
    public String algorithm() {
        return algorithm;
    }

    /** {@return the folds, in order} */
    public List<FoldResult> folds() {
        return folds;
    }

    /** {@return the mean RMSE over folds} */
    public double rmse() {
        return mean(FoldResult::rmse);
    }

    /** {@return the mean MAE over folds} */
    public double mae() {
        return mean(FoldResult::mae);
    }

    /** {@return the mean MSE over folds} */
    public double mse() {
        return mean(FoldResult::mse);
    }

    /** {@return the mean FCP over folds} */
    public double fcp() {
        return mean(FoldResult::fcp);
    }

    /** {@return the mean fit time in seconds} */
    public double fitSeconds() {
        return mean(FoldResult::fitSeconds);
    }

    /** {@return the mean test time in seconds} */
    public double testSeconds() {
        return mean(FoldResult::testSeconds);
    }

    /** {@return the median fit time in seconds} */
    public double medianFitSeconds() {
        return median(FoldResult::fitSeconds);
    }

    /** {@return the median test time in seconds} */
    public double medianTestSeconds() {
        return median(FoldResult::testSeconds);
    }

    /** {@return the test ratings predicted by the fallback, over all folds} */
    public long impossible() {
        long s = 0;
        for (FoldResult f : folds) {
            s += f.impossible();
        }
        return s;
    }

    /**
     * {@return the mean of a measure over folds}
     *
     * @param measure the measure to read from each fold
     */
    public double mean(ToDoubleFunction<FoldResult> measure) {
        double s = 0;
        for (FoldResult f : folds) {
            s += measure.applyAsDouble(f);
        }
        return s / folds.size();
    }

    /**
     * {@return the standard deviation (population, as NumPy's {@code std}) of a measure over folds}
     *
     * @param measure the measure to read from each fold
     */
    public double std(ToDoubleFunction<FoldResult> measure) {
        double m = mean(measure);
        double s = 0;
        for (FoldResult f : folds) {
            double d = measure.applyAsDouble(f) - m;
            s += d * d;
        }
        return Math.sqrt(s / folds.size());
    }

    /**
     * {@return the median of a measure over folds}
     *
     * @param measure the measure to read from each fold
     */
    public double median(ToDoubleFunction<FoldResult> measure) {
        double[] v = new double[folds.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = measure.applyAsDouble(folds.get(i));
        }
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Evaluating RMSE, MAE, MSE, FCP of %s on %d split(s).%n%n",
                algorithm, folds.size()));
        sb.append(String.format(Locale.ROOT, "%-16s", ""));
        for (int f = 0; f < folds.size(); f++) {
            sb.append(String.format(Locale.ROOT, "Fold %-4d", f + 1));
        }
        sb.append(String.format(Locale.ROOT, "Mean    Std%n"));
        row(sb, "RMSE (testset)", FoldResult::rmse, "%.4f");
        row(sb, "MAE (testset)", FoldResult::mae, "%.4f");
        row(sb, "MSE (testset)", FoldResult::mse, "%.4f");
        row(sb, "FCP (testset)", FoldResult::fcp, "%.4f");
        row(sb, "Fit time", FoldResult::fitSeconds, "%.3f ");
        row(sb, "Test time", FoldResult::testSeconds, "%.3f ");
        return sb.toString();
    }

    private void row(StringBuilder sb, String label, ToDoubleFunction<FoldResult> m, String format) {
        sb.append(String.format(Locale.ROOT, "%-16s", label));
        for (FoldResult f : folds) {
            sb.append(String.format(format + "   ", m.applyAsDouble(f)));
        }
        sb.append(String.format(format + "   " + format + "%n", mean(m), std(m)));
    }
}
