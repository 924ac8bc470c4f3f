"""Goldens of CustomerStatesTest.churnProbability_matchesScipy: P(no purchase in h) of a BG/NBD customer,
1 - P(alive) (1 - E[exp(-lambda h)]) with lambda ~ Gamma(r + x, rate alpha + T) given alive, the expectation
integrated numerically by scipy.integrate.quad over scipy.stats.gamma's density (not the closed form).
Run with scipy 1.17.1 and numpy 2.4.6: python3 churn_probability.py (quad warns of roundoff on the first case at
these tight tolerances; its result agrees with the closed form to 1e-10)."""
import numpy as np
import scipy
from scipy import integrate, stats

CASES = [(0.25, 7.0, 0.8, 0, 10, 52), (0.25, 7.0, 1.0, 3, 40, 52), (1.5, 2.0, 0.3, 10, 80, 13),
         (0.6, 12.5, 0.55, 1, 3, 26)]
print("scipy", scipy.__version__, "numpy", np.__version__)
for r, alpha, alive, x, age, h in CASES:
    g = stats.gamma(a=r + x, scale=1.0 / (alpha + age))
    none, _ = integrate.quad(lambda l: g.pdf(l) * np.exp(-l * h), 0, np.inf, epsabs=1e-14, epsrel=1e-13, limit=500)
    print('"%r, %r, %r, %d, %r, %r, %.17g",' % (r, alpha, alive, x, age, h, 1 - alive * (1 - none)))
