"""Golden predictions for the recsys tests, computed with NumPy from the published formulas as Surprise 1.1.4
implements them (surprise/prediction_algorithms/{baseline_only,knns,slope_one,predictions}.py,
optimize_baselines.pyx, similarities.pyx), written out independently of the Java code (Surprise itself is not
installed here). Neighbour ties are broken by the smaller index, as the Java code does (Surprise breaks them by
the order of the training data). Predictions are clipped to [1, 5]; an impossible prediction is the global mean.

Run: /usr/bin/python3 retention-recsys/src/test/python/surprise_reference.py
"""
import numpy as np

N_USERS, N_ITEMS = 7, 6          # user 6 and item 5 have no rating: unknown
RATINGS = [
    (0, 0, 5), (0, 1, 3), (0, 2, 4), (0, 4, 1),
    (1, 0, 4), (1, 2, 5), (1, 3, 2),
    (2, 1, 1), (2, 2, 2), (2, 3, 5), (2, 4, 4),
    (3, 0, 2), (3, 1, 4), (3, 3, 3),
    (4, 0, 3), (4, 2, 4), (4, 3, 1), (4, 4, 5),
    (5, 1, 5), (5, 4, 2),
]
ur = {u: [(i, float(r)) for (uu, i, r) in RATINGS if uu == u] for u in range(N_USERS)}
ir = {i: [(u, float(r)) for (u, ii, r) in RATINGS if ii == i] for i in range(N_ITEMS)}
ur = {u: v for u, v in ur.items() if v}
ir = {i: v for i, v in ir.items() if v}
MU = np.mean([r for (_, _, r) in RATINGS])


class Impossible(Exception):
    pass


def baselines_als(n_epochs=10, reg_u=15, reg_i=10):
    bu, bi = np.zeros(N_USERS), np.zeros(N_ITEMS)
    for _ in range(n_epochs):
        for i in ir:
            bi[i] = sum(r - MU - bu[u] for (u, r) in ir[i]) / (reg_i + len(ir[i]))
        for u in ur:
            bu[u] = sum(r - MU - bi[i] for (i, r) in ur[u]) / (reg_u + len(ur[u]))
    return bu, bi


def baselines_sgd(n_epochs=20, reg=0.02, lr=0.005):
    bu, bi = np.zeros(N_USERS), np.zeros(N_ITEMS)
    for _ in range(n_epochs):
        for u in sorted(ur):
            for (i, r) in ur[u]:
                err = r - (MU + bu[u] + bi[i])
                bu[u] += lr * (err - reg * bu[u])
                bi[i] += lr * (err - reg * bi[i])
    return bu, bi


def similarity(name, user_based, shrinkage=100, min_support=1):
    n_x = N_USERS if user_based else N_ITEMS
    xr = ur if user_based else ir
    yr = ir if user_based else ur
    bu, bi = baselines_als()
    bx, by = (bu, bi) if user_based else (bi, bu)
    sim = np.zeros((n_x, n_x))
    for x in range(n_x):
        for x2 in range(n_x):
            if x == x2:
                sim[x, x2] = 1.0
                continue
            common = []
            for y, lst in yr.items():
                d = dict(lst)
                if x in d and x2 in d:
                    common.append((y, d[x], d[x2]))
            n = len(common)
            if n < min_support or n == 0:
                continue
            a = np.array([c[1] for c in common])
            b = np.array([c[2] for c in common])
            if name == "msd":
                sim[x, x2] = 1 / (((a - b) ** 2).sum() / n + 1)
            elif name == "cosine":
                den = np.sqrt((a * a).sum() * (b * b).sum())
                sim[x, x2] = 0 if den == 0 else (a * b).sum() / den
            elif name == "pearson":
                num = n * (a * b).sum() - a.sum() * b.sum()
                den = np.sqrt((n * (a * a).sum() - a.sum() ** 2) * (n * (b * b).sum() - b.sum() ** 2))
                sim[x, x2] = 0 if den == 0 else num / den
            elif name == "pearson_baseline":
                ys = np.array([c[0] for c in common])
                da = a - (MU + bx[x] + by[ys])
                db = b - (MU + bx[x2] + by[ys])
                den = np.sqrt((da * da).sum() * (db * db).sum())
                s = 0 if den == 0 else (da * db).sum() / den
                sim[x, x2] = s * (n - 1) / (n - 1 + shrinkage)
    return sim


