package dev.retention.bench.study;

import dev.retention.lifetime.CustomerSummary;
import dev.retention.lifetime.Estimates;
import dev.retention.lifetime.PeriodUnit;
import dev.retention.lifetime.bgnbd.BgNbd;
import dev.retention.lifetime.bgnbd.BgNbdModel;
import dev.retention.lifetime.bgnbd.BgNbdOptions;
import dev.retention.lifetime.gammagamma.GammaGamma;
import dev.retention.lifetime.gammagamma.GammaGammaModel;
import dev.retention.lifetime.paretonbd.ParetoNbd;
import dev.retention.lifetime.paretonbd.ParetoNbdModel;
import dev.retention.lifetime.paretonbd.ParetoNbdOptions;
import dev.retention.lifetime.simulation.LifetimeSimulation;
import dev.retention.model.FitSummary;
import dev.retention.model.Model;
import dev.retention.model.Verdict;

import java.util.List;
import java.util.Locale;

/**
 * A parameter-recovery study of the lifetime models, larger than the unit tests can afford: for each model and
 * parameter set, {@code seeds} samples of {@code customers} customers are simulated with the model's own
 * generative process (ages 26 to 52 weeks; Gamma-Gamma on 1 to 8 repeat purchases), fitted, and summarized per
 * parameter: the truth, the mean estimate, the standard deviation of the estimates over the samples, the mean
 * reported standard error (the two should agree), and the coverage of the 95% Wald interval; per set, the mean
 * likelihood-ratio statistic {@code 2 (LL(fit) - LL(truth))} (chi-squared with k degrees of freedom: mean k),
 * the share above its 0.95 quantile (about 5%), the shares of fits that converged and whose verdict is FINE, and the
 * mean fit time.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.retention.bench.study.LifetimeRecoveryStudy [customers]
 * [seeds] [threads]} (defaults 20000, 20, all processors).
 */
public final class LifetimeRecoveryStudy {

    private static final double CHI2_95_4 = 9.488;
    private static final double CHI2_95_3 = 7.815;

    private LifetimeRecoveryStudy() {
    }

    /** Runs the study and prints one table per model and parameter set. */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");   // one INFO line per fit otherwise
        }
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Lifetime parameter recovery: %,d customers, %d samples, %d threads%n%n",
                customers, seeds, threads);
        double[][] bg = {{0.243, 4.414, 0.793, 2.426}, {0.5, 10, 1.5, 3}, {1.5, 30, 0.4, 1.2}, {0.8, 2, 2.5, 6}};
        for (BgNbdModel.Variant v : BgNbdModel.Variant.values()) {
            for (double[] p : bg) {
                BgNbdModel truth = BgNbdModel.of(p[0], p[1], p[2], p[3], v, PeriodUnit.WEEK);
                study(v.label(), p, seeds, CHI2_95_4, seed -> {
                    CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(customers, 26, 52),
                            seed);
                    BgNbdModel m = BgNbd.fit(s, BgNbdOptions.defaults().withVariant(v).withThreads(threads));
                    return new Sample(m.estimates(), m, truth.logLikelihood(s));
                });
            }
        }
        double[][] pnbd = {{0.553, 10.578, 0.606, 11.669}, {1.2, 20, 0.8, 8}, {0.4, 6, 1.5, 12}};
        for (double[] p : pnbd) {
            ParetoNbdModel truth = ParetoNbdModel.of(p[0], p[1], p[2], p[3], PeriodUnit.WEEK);
            study("Pareto/NBD", p, seeds, CHI2_95_4, seed -> {
                CustomerSummary s = LifetimeSimulation.purchases(truth, LifetimeSimulation.ages(customers, 26, 52),
                        seed);
                ParetoNbdModel m = ParetoNbd.fit(s, ParetoNbdOptions.defaults().withThreads(threads));
                return new Sample(m.estimates(), m, truth.logLikelihood(s));
            });
        }
        double[][] gg = {{6.25, 3.74, 15.44}, {2, 5, 100}, {0.8, 2.5, 4}};
        for (double[] p : gg) {
            GammaGammaModel truth = GammaGammaModel.of(p[0], p[1], p[2]);
            study("Gamma-Gamma", p, seeds, CHI2_95_3, seed -> {
                int[] x = new int[customers];
                double[] t = new double[customers];
                for (int i = 0; i < customers; i++) {
                    x[i] = 1 + i % 8;
                    t[i] = 40;
                }
                CustomerSummary s = LifetimeSimulation.spend(truth, CustomerSummary.of(x, t.clone(), t,
                        PeriodUnit.WEEK), seed);
                double ll = 0;
                for (int i = 0; i < customers; i++) {
                    ll += truth.logLikelihood(s.frequency(i), s.monetaryValue(i));
                }
                GammaGammaModel m = GammaGamma.fit(s);
                return new Sample(m.estimates(), m, ll);
            });
        }
    }

    /** One fitted sample (its estimates and its model, for the fit summary) and the log-likelihood of the truth on it. */
    record Sample(Estimates estimates, Model model, double truthLogLikelihood) {
    }

    interface Trial {
        Sample run(long seed);
    }

    private static void study(String model, double[] truth, int seeds, double chi2, Trial trial) {
        int k = truth.length;
        double[] sum = new double[k];
        double[] sumSq = new double[k];
        double[] sumSe = new double[k];
        int[] covered = new int[k];
        double lrSum = 0;
        int lrAbove = 0;
        int converged = 0;
        int fine = 0;
        double seconds = 0;
        List<String> names = List.of();
        for (long seed = 1; seed <= seeds; seed++) {
            Sample s = trial.run(seed);
            double[] e = s.estimates().values();
            double[] se = s.estimates().standardErrors();
            FitSummary fit = s.model().fitSummary();
            names = s.estimates().names();
            for (int i = 0; i < k; i++) {
                sum[i] += e[i];
                sumSq[i] += e[i] * e[i];
                sumSe[i] += se[i];
                covered[i] += Math.abs(e[i] - truth[i]) <= 1.96 * se[i] ? 1 : 0;
            }
            double lr = 2 * (s.estimates().logLikelihood() - s.truthLogLikelihood());
            lrSum += lr;
            lrAbove += lr > chi2 ? 1 : 0;
            converged += fit.converged() ? 1 : 0;
            fine += fit.verdict() == Verdict.FINE ? 1 : 0;
            seconds += fit.seconds();
        }
        System.out.printf(Locale.ROOT, "%s: LR mean %.2f (expected %d), above 0.95 quantile %.0f%%, converged %d/%d, "
                + "verdict FINE %d/%d, %.3f s per fit%n", model, lrSum / seeds, k, 100.0 * lrAbove / seeds, converged,
                seeds, fine, seeds, seconds / seeds);
        System.out.printf(Locale.ROOT, "  %-6s %12s %12s %12s %12s %9s%n", "param", "truth", "mean est.", "sd est.",
                "mean se", "cover95");
        for (int i = 0; i < k; i++) {
            double mean = sum[i] / seeds;
            double sd = Math.sqrt(Math.max(0, sumSq[i] / seeds - mean * mean));
            System.out.printf(Locale.ROOT, "  %-6s %12.5g %12.5g %12.4g %12.4g %8.0f%%%n", names.get(i), truth[i], mean,
                    sd, sumSe[i] / seeds, 100.0 * covered[i] / seeds);
        }
        System.out.println();
    }
}
