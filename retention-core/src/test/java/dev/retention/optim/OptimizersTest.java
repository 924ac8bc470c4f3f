package dev.retention.optim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizersTest {

    private static final LbfgsOptions TIGHT = LbfgsOptions.defaults().withGradientTolerance(1e-12)
            .withRelativeTolerance(0);

    /** Rosenbrock's function in n dimensions (the sum form of scipy.optimize.rosen) and its gradient. */
    static double rosen(double[] x, double[] g) {
        double f = 0;
        if (g != null) {
            java.util.Arrays.fill(g, 0);
        }
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            if (g != null) {
                g[i] += -400 * x[i] * a - 2 * b;
                g[i + 1] += 200 * a;
            }
        }
        return f;
    }

    // ---- golden values ----

    @Test
    void lbfgs_rosenbrock10_reachesTheMinimum() {
        // scipy.optimize.minimize(rosen, [-1.2, 1.0] * 5, method="L-BFGS-B", jac=rosen_der) ends at
        // f = 1.04e-11 with x within 5e-7 of ones; with a tight tolerance we go further.
        double[] x0 = {-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1};
        OptimizationResult r = Lbfgs.minimize(OptimizersTest::rosen, x0, TIGHT.withRelativeTolerance(1e-15));
        assertTrue(r.converged(), r.toString());
        for (double v : r.x()) {
            assertEquals(1.0, v, 1e-7, r.toString());
        }
        assertTrue(r.value() < 1e-13, r.toString());
    }

    @Test
    void lbfgs_logisticRegression_matchesScikitLearn() {
        // sklearn LogisticRegression(C=1, tol=1e-12) coefficients; tolerance 1e-6 (the objective, about 13.8, is
        // flat to 1e-12 relative within about 2e-7 of the optimum, so neither solver can pin it down further)
        OptimizationResult r = Lbfgs.minimize(OptimFixtures.logistic(), new double[4], TIGHT);
        assertTrue(r.converged(), r.toString());
        assertArrayEquals(OptimFixtures.LOGISTIC_SOLUTION, r.x(), 1e-6, r.toString());
    }

    @Test
    void owlqn_lasso_matchesScikitLearnIncludingExactZeros() {
        // sklearn Lasso(alpha=0.1, tol=1e-14) coefficients; tolerance 1e-7; zero coefficients exactly 0
        double[] l1 = {0.1, 0.1, 0.1, 0.1, 0.1, 0};
        OptimizationResult r = Lbfgs.minimizeL1(OptimFixtures.leastSquares(), l1, new double[6], TIGHT);
        assertTrue(r.converged(), r.toString());
        double[] x = r.x();
        assertArrayEquals(OptimFixtures.LASSO_SOLUTION, x, 1e-7, r.toString());
        assertEquals(0.0, x[1]);
        assertEquals(0.0, x[3]);
    }

    @Test
    void nelderMead_rosenbrock_followsScipyStepForStep() {
        // scipy.optimize.minimize(rosen, [-1.2, 1.0], method="Nelder-Mead") (SciPy 1.10.1):
        // x = [1.0000220217835696, 1.0000422197517715], nit = 85, nfev = 159 (SciPy's iteration counter starts at
        // 1, so nit = 85 is 84 simplex iterations)
        OptimizationResult r = NelderMead.minimize(x -> rosen(x, null), new double[] {-1.2, 1.0},
                NelderMeadOptions.defaults());
        assertTrue(r.converged(), r.toString());
        assertEquals(84, r.iterations());
        assertEquals(159, r.evaluations());
        assertArrayEquals(new double[] {1.0000220217835696, 1.0000422197517715}, r.x(), 1e-12);
    }

    @Test
    void nelderMead_tightTolerances_matchScipy() {
        // scipy with options xatol=1e-10, fatol=1e-12: nit = 132 (131 iterations), nfev = 249
        OptimizationResult r = NelderMead.minimize(x -> rosen(x, null), new double[] {-1.2, 1.0},
                NelderMeadOptions.defaults().withTolerances(1e-10, 1e-12));
        assertEquals(131, r.iterations());
        assertEquals(249, r.evaluations());
        assertArrayEquals(new double[] {0.9999999999758507, 0.9999999999517273}, r.x(), 1e-14);
    }

    // ---- behaviour ----

    @Test
    void lbfgs_stepsOutsideTheDomainAreShortened() {
        // f(x) = x - log(x), minimum at 1; from 10 a unit step along -f' leaves the domain x > 0
        DifferentiableFunction f = (x, g) -> {
            if (x[0] <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            g[0] = 1 - 1 / x[0];
            return x[0] - Math.log(x[0]);
        };
        OptimizationResult r = Lbfgs.minimize(f, new double[] {10}, TIGHT);
        assertTrue(r.converged(), r.toString());
        assertEquals(1.0, r.x()[0], 1e-9);
    }

    @Test
    void lbfgs_reportsIterationLimitWithoutThrowing() {
        OptimizationResult r = Lbfgs.minimize(OptimizersTest::rosen, new double[] {-1.2, 1},
                TIGHT.withMaxIterations(3));
        assertFalse(r.converged());
        assertEquals(3, r.iterations());
        assertTrue(r.message().contains("iteration limit 3"), r.message());
    }

    @Test
    void lbfgs_listenerSeesEveryIterationInHistoryOrder() {
        java.util.List<double[]> seen = new java.util.ArrayList<>();
        IterationListener listener = (k, value, norm) -> seen.add(new double[] {k, value, norm});
        OptimizationResult r = Lbfgs.minimize(OptimizersTest::rosen, new double[] {-1.2, 1}, TIGHT, listener);
        double[] history = r.history();
        assertEquals(r.iterations(), seen.size());
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(k + 1, (int) seen.get(k)[0]);
            assertEquals(history[k + 1], seen.get(k)[1]);
        }
        java.util.List<double[]> l1Seen = new java.util.ArrayList<>();
        OptimizationResult l1 = Lbfgs.minimizeL1(OptimFixtures.leastSquares(), new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0},
                new double[6], TIGHT, (k, value, norm) -> l1Seen.add(new double[] {k, value, norm}));
        assertEquals(l1.iterations(), l1Seen.size());
        assertEquals(l1.value(), l1Seen.get(l1Seen.size() - 1)[1]);
    }

    @Test
    void nelderMead_listenerSeesEveryIterationInHistoryOrderAndMayStopTheSearch() {
        java.util.List<double[]> seen = new java.util.ArrayList<>();
        OptimizationResult r = NelderMead.minimize(x -> rosen(x, null), new double[] {-1.2, 1.0},
                NelderMeadOptions.defaults(), (k, value, norm) -> seen.add(new double[] {k, value, norm}));
        OptimizationResult plain = NelderMead.minimize(x -> rosen(x, null), new double[] {-1.2, 1.0},
                NelderMeadOptions.defaults());
        assertArrayEquals(plain.x(), r.x(), 0.0);
        double[] history = r.history();
        assertEquals(r.iterations(), seen.size());
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(k + 1, (int) seen.get(k)[0]);
            assertEquals(history[k + 1], seen.get(k)[1]);
            assertTrue(Double.isNaN(seen.get(k)[2]), "no gradient in Nelder-Mead");
        }
        java.util.concurrent.CancellationException e = assertThrows(java.util.concurrent.CancellationException.class,
                () -> NelderMead.minimize(x -> rosen(x, null), new double[] {-1.2, 1.0}, NelderMeadOptions.defaults(),
                        (k, value, norm) -> {
                            if (k == 5) {
                                throw new java.util.concurrent.CancellationException("stop at 5");
                            }
                        }));
        assertEquals("stop at 5", e.getMessage());
    }

    @Test
    void lbfgs_startAtTheMinimumConvergesAtOnce() {
        OptimizationResult r = Lbfgs.minimize(OptimizersTest::rosen, new double[] {1, 1}, LbfgsOptions.defaults());
        assertTrue(r.converged());
        assertEquals(0, r.iterations());
        assertEquals(1, r.evaluations());
    }

    @Test
    void badInput_isRejectedWithTheOffendingValue() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Lbfgs.minimize(OptimizersTest::rosen, new double[] {0, Double.NaN}, LbfgsOptions.defaults()));
        assertTrue(nan.getMessage().contains("x0[1]") && nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                () -> Lbfgs.minimize((x, g) -> Double.NaN, new double[] {0}, LbfgsOptions.defaults()));
        assertTrue(start.getMessage().contains("not finite at x0"), start.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> Lbfgs.minimizeL1(OptimizersTest::rosen, new double[] {1, -1}, new double[2],
                        LbfgsOptions.defaults()));
        assertTrue(weights.getMessage().contains("l1Weights[1]"), weights.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Lbfgs.minimizeL1(OptimizersTest::rosen, new double[] {1}, new double[2], LbfgsOptions.defaults()));
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class,
                () -> LbfgsOptions.defaults().withMemory(0));
        assertTrue(memory.getMessage().contains("memory") && memory.getMessage().contains("got 0"));
        assertThrows(IllegalArgumentException.class, () -> NelderMeadOptions.defaults().withInitialStep(0));
        assertThrows(IllegalArgumentException.class,
                () -> NelderMead.minimize(x -> 0, new double[0], NelderMeadOptions.defaults()));
    }

    @Test
    void finiteDifferences_matchAnalyticGradientAndHessian() {
        double[] x = {0.3, -0.7, 1.1, 0.2};
        double[] g = new double[4];
        DifferentiableFunction f = OptimFixtures.logistic();
        double v = f.valueAndGradient(x, g);
        double[] fd = FiniteDifferences.gradient(p -> f.valueAndGradient(p, new double[4]), x);
        assertArrayEquals(g, fd, 1e-6);
        assertTrue(Double.isFinite(v));
        // Rosenbrock's Hessian at (1, 1) is [[802, -400], [-400, 200]]
        double[][] h1 = FiniteDifferences.hessian((ObjectiveFunction) p -> rosen(p, null), new double[] {1, 1});
        double[][] h2 = FiniteDifferences.hessian((DifferentiableFunction) OptimizersTest::rosen, new double[] {1, 1});
        double[][] exact = {{802, -400}, {-400, 200}};
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(exact[i], h1[i], 1e-3);
            assertArrayEquals(exact[i], h2[i], 1e-5);
        }
    }

    // ---- properties over seeded random problems ----

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    /** A random strictly convex quadratic 0.5 x'Ax - b'x with A = M'M + 0.1 I, in 1..30 dimensions. */
    static final class Quadratic implements DifferentiableFunction {
        private final double[][] a;
        private final double[] b;

        Quadratic(double[][] a, double[] b) {
            this.a = a;
            this.b = b;
        }

        static Quadratic random(long seed) {
            return random(seed, false);
        }

        /** Well conditioned: A = M'M + n I instead of M'M + 0.1 I. */
        static Quadratic random(long seed, boolean wellConditioned) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 1 + rnd.nextInt(30);
            double[][] m = new double[n][n];
            for (double[] row : m) {
                for (int j = 0; j < n; j++) {
                    row[j] = rnd.nextGaussian() * (rnd.nextInt(4) == 0 ? 10 : 1);
                }
            }
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = i == j ? (wellConditioned ? n : 0.1) : 0;
                    for (int k = 0; k < n; k++) {
                        s += m[k][i] * m[k][j];
                    }
                    a[i][j] = s;
                }
            }
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = rnd.nextGaussian() * 5;
            }
            return new Quadratic(a, b);
        }

        @Override
        public double valueAndGradient(double[] x, double[] g) {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double ax = 0;
                for (int j = 0; j < x.length; j++) {
                    ax += a[i][j] * x[j];
                }
                g[i] = ax - b[i];
                f += 0.5 * x[i] * ax - b[i] * x[i];
            }
            return f;
        }

        public double[][] a() {
            return a;
        }

        public double[] b() {
            return b;
        }
    }

    private static void assertNonIncreasing(double[] history, long seed) {
        for (int i = 1; i < history.length; i++) {
            assertTrue(history[i] <= history[i - 1], "seed " + seed + ": objective rose at iteration " + i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lbfgs_quadratic_reachesTheMinimumMonotonicallyAndDeterministically(long seed) {
        Quadratic q = Quadratic.random(seed);
        int n = q.b().length;
        LbfgsOptions opt = LbfgsOptions.defaults().withGradientTolerance(1e-8).withRelativeTolerance(0);
        OptimizationResult r = Lbfgs.minimize(q, new double[n], opt);
        assertTrue(r.converged(), "seed " + seed + ": " + r);
        double fStar = q.valueAndGradient(solve(q.a(), q.b()), new double[n]);
        assertTrue(r.value() - fStar <= 1e-9 * Math.max(1, Math.abs(fStar)),
                "seed " + seed + ": f = " + r.value() + ", minimum " + fStar);
        assertNonIncreasing(r.history(), seed);
        assertArrayEquals(r.x(), Lbfgs.minimize(q, new double[n], opt).x(), 0.0, "seed " + seed);
    }

    /** A x = b by Gaussian elimination with partial pivoting (the reference minimizer of a quadratic). */
    private static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(a0[i], n + 1);
            a[i][n] = b0[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void owlqn_quadraticWithL1_matchesCoordinateDescent(long seed) {
        Quadratic q = Quadratic.random(seed, true);
        int n = q.b().length;
        SplittableRandom rnd = new SplittableRandom(~seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble(0, 8);
        }
        OptimizationResult r = Lbfgs.minimizeL1(q, w, new double[n], TIGHT.withGradientTolerance(1e-9));
        assertTrue(r.converged(), "seed " + seed + ": " + r);
        assertNonIncreasing(r.history(), seed);
        // reference: cyclic coordinate descent with soft thresholding, run to a fixed point
        double[][] a = q.a();
        double[] ref = new double[n];
        for (int sweep = 0; sweep < 10_000; sweep++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                double rho = q.b()[i];
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        rho -= a[i][j] * ref[j];
                    }
                }
                double v = Math.signum(rho) * Math.max(Math.abs(rho) - w[i], 0) / a[i][i];
                change = Math.max(change, Math.abs(v - ref[i]));
                ref[i] = v;
            }
            if (change < 1e-15) {
                break;
            }
        }
        double fRef = q.valueAndGradient(ref, new double[n]);
        for (int i = 0; i < n; i++) {
            fRef += w[i] * Math.abs(ref[i]);
        }
        assertEquals(fRef, r.value(), 1e-10 * Math.max(1, Math.abs(fRef)), "seed " + seed);
        double[] x = r.x();
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], x[i], 1e-6, "seed " + seed + ": coordinate " + i);
            if (ref[i] == 0 && w[i] > 0) {
                assertEquals(0.0, x[i], 1e-9, "seed " + seed + ": coordinate " + i + " should be zero");
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nelderMead_bestValueNeverRises(long seed) {
        Quadratic q = Quadratic.random(seed % 20);   // small dimensions: Nelder-Mead is slow beyond ~10
        int n = Math.min(q.b().length, 6);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = rnd.nextGaussian();
        }
        ObjectiveFunction f = x -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += (i + 1) * (x[i] - 1) * (x[i] - 1);
            }
            return s;
        };
        OptimizationResult r = NelderMead.minimize(f, x0, NelderMeadOptions.defaults()
                .withTolerances(1e-9, 1e-12).withAdaptive(seed % 2 == 0).withMaxIterations(100_000)
                .withMaxEvaluations(100_000));
        assertTrue(r.converged(), "seed " + seed + ": " + r);
        assertNonIncreasing(r.history(), seed);
        for (double v : r.x()) {
            assertEquals(1.0, v, 1e-6, "seed " + seed);
        }
    }

    /**
     * A valley that falls forever ever more slowly ({@code exp(-x0) + x1^2}): SciPy's rule holds only once
     * {@code exp(-x0)} has underflowed to 0 (the simplex stretches along x0 for over a thousand iterations first);
     * with a no-progress window of 20 the search stops far earlier, not converged and stalled, at a value as good to
     * the tolerance.
     */
    @Test
    void nelderMead_stopsWhenTheBestValueStandsStill() {
        ObjectiveFunction valley = x -> Math.exp(-x[0]) + x[1] * x[1];
        NelderMeadOptions limits = NelderMeadOptions.defaults().withMaxIterations(2_000).withMaxEvaluations(100_000);
        OptimizationResult plain = NelderMead.minimize(valley, new double[] {0, 0.5}, limits);
        assertTrue(plain.iterations() > 1_000, plain.iterations() + ": " + plain.message());
        assertFalse(plain.stalled(), plain.message());
        OptimizationResult r = NelderMead.minimize(valley, new double[] {0, 0.5}, limits
                .withNoProgressIterations(20));
        assertTrue(r.stalled() && !r.converged(), r.message());
        assertTrue(r.message().startsWith("no progress: the best value improved by"), r.message());
        assertTrue(r.iterations() < 200, r.iterations() + " iterations");
        assertEquals(plain.value(), r.value(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> NelderMeadOptions.defaults().withNoProgressIterations(-1));
    }

    /**
     * With both tolerances 0, SciPy's rule needs every vertex to equal the best exactly, which rounding never
     * gives: the search used to run to its iteration limit; it now stops, stalled, when the simplex has collapsed to
     * a point, there at the minimum to within rounding.
     */
    @Test
    void nelderMead_stopsWhenTheSimplexCollapses() {
        ObjectiveFunction bowl = x -> (x[0] - 1) * (x[0] - 1) + (x[1] - 2) * (x[1] - 2);
        OptimizationResult r = NelderMead.minimize(bowl, new double[] {-1.2, 1.0}, NelderMeadOptions.defaults()
                .withTolerances(0, 0).withMaxIterations(100_000).withMaxEvaluations(200_000));
        assertTrue(r.iterations() < 10_000, r.iterations() + " iterations: " + r.message());
        assertTrue(r.converged() || r.stalled(), r.message());
        assertArrayEquals(new double[] {1, 2}, r.x(), 1e-6);
    }
}
