package dev.retention.recsys.evaluation;

import dev.retention.recsys.Prediction;
import dev.retention.recsys.RatingPredictor;
import dev.retention.recsys.Ratings;
import dev.retention.recsys.sparse.CsrMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cross-validation of a rating model, as Surprise's {@code cross_validate}: for each split, fit on the
 * training set (timed), predict every test rating once (timed; each prediction says whether it fell
 * back, which is counted in the same pass), and measure RMSE, MAE, MSE and FCP; the
 * result holds every fold and the means. Times are wall clock ({@link System#nanoTime()}); the first
 * fold includes the JIT warm-up of the model's code, so the medians are the steadier figure.
 */
public final class CrossValidation {

    private static final Logger LOG = LoggerFactory.getLogger(CrossValidation.class);

    private CrossValidation() {
    }

    /**
     * {@return K-fold cross-validation over {@link Folds#kFold} splits} O(k x (cost of a fit + test ratings x cost of
     * a prediction)).
     *
     * @param data    read
     * @param name    the algorithm's name in the result
     * @param factory fits a model per fold
     * @param k       folds, in {@code [2, data.size()]}
     * @param seed    shuffle seed
     */
    public static CvResult evaluate(Ratings data, String name, ModelFactory factory, int k, long seed) {
        return evaluate(Folds.kFold(data, k, seed), name, factory);
    }

    /**
     * {@return cross-validation over given splits}
     *
     * @param splits  read; at least one
     * @param name    the algorithm's name in the result
     * @param factory fits a model per split
     * @throws IllegalArgumentException if there is no split or a test set is empty
     */
    public static CvResult evaluate(List<Split> splits, String name, ModelFactory factory) {
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("splits must not be empty");
        }
        List<FoldResult> results = new ArrayList<>(splits.size());
        for (int f = 0; f < splits.size(); f++) {
            FoldResult r = evaluate(splits.get(f), factory);
            results.add(r);
            LOG.info("{} fold {} of {}: RMSE {} MAE {} fit {} s test {} s", name, f + 1, splits.size(),
                    r.rmse(), r.mae(), r.fitSeconds(), r.testSeconds());
        }
        return new CvResult(name, results);
    }

    /**
     * Fits on the split's training set and measures on its test set.
     *
     * @param split   read
     * @param factory fits the model
     * @return the fold's error measures and timings
     * @throws IllegalArgumentException if the test set is empty
     */
    public static FoldResult evaluate(Split split, ModelFactory factory) {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(factory, "factory");
        Ratings test = split.test();
        if (test.size() == 0) {
            throw new IllegalArgumentException("the test set of a split is empty");
        }
        long t0 = System.nanoTime();
        RatingPredictor model = factory.fit(split.train());
        long t1 = System.nanoTime();
        double[] est = new double[test.size()];
        int impossible = 0;
        CsrMatrix byUser = test.byUser();
        for (int u = 0; u < test.userCount(); u++) {
            for (int p = byUser.rowStart(u), end = byUser.rowEnd(u); p < end; p++) {
                Prediction prediction = model.predict(u, byUser.columnIndex(p));
                est[p] = prediction.estimate();
                if (prediction.impossible()) {
                    impossible++;
                }
            }
        }
        long t2 = System.nanoTime();
        return new FoldResult(RatingMetrics.rmse(test, est), RatingMetrics.mae(test, est),
                RatingMetrics.mse(test, est), RatingMetrics.fcp(test, est), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                test.size(), impossible);
    }
}