def knn(variant, user_based, sim_name, k, min_k):
    sim = similarity(sim_name, user_based)
    xr = ur if user_based else ir
    yr = ir if user_based else ur
    n_x = N_USERS if user_based else N_ITEMS
    means = np.zeros(n_x)
    sigmas = np.zeros(n_x)
    overall_sigma = np.std([r for (_, _, r) in RATINGS])
    for x, lst in xr.items():
        means[x] = np.mean([r for (_, r) in lst])
        s = np.std([r for (_, r) in lst])
        sigmas[x] = overall_sigma if s == 0 else s
    bu, bi = baselines_als()

    def estimate(u, i):
        known = u in ur and i in ir
        if variant == "baseline":
            est = MU + (bu[u] if u in ur else 0) + (bi[i] if i in ir else 0)
            if not known:
                return est
        elif not known:
            raise Impossible()
        x, y = (u, i) if user_based else (i, u)
        nbs = sorted(((x2, sim[x, x2], r) for (x2, r) in yr[y]), key=lambda t: (-t[1], t[0]))[:k]
        sum_sim = sum_ratings = actual_k = 0
        for (nb, s, r) in nbs:
            if s > 0:
                sum_sim += s
                actual_k += 1
                if variant == "basic":
                    sum_ratings += s * r
                elif variant == "means":
                    sum_ratings += s * (r - means[nb])
                elif variant == "zscore":
                    sum_ratings += s * (r - means[nb]) / sigmas[nb]
                else:
                    nb_bsl = MU + (bu[nb] + bi[y] if user_based else bu[y] + bi[nb])
                    sum_ratings += s * (r - nb_bsl)
        if variant == "basic":
            if actual_k < min_k:
                raise Impossible()
            return sum_ratings / sum_sim
        if actual_k < min_k:
            sum_ratings = 0
        base = est if variant == "baseline" else means[x]
        if sum_sim == 0:
            return base
        if variant == "zscore":
            return base + sum_ratings / sum_sim * sigmas[x]
        return base + sum_ratings / sum_sim
    return estimate


def slope_one():
    freq = np.zeros((N_ITEMS, N_ITEMS))
    dev = np.zeros((N_ITEMS, N_ITEMS))
    for u, lst in ur.items():
        for (i, ri) in lst:
            for (j, rj) in lst:
                freq[i, j] += 1
                dev[i, j] += ri - rj
    with np.errstate(invalid="ignore", divide="ignore"):
        dev = np.where(freq > 0, dev / np.maximum(freq, 1), 0)
    user_mean = {u: np.mean([r for (_, r) in lst]) for u, lst in ur.items()}

    def estimate(u, i):
        if not (u in ur and i in ir):
            raise Impossible()
        ri = [j for (j, _) in ur[u] if freq[i, j] > 0]
        est = user_mean[u]
        if ri:
            est += sum(dev[i, j] for j in ri) / len(ri)
        return est
    return estimate


def baseline_only(method):
    bu, bi = baselines_als() if method == "als" else baselines_sgd()
    return lambda u, i: MU + (bu[u] if u in ur else 0) + (bi[i] if i in ir else 0)


def table(estimate):
    rows = []
    for u in range(N_USERS):
        row = []
        for i in range(N_ITEMS):
            try:
                e = estimate(u, i)
            except Impossible:
                e = MU
            row.append(min(5.0, max(1.0, e)))
        rows.append(row)
    return rows


CASES = [
    ("baselineAls", baseline_only("als")),
    ("baselineSgd", baseline_only("sgd")),
    ("basicUserMsdK2MinK2", knn("basic", True, "msd", 2, 2)),
    ("meansUserCosineK3", knn("means", True, "cosine", 3, 1)),
    ("meansItemPearsonBaselineK40", knn("means", False, "pearson_baseline", 40, 1)),
    ("zscoreItemPearsonK2", knn("zscore", False, "pearson", 2, 1)),
    ("baselineUserPearsonBaselineK3", knn("baseline", True, "pearson_baseline", 3, 1)),
    ("baselineItemMsdK40MinK3", knn("baseline", False, "msd", 40, 3)),
    ("slopeOne", slope_one()),
]

for name, est in CASES:
    print(f"    static final double[][] {name.upper()} = {{")
    for row in table(est):
        print("            {" + ", ".join(repr(float(v)) for v in row) + "},")
    print("    };")
print("    // NormalPredictor: mu, sigma")
print("    static final double MU = %r, SIGMA = %r;" % (float(MU), float(np.sqrt(np.mean([(r - MU) ** 2 for (_, _, r) in RATINGS])))))
