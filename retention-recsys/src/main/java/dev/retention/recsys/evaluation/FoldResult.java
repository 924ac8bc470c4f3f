package dev.retention.recsys.evaluation;

/**
 * The accuracy and timing of one fold.
 *
 * @param rmse        root mean squared error
 * @param mae         mean absolute error
 * @param mse         mean squared error
 * @param fcp         fraction of concordant pairs
 * @param fitSeconds  wall time of the fit
 * @param testSeconds wall time of predicting the test ratings
 * @param testSize    number of test ratings
 * @param impossible  test ratings the model could not predict (it fell back)
 */
public record FoldResult(double rmse, double mae, double mse, double fcp, double fitSeconds, double testSeconds,
                         int testSize, int impossible) {
}
