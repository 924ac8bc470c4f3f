"""Reference values for the lifetime models at extreme parameters (issue 16: bounded work, accurate fallbacks).

Run with /usr/bin/python3 (mpmath 1.3.0, SciPy 1.17.1 here); prints Java literals that
BgNbdFormulasTest and BoundedWorkTest paste in. Two independent evaluations per value, which must agree:

* BG/NBD E[X(t)] (Fader, Hardie and Lee 2005, eq. 9) by mpmath's hyp2f1 at 60 digits:
  (a+b-1)/(a-1) (1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))) where mpmath's hyp2f1 converges, else
  mp.quad of the Beta(a, b) mixture over the log-odds of p, against the positive series (the printed value)
  E = sum_{j>=1} P(N >= j) (b)_{j-1} / (a+b)_{j-1}, N negative binomial (r, alpha/(alpha+t)): X(t) counts the NBD
  purchases while the customer survives the coin flips after each one.
* The Pareto/NBD's 2F1(1, b; c; z) near z = 1 with large c by the integral (c-1) int_0^1 (1-s)^(c-2) (1-z s)^(-b) ds
  (mp.quad at 60 digits, two different splits that must agree; mpmath's hyp2f1 raises NoConvergence there).
"""
import mpmath as mp

mp.mp.dps = 60


def expected_closed(r, alpha, a, b, t):
    r, alpha, a, b, t = map(mp.mpf, (r, alpha, a, b, t))
    z = t / (alpha + t)
    w = alpha / (alpha + t)
    return (a + b - 1) / (a - 1) * (1 - w ** r * mp.hyp2f1(r, b, a + b - 1, z, maxprec=2000))


def expected_quad(r, alpha, a, b, t):
    """The Beta(a, b) mixture of (1 - (alpha / (alpha + p t))^r) / p by mp.quad over p, split where it bends."""
    r, alpha, a, b, t = map(mp.mpf, (r, alpha, a, b, t))
    logbeta = mp.log(mp.beta(a, b))

    def f(p):
        g = -mp.expm1(-r * mp.log1p(p * t / alpha)) / p if p > 0 else r * t / alpha
        return g * mp.exp((a - 1) * mp.log(p) + (b - 1) * mp.log1p(-p) - logbeta)

    m = a / (a + b)
    pts = sorted(set([mp.mpf(0), mp.mpf(1)] + [x for x in (m / 100, m / 10, m, m * 10, m * 100, 1 / b, 10 / b,
                                                             100 / b, alpha / t, 10 * alpha / t) if 0 < x < 1]))
    if a >= 1:
        return mp.quad(f, pts)
    # p^(a-1) dp = dv / a with v = p^a: no endpoint singularity, and the mass near p = 0 is resolved
    def fv(v):
        p = v ** (1 / a)
        g = -mp.expm1(-r * mp.log1p(p * t / alpha)) / p if p > 0 else r * t / alpha
        return g * mp.exp((b - 1) * mp.log1p(-p) - logbeta) / a

    return mp.quad(fv, [x ** a for x in pts])


def expected_positive(r, alpha, a, b, t, terms=200000):
    r, alpha, a, b, t = map(mp.mpf, (r, alpha, a, b, t))
    z = t / (alpha + t)
    w = alpha / (alpha + t)
    pmf = w ** r            # P(N = 0)
    tail = 1 - pmf          # P(N >= 1)
    d = mp.mpf(1)           # (b)_{j-1} / (a+b)_{j-1}
    total = mp.mpf(0)
    for j in range(1, terms):
        total += tail * d
        pmf = pmf * (r + j - 1) / j * z      # P(N = j)
        tail -= pmf                          # P(N >= j + 1)
        d = d * (b + j - 1) / (a + b + j - 1)
        if tail * d < mp.mpf(10) ** -40 * total:
            break
    return total


BG_CASES = [
    # Online Retail weekly at the fit's edge (a = 6.5e-7, b = 22,188), new customer and a posterior (r + x, alpha + T)
    (0.744209, 9.047414, 6.49525e-7, 22188.2, 4.348),
    (0.744209, 9.047414, 6.49525e-7, 22188.2, 52.18),
    (5.744209, 38.34, 6.49525e-7, 22193.2, 52.18),
    # the smallest and largest parameters a model accepts
    (1.0, 1.0, 1e-15, 1e15, 10.0),
    (0.5, 2.0, 1e-15, 0.5, 10.0),
    (2.0, 3.0, 1e15, 1e15, 10.0),
    (1e3, 1e3, 0.5, 1e12, 40.0),
    (0.25, 7.0, 1e-9, 3.0, 100.0),
]

print("// BG/NBD E[X(t)]: r, alpha, a, b, t, value")
for r, alpha, a, b, t in BG_CASES:
    positive = expected_positive(r, alpha, a, b, t)
    agree = []
    for how, method in (("hyp2f1", expected_closed), ("quad", expected_quad)):
        try:
            other = method(r, alpha, a, b, t)
        except (ValueError, mp.libmp.libhyper.NoConvergence):
            continue
        if abs(other - positive) <= mp.mpf(10) ** -15 * abs(positive):
            agree.append("%s to %s" % (how, mp.nstr(abs(other / positive - 1), 2)))
    # mpmath's hyp2f1 silently loses every digit at a = 6.5e-7, t = 52 (it returns 4e-4 for 4.29): a second
    # method must agree, whichever it is
    assert agree, (r, alpha, a, b, t, positive)
    print("{%r, %r, %r, %r, %r, %s},  // agrees: %s" % (r, alpha, a, b, t, repr(float(positive)), ", ".join(agree)))

PARETO_CASES = [
    # b, c, w = 1 - z: the Pareto/NBD's 2F1(1, r + x; r + s + x + 1; z) where its search drove s to 2.8e7
    (4.0, 2.8e7, 1e-3),
    (4.0, 2.8e7, 1e-9),
    (3.5, 1e5, 1e-7),
    (1.5e6, 1.5e6 + 3.2, 1e-8),
]
print("// 2F1(1, b; c; 1 - w): b, c, w, value")
for b, c, w in PARETO_CASES:
    b, c, w = map(mp.mpf, (b, c, w))
    z = 1 - w
    def integral(points):
        return (c - 1) * mp.quad(lambda s: mp.exp((c - 2) * mp.log1p(-s) - b * mp.log1p(-z * s)), points)

    # mpmath's hyp2f1 gives up here (NoConvergence), so two quadratures with different splits must agree
    f = integral([0, 1 / c, 10 / c, 100 / c, 1])
    g = integral([0, 1e-12, 1e-9, 1e-6, 1e-3, 1])
    assert abs(f - g) <= mp.mpf(10) ** -20 * abs(f), (b, c, w, f, g)
    print("{%r, %r, %r, %r}," % (float(b), float(c), float(w), float(f)))
