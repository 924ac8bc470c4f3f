package dev.retention.experiment.sequential;

import dev.retention.experiment.stats.Distributions;

import java.util.Objects;

/**
 * Two-sided group-sequential boundaries from a Lan-DeMets alpha-spending function: at look {@code k} (information
 * fraction {@code t_k}) the boundary {@code c_k} makes the probability, under the null, of first crossing
 * {@code |Z| >= c} at look {@code k} equal to {@code 2 (f(t_k) - f(t_{k-1}))}, where {@code f} spends
 * {@code alpha / 2} per side. With five equal looks and two-sided alpha 0.05, O'Brien-Fleming-type spending gives
 * 4.877, 3.357, 2.680, 2.290, 2.031 (the values of Jennison and Turnbull's tables and of R's {@code ldbounds} and
 * {@code gsDesign}).
 *
 * <p>Method: the recursive numerical integration of Armitage, McPherson and Rowe (1969, <i>JRSS A</i> 132,
 * 235-244) as laid out by Jennison and Turnbull (2000), chapter 19: the sub-density of {@code Z_k} on the
 * continuation region {@code (-c_k, c_k)} is carried on a grid and propagated with the normal transition of the
 * score statistic's independent increments, {@code Z_k sqrt(I_k) = Z_{k-1} sqrt(I_{k-1}) + N(0, I_k - I_{k-1})};
 * the crossing probability of a candidate {@code c} is the integral of the sub-density times the two normal tails,
 * and {@code c_k} is found by bisection on it. The integrals use composite Simpson's rule on
 * {@value #GRID} intervals of the previous continuation region (the integrands are smooth mixtures of normals;
 * halving the grid changes the boundaries by less than 1e-9). Cost O(K GRID^2) time, O(GRID) memory.
 */
public final class GroupSequential {

    /** Simpson intervals per look (even). */
    static final int GRID = 2000;
    private static final int MAX_BISECTIONS = 200;
    /** The most looks accepted. */
    public static final int MAX_LOOKS = 100;

    private GroupSequential() {
    }

