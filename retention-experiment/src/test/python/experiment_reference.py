#!/usr/bin/python3
"""Golden values for retention-experiment's tests.

Writes ../resources/dev/retention/experiment/goldens.txt: one case per line, "kind arg1 arg2 ... | expected1 ...",
numbers in repr form. Library versions (Debian bookworm): Python 3.11, NumPy 1.24.2, SciPy 1.10.1,
statsmodels 0.13.5. Run: python3 experiment_reference.py [path/to/hillstrom.csv]

The Hillstrom cases use the data set's counts and moments (computed here from the CSV when its path is given,
else the values below, which that computation printed), so that the Java tests never need the data set.
"""
import sys
import numpy as np
import scipy
import statsmodels
from scipy import stats, special
from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep, proportion_confint, \
    proportion_effectsize
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.multitest import multipletests

out = []


def line(kind, args, expected):
    out.append(kind + " " + " ".join(repr(float(a)) for a in args) + " | " +
               " ".join(repr(float(e)) for e in expected))


# distributions
for z in [0.0, 0.3, -1.2, 1.959963984540054, 3.5, -7.0, 8.5, 12.0, 22.48604082719282, 30.0]:
    line("norm_sf", [z], [stats.norm.sf(z)])
for p in [1e-300, 1e-100, 1e-20, 1e-8, 0.000123, 0.025, 0.2, 0.5, 0.7, 0.975, 0.999999]:
    line("norm_ppf", [p], [stats.norm.ppf(p)])
for t, df in [(0.5, 1.0), (2.0, 3.0), (-1.3, 7.5), (5.3001403584112, 36671.15797735937), (3.0, 200.0),
              (12.0, 15.0), (0.01, 1e5), (-4.0, 2.5)]:
    line("t_sf", [t, df], [stats.t.sf(t, df)])
for p, df in [(0.975, 1.0), (0.975, 4.0), (0.995, 12.5), (0.975, 36671.15797735937), (0.6, 30.0), (0.025, 9.0),
              (0.999999, 50.0)]:
    line("t_ppf", [p, df], [stats.t.ppf(p, df)])
for x, k in [(0.2, 1.0), (3.84, 1.0), (0.20253125, 2.0), (50.0, 10.0), (1.5, 4.0), (300.0, 250.0)]:
    line("chi2_sf", [x, k], [stats.chi2.sf(x, k)])
for a, x in [(0.5, 0.1), (0.5, 250.0), (3.0, 2.5), (10.0, 30.0), (100.0, 90.0), (1e4, 1.01e4)]:
    line("gammainc", [a, x], [special.gammainc(a, x), special.gammaincc(a, x)])
for x, a, b in [(0.3, 2.0, 3.0), (0.9, 0.5, 0.5), (0.999, 18335.5, 0.5), (0.01, 1.0, 50.0), (0.5, 200.0, 150.0)]:
    line("betainc", [x, a, b], [special.betainc(a, b, x)])

# proportions: z-test (pooled), Wald and Newcombe intervals, Wilson
HILLSTROM = {"men_visit": (3894, 21307), "women_visit": (3238, 21387), "control_visit": (2262, 21306),
             "men_conv": (267, 21307), "women_conv": (189, 21387), "control_conv": (122, 21306)}
if len(sys.argv) > 1:
    import csv
    rows = list(csv.DictReader(open(sys.argv[1])))
    def arm(seg, col):
        v = [float(r[col]) for r in rows if r["segment"] == seg]
        return v
    for name, seg in [("men", "Mens E-Mail"), ("women", "Womens E-Mail"), ("control", "No E-Mail")]:
        for col, key in [("visit", "visit"), ("conversion", "conv")]:
            v = arm(seg, col)
            assert HILLSTROM[name + "_" + key] == (int(sum(v)), len(v)), (name, key, sum(v), len(v))
        s = np.array(arm(seg, "spend"))
        print(name, "spend n, mean, var:", len(s), repr(s.mean()), repr(s.var(ddof=1)))
cases = [(HILLSTROM["men_visit"], HILLSTROM["control_visit"]), (HILLSTROM["men_conv"], HILLSTROM["control_conv"]),
         (HILLSTROM["women_visit"], HILLSTROM["control_visit"]), (HILLSTROM["women_conv"], HILLSTROM["control_conv"]),
         ((15, 40), (8, 45)), ((1, 30), (0, 25)), ((499, 1000), (530, 1000))]
for alpha in [0.05, 0.1]:
    for (x1, n1), (x0, n0) in cases:
        z, p = proportions_ztest([x1, x0], [n1, n0])
        wl, wh = confint_proportions_2indep(x1, n1, x0, n0, method="wald", compare="diff", alpha=alpha)
        nl, nh = confint_proportions_2indep(x1, n1, x0, n0, method="newcomb", compare="diff", alpha=alpha)
        l1, h1 = proportion_confint(x1, n1, alpha=alpha, method="wilson")
        line("proportions", [x1, n1, x0, n0, alpha], [z, p, wl, wh, nl, nh, l1, h1])

