"""Goldens of BgNbdModel.probabilityOfPurchases at extreme parameters, with mpmath at 60 digits.

P(X(t) = k) = B(a, b + k) / B(a, b) NB(k) + [k > 0] B(a + 1, b + k - 1) / B(a, b) P(N >= k)   (FHL 2005, eq. 8)
NB(j) = Gamma(r + j) / (Gamma(r) j!) w^r z^j,  w = alpha / (alpha + t),  z = t / (alpha + t),
P(N >= k) = I_z(k, r), the regularized incomplete beta function.
Run: python3 probability_of_purchases_mpmath.py  (mpmath 1.3.0)
"""
import mpmath as mp

mp.mp.dps = 60

CASES = [
    # r, alpha, a, b, t, k: a tail that decays like z^j with z = 1 - 1e-9 (10^9 terms to sum)
    (1e-12, 1e-6, 0.5, 2.0, 1e3, 1),
    (1e-12, 1e-6, 0.5, 2.0, 1e3, 5),
    (0.3, 1e-6, 0.8, 3.0, 1e3, 2),
    # k below a huge mean: a CDF of two billion terms
    (2.0, 1e-10, 0.5, 2.0, 100.0, 2_000_000_000),
    (2.0, 1e-10, 0.5, 2.0, 100.0, 1_000_000),
    # an ordinary case both ways of summing agree on
    (0.243, 4.414, 0.793, 2.426, 39.0, 3),
]


def p(r, alpha, a, b, t, k):
    r, alpha, a, b, t = map(mp.mpf, (r, alpha, a, b, t))
    w = alpha / (alpha + t)
    z = t / (alpha + t)
    beta = mp.beta(a, b)
    nb = mp.exp(mp.loggamma(r + k) - mp.loggamma(r) - mp.loggamma(k + 1)) * w ** r * z ** k
    first = mp.beta(a, b + k) / beta * nb
    if k == 0:
        return first
    tail = mp.betainc(k, r, 0, z, regularized=True)
    return first + mp.beta(a + 1, b + k - 1) / beta * tail


for c in CASES:
    print("%r -> %s" % (c, mp.nstr(p(*c), 17)))