    /**
     * Boundaries for {@code looks} equally spaced looks.
     *
     * @param looks    the number of looks, in [1, {@value #MAX_LOOKS}]
     * @param alpha    the two-sided level, in (0, 1)
     * @param spending the spending function
     * @return the boundaries
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Boundaries compute(int looks, double alpha, Spending spending) {
        if (looks < 1 || looks > MAX_LOOKS) {
            throw new IllegalArgumentException("looks must be in [1, " + MAX_LOOKS + "], got " + looks);
        }
        double[] t = new double[looks];
        for (int k = 0; k < looks; k++) {
            t[k] = (k + 1) / (double) looks;
        }
        return compute(t, alpha, spending);
    }

    /**
     * Boundaries at given information fractions.
     *
     * @param information read: the information fraction of each look, strictly increasing in (0, 1], the last 1
     * @param alpha       the two-sided level, in (0, 1)
     * @param spending    the spending function
     * @return the boundaries
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Boundaries compute(double[] information, double alpha, Spending spending) {
        Objects.requireNonNull(spending, "spending");
        int k = information.length;
        if (k < 1 || k > MAX_LOOKS) {
            throw new IllegalArgumentException("there must be 1 to " + MAX_LOOKS + " looks, got " + k);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        for (int i = 0; i < k; i++) {
            double prev = i == 0 ? 0 : information[i - 1];
            if (!(information[i] > prev && information[i] <= 1)) {
                throw new IllegalArgumentException("information fractions must increase strictly in (0, 1], got "
                        + java.util.Arrays.toString(information));
            }
        }
        if (information[k - 1] != 1) {
            throw new IllegalArgumentException("the last look must have information fraction 1, got "
                    + information[k - 1]);
        }
        double[] z = new double[k];
        double[] spent = new double[k];
        double[] nominal = new double[k];
        // sub-density of Z_{k-1} on the grid of (-c, c): values at grid points, h the spacing
        double[] grid = null;
        double[] density = null;
        double previousSpent = 0;
        for (int i = 0; i < k; i++) {
            double cumulative = 2 * spending.spent(information[i], alpha / 2);
            double target = cumulative - previousSpent;
            if (i == 0) {
                z[i] = target > 0 ? Distributions.normalUpperQuantile(target / 2) : Double.POSITIVE_INFINITY;
            } else {
                double sPrev = Math.sqrt(information[i - 1]);
                double sNow = Math.sqrt(information[i]);
                double sd = Math.sqrt(information[i] - information[i - 1]);
                z[i] = solve(grid, density, sPrev, sNow, sd, target);
            }
            previousSpent = cumulative;
            spent[i] = cumulative;
            nominal[i] = Double.isInfinite(z[i]) ? 0 : 2 * Distributions.normalSf(z[i]);
            if (i + 1 < k) {
                double[] nextGrid = grid(z[i]);
                double[] next = new double[nextGrid.length];
                if (i == 0) {
                    for (int j = 0; j < next.length; j++) {
                        next[j] = Distributions.normalDensity(nextGrid[j]);
                    }
                } else {
                    double sPrev = Math.sqrt(information[i - 1]);
                    double sNow = Math.sqrt(information[i]);
                    double sd = Math.sqrt(information[i] - information[i - 1]);
                    for (int j = 0; j < next.length; j++) {
                        next[j] = propagate(grid, density, sPrev, sNow, sd, nextGrid[j]);
                    }
                }
                grid = nextGrid;
                density = next;
            }
        }
        return new Boundaries(spending, alpha, information, z, nominal, spent);
    }

    /** GRID + 1 equally spaced points on [-c, c] (a finite stand-in of +-9 for an infinite boundary). */
    private static double[] grid(double c) {
        double limit = Math.min(c, 9);
        double[] g = new double[GRID + 1];
        for (int j = 0; j <= GRID; j++) {
            g[j] = -limit + 2 * limit * j / GRID;
        }
        return g;
    }

    /** Simpson weight of grid point j (times h / 3). */
    private static double simpson(int j) {
        if (j == 0 || j == GRID) {
            return 1;
        }
        return (j & 1) == 1 ? 4 : 2;
    }

    /** The sub-density of Z_k at z: the integral of f_{k-1}(u) times the transition density. */
    private static double propagate(double[] grid, double[] density, double sPrev, double sNow, double sd, double z) {
        double h = grid[1] - grid[0];
        double sum = 0;
        for (int j = 0; j <= GRID; j++) {
            double x = (z * sNow - grid[j] * sPrev) / sd;
            sum += simpson(j) * density[j] * Distributions.normalDensity(x);
        }
        return sum * h / 3 * sNow / sd;
    }

    /** The probability of continuing to look k and then crossing |Z_k| &gt;= c. */
    private static double crossing(double[] grid, double[] density, double sPrev, double sNow, double sd, double c) {
        double h = grid[1] - grid[0];
        double sum = 0;
        for (int j = 0; j <= GRID; j++) {
            double m = grid[j] * sPrev;
            double upper = Distributions.normalSf((c * sNow - m) / sd);
            double lower = Distributions.normalCdf((-c * sNow - m) / sd);
            sum += simpson(j) * density[j] * (upper + lower);
        }
        return sum * h / 3;
    }

    /** The boundary whose crossing probability is the target, by bisection (decreasing in c). */
    private static double solve(double[] grid, double[] density, double sPrev, double sNow, double sd, double target) {
        if (!(target > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = 0;
        double hi = 40;
        for (int i = 0; i < MAX_BISECTIONS && hi - lo > 1e-12; i++) {
            double mid = 0.5 * (lo + hi);
            if (crossing(grid, density, sPrev, sNow, sd, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