# Welch from the Hillstrom spend moments (printed by this script from the CSV) and from generated samples
SPEND = {"men": (21307, 1.422616511005773, 315.21179886555484),
         "women": (21387, 1.0772015710478329, 228.49667483465944),
         "control": (21306, 0.6527893551112363, 134.28637185302165)}
for arm in ["men", "women"]:
    n1, m1, v1 = SPEND[arm]
    n0, m0, v0 = SPEND["control"]
    for alpha in [0.05, 0.1]:
        r = stats.ttest_ind_from_stats(m1, np.sqrt(v1), n1, m0, np.sqrt(v0), n0, equal_var=False)
        se2 = v1 / n1 + v0 / n0
        df = se2 ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v0 / n0) ** 2 / (n0 - 1))
        crit = stats.t.ppf(1 - alpha / 2, df)
        line("welch_stats", [n1, m1, v1, n0, m0, v0, alpha],
             [r.statistic, r.pvalue, df, m1 - m0 - crit * np.sqrt(se2), m1 - m0 + crit * np.sqrt(se2)])
rng = np.random.default_rng(20240513)
samples = []
for k in range(4):
    a = rng.lognormal(0.0, 1.0 + 0.3 * k, size=50 + 30 * k)
    b = rng.lognormal(0.1, 1.0, size=70 + 10 * k)
    samples.append((a, b))
with open("../resources/dev/retention/experiment/samples.txt", "w") as f:
    for a, b in samples:
        f.write(" ".join(repr(float(v)) for v in a) + "\n")
        f.write(" ".join(repr(float(v)) for v in b) + "\n")
for idx, (a, b) in enumerate(samples):
    r = stats.ttest_ind(a, b, equal_var=False)
    se2 = a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b)
    df = se2 ** 2 / ((a.var(ddof=1) / len(a)) ** 2 / (len(a) - 1) + (b.var(ddof=1) / len(b)) ** 2 / (len(b) - 1))
    crit = stats.t.ppf(0.975, df)
    d = a.mean() - b.mean()
    line("welch_sample", [idx], [r.statistic, r.pvalue, df, d - crit * np.sqrt(se2), d + crit * np.sqrt(se2)])
    mw = stats.mannwhitneyu(a, b, alternative="two-sided", use_continuity=True, method="asymptotic")
    line("mannwhitney_sample", [idx], [mw.statistic, mw.pvalue])
# ties for Mann-Whitney
a = np.array([0, 0, 0, 1, 1, 2, 5, 5, 0, 3], dtype=float)
b = np.array([0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, 4], dtype=float)
mw = stats.mannwhitneyu(a, b, alternative="two-sided", use_continuity=True, method="asymptotic")
line("mannwhitney_ties", list(a) + [-1.0] + list(b), [mw.statistic, mw.pvalue])

# multiplicity
for ps in [[0.01, 0.04, 0.03, 0.005], [5.7e-112, 1.5e-13, 1.16e-7, 3.2e-44, 1.6e-4, 1.1e-3], [0.5, 0.2, 0.9],
           [0.04, 0.04, 0.04]]:
    h = multipletests(ps, method="holm")[1]
    bo = multipletests(ps, method="bonferroni")[1]
    line("holm", ps, list(h) + list(bo))

# sample ratio
for counts in [[21307, 21387, 21306], [5000, 5210], [1000, 1000, 1100, 900]]:
    r = stats.chisquare(counts)
    line("srm", counts, [r.statistic, r.pvalue])

# planning: NormalIndPower with Cohen's h
power = NormalIndPower()
for base, mde, alpha, pw in [(0.0057, 0.001, 0.05, 0.8), (0.106167, 0.01, 0.05, 0.8), (0.2, 0.05, 0.01, 0.9),
                             (0.5, -0.02, 0.05, 0.8), (0.012531, 0.002, 0.1, 0.95), (0.9, 0.05, 0.05, 0.5)]:
    h = proportion_effectsize(base + mde, base)
    n = power.solve_power(effect_size=h, alpha=alpha, power=pw, ratio=1, alternative="two-sided")
    line("plan_n", [base, mde, alpha, pw], [h, n, power.power(effect_size=h, nobs1=np.ceil(n), alpha=alpha, ratio=1)])
for base, mde, n, alpha in [(0.1, 0.01, 10000, 0.05), (0.0057, 0.001, 50000, 0.05), (0.3, -0.03, 2000, 0.01)]:
    h = proportion_effectsize(base + mde, base)
    line("plan_power", [base, mde, n, alpha], [power.power(effect_size=h, nobs1=n, alpha=alpha, ratio=1)])
for n, alpha, pw in [(10000, 0.05, 0.8), (500, 0.01, 0.9), (123456, 0.05, 0.5)]:
    es = power.solve_power(nobs1=n, alpha=alpha, power=pw, ratio=1, alternative="two-sided")
    line("plan_es", [n, alpha, pw], [es])

with open("../resources/dev/retention/experiment/goldens.txt", "w") as f:
    f.write("# written by src/test/python/experiment_reference.py: SciPy %s, statsmodels %s, NumPy %s\n"
            % (scipy.__version__, statsmodels.__version__, np.__version__))
    f.write("\n".join(out) + "\n")
print(len(out), "cases")
