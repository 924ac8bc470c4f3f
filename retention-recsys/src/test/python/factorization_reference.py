"""Golden predictions for the factorisation tests (FactorizationGoldens.java), computed with NumPy (Debian 1.24, /usr/bin/python3) by
transcribing Surprise 1.1.4's update rules line by line (surprise/prediction_algorithms/matrix_factorization.pyx:
SVD.sgd, SVDpp.sgd, NMF.sgd and their estimate(); co_clustering.pyx: CoClustering.fit, compute_averages, estimate),
independently of the Java code; Surprise itself is not installable here. The initial factors (Surprise draws them
from its RandomState) and initial clusters are drawn here and passed to the Java fits as they are, so both sides
start from the same point. Ratings are the 7 x 6 fixture of surprise_reference.py in its order (users by index,
each user's items by index), which is Surprise's trainset.all_ratings() order for it. Estimates are clipped to
[1, 5]; an impossible prediction is the global mean.

Run: /usr/bin/python3 retention-recsys/src/test/python/factorization_reference.py > FactorizationGoldens.java body
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


def all_ratings():
    for u, lst in ur.items():
        for i, r in lst:
            yield u, i, r


class Impossible(Exception):
    pass


def svd(f, n_epochs, biased, lr, reg, pu, qi):
    lr_bu, lr_bi, lr_pu, lr_qi = lr
    reg_bu, reg_bi, reg_pu, reg_qi = reg
    pu, qi = pu.copy(), qi.copy()
    bu, bi = np.zeros(N_USERS), np.zeros(N_ITEMS)
    global_mean = MU if biased else 0
    for _ in range(n_epochs):
        for u, i, r in all_ratings():
            dot = 0
            for k in range(f):
                dot += qi[i, k] * pu[u, k]
            err = r - (global_mean + bu[u] + bi[i] + dot)
            if biased:
                bu[u] += lr_bu * (err - reg_bu * bu[u])
                bi[i] += lr_bi * (err - reg_bi * bi[i])
            for k in range(f):
                puf = pu[u, k]
                qif = qi[i, k]
                pu[u, k] += lr_pu * (err * qif - reg_pu * puf)
                qi[i, k] += lr_qi * (err * puf - reg_qi * qif)

    def estimate(u, i):
        ku, ki = u in ur, i in ir
        if biased:
            est = MU
            if ku:
                est += bu[u]
            if ki:
                est += bi[i]
            if ku and ki:
                est += np.dot(qi[i], pu[u])
            return est
        if ku and ki:
            return np.dot(qi[i], pu[u])
        raise Impossible()
    return estimate


def svdpp(f, n_epochs, lr, reg, pu, qi, yj):
    lr_bu, lr_bi, lr_pu, lr_qi, lr_yj = lr
    reg_bu, reg_bi, reg_pu, reg_qi, reg_yj = reg
    pu, qi, yj = pu.copy(), qi.copy(), yj.copy()
    bu, bi = np.zeros(N_USERS), np.zeros(N_ITEMS)
    for _ in range(n_epochs):
        for u, i, r in all_ratings():
            Iu = [j for (j, _) in ur[u]]
            sqrt_Iu = np.sqrt(len(Iu))
            u_impl_fdb = np.zeros(f)
            for j in Iu:
                for k in range(f):
                    u_impl_fdb[k] += yj[j, k] / sqrt_Iu
            dot = 0
            for k in range(f):
                dot += qi[i, k] * (pu[u, k] + u_impl_fdb[k])
            err = r - (MU + bu[u] + bi[i] + dot)
            bu[u] += lr_bu * (err - reg_bu * bu[u])
            bi[i] += lr_bi * (err - reg_bi * bi[i])
            for k in range(f):
                puf = pu[u, k]
                qif = qi[i, k]
                pu[u, k] += lr_pu * (err * qif - reg_pu * puf)
                qi[i, k] += lr_qi * (err * (puf + u_impl_fdb[k]) - reg_qi * qif)
                err_qif_sqrt = err * qif / sqrt_Iu
                for j in Iu:
                    yj[j, k] += lr_yj * (err_qif_sqrt - reg_yj * yj[j, k])

    def estimate(u, i):
        est = MU
        if u in ur:
            est += bu[u]
        if i in ir:
            est += bi[i]
        if u in ur and i in ir:
            Iu = len(ur[u])
            u_impl_feedback = sum(yj[j] for (j, _) in ur[u]) / np.sqrt(Iu)
            est += np.dot(qi[i], pu[u] + u_impl_feedback)
        return est
    return estimate


def nmf(f, n_epochs, biased, reg_pu, reg_qi, reg_bu, reg_bi, lr_bu, lr_bi, pu, qi):
    pu, qi = pu.copy(), qi.copy()
    bu, bi = np.zeros(N_USERS), np.zeros(N_ITEMS)
    global_mean = MU if biased else 0
    for _ in range(n_epochs):
        user_num = np.zeros((N_USERS, f))
        user_denom = np.zeros((N_USERS, f))
        item_num = np.zeros((N_ITEMS, f))
        item_denom = np.zeros((N_ITEMS, f))
        for u, i, r in all_ratings():
            dot = 0
            for k in range(f):
                dot += qi[i, k] * pu[u, k]
            est = global_mean + bu[u] + bi[i] + dot
            err = r - est
            if biased:
                bu[u] += lr_bu * (err - reg_bu * bu[u])
                bi[i] += lr_bi * (err - reg_bi * bi[i])
            for k in range(f):
                user_num[u, k] += qi[i, k] * r
                user_denom[u, k] += qi[i, k] * est
                item_num[i, k] += pu[u, k] * r
                item_denom[i, k] += pu[u, k] * est
        for u in ur:
            n_ratings = len(ur[u])
            for k in range(f):
                if pu[u, k] != 0:
                    user_denom[u, k] += n_ratings * reg_pu * pu[u, k]
                    pu[u, k] *= user_num[u, k] / user_denom[u, k]
        for i in ir:
            n_ratings = len(ir[i])
            for k in range(f):
                if qi[i, k] != 0:
                    item_denom[i, k] += n_ratings * reg_qi * qi[i, k]
                    qi[i, k] *= item_num[i, k] / item_denom[i, k]

    def estimate(u, i):
        ku, ki = u in ur, i in ir
        if biased:
            est = MU
            if ku:
                est += bu[u]
            if ki:
                est += bi[i]
            if ku and ki:
                est += np.dot(qi[i], pu[u])
            return est
        if ku and ki:
            return np.dot(qi[i], pu[u])
        raise Impossible()
    return estimate


def co_clustering(n_cltr_u, n_cltr_i, n_epochs, cltr_u, cltr_i):
    cltr_u, cltr_i = cltr_u.copy(), cltr_i.copy()
    user_mean = np.zeros(N_USERS)
    item_mean = np.zeros(N_ITEMS)
    for u in ur:
        user_mean[u] = np.mean([r for (_, r) in ur[u]])
    for i in ir:
        item_mean[i] = np.mean([r for (_, r) in ir[i]])

    def compute_averages():
        count_u, count_i = np.zeros(n_cltr_u), np.zeros(n_cltr_i)
        count_c = np.zeros((n_cltr_u, n_cltr_i))
        sum_u, sum_i = np.zeros(n_cltr_u), np.zeros(n_cltr_i)
        sum_c = np.zeros((n_cltr_u, n_cltr_i))
        for u, i, r in all_ratings():
            uc, ic = cltr_u[u], cltr_i[i]
            count_u[uc] += 1
            count_i[ic] += 1
            count_c[uc, ic] += 1
            sum_u[uc] += r
            sum_i[ic] += r
            sum_c[uc, ic] += r
        avg_u = np.where(count_u > 0, sum_u / np.maximum(count_u, 1), MU)
        avg_i = np.where(count_i > 0, sum_i / np.maximum(count_i, 1), MU)
        avg_c = np.where(count_c > 0, sum_c / np.maximum(count_c, 1), MU)
        return avg_u, avg_i, avg_c

    for _ in range(n_epochs):
        avg_u, avg_i, avg_c = compute_averages()
        for u in ur:
            errors = np.zeros(n_cltr_u)
            for uc in range(n_cltr_u):
                for i, r in ur[u]:
                    ic = cltr_i[i]
                    est = avg_c[uc, ic] + user_mean[u] - avg_u[uc] + item_mean[i] - avg_i[ic]
                    errors[uc] += (r - est) ** 2
            cltr_u[u] = np.argmin(errors)
        for i in ir:
            errors = np.zeros(n_cltr_i)
            for ic in range(n_cltr_i):
                for u, r in ir[i]:
                    uc = cltr_u[u]
                    est = avg_c[uc, ic] + user_mean[u] - avg_u[uc] + item_mean[i] - avg_i[ic]
                    errors[ic] += (r - est) ** 2
            cltr_i[i] = np.argmin(errors)
    avg_u, avg_i, avg_c = compute_averages()

    def estimate(u, i):
        if not (u in ur and i in ir):
            raise Impossible()
        uc, ic = cltr_u[u], cltr_i[i]
        return avg_c[uc, ic] + user_mean[u] - avg_u[uc] + item_mean[i] - avg_i[ic]
    return estimate


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


def java_array(name, a):
    flat = ", ".join(repr(float(v)) for v in np.asarray(a).ravel())
    return f"    static final double[] {name} = {{{flat}}};"


rng = np.random.default_rng(20240611)
F = 3
PU = rng.normal(0, 0.1, (N_USERS, F))
QI = rng.normal(0, 0.1, (N_ITEMS, F))
YJ = rng.normal(0, 0.1, (N_ITEMS, F))
NPU = rng.uniform(0, 1, (N_USERS, F))
NQI = rng.uniform(0, 1, (N_ITEMS, F))
CU = rng.integers(0, 2, N_USERS)
CI = rng.integers(0, 2, N_ITEMS)

CASES = [
    # biased SVD with separate rates and terms: lr_bu .01, lr_bi .02, lr_pu .03, lr_qi .04; reg .05 .06 .07 .08
    ("svdBiased", svd(F, 30, True, (0.01, 0.02, 0.03, 0.04), (0.05, 0.06, 0.07, 0.08), PU, QI)),
    # Funk SVD (biased=False), lr 0.05, reg 0.02, 30 epochs
    ("svdUnbiased", svd(F, 30, False, (0.05,) * 4, (0.02,) * 4, PU, QI)),
    # SVD++ with separate rates and terms, 25 epochs
    ("svdpp", svdpp(F, 25, (0.01, 0.02, 0.03, 0.04, 0.05), (0.02, 0.03, 0.04, 0.05, 0.06), PU, QI, YJ)),
    # NMF, Surprise's defaults but 3 factors and 20 epochs
    ("nmf", nmf(F, 20, False, 0.06, 0.06, 0.02, 0.02, 0.005, 0.005, NPU, NQI)),
    # biased NMF, 20 epochs
    ("nmfBiased", nmf(F, 20, True, 0.06, 0.06, 0.02, 0.02, 0.005, 0.005, NPU, NQI)),
    # co-clustering, 2 x 2 clusters, 5 epochs
    ("coClustering", co_clustering(2, 2, 5, CU, CI)),
]

print(f"    // numpy {np.__version__}")
print(java_array("PU", PU))
print(java_array("QI", QI))
print(java_array("YJ", YJ))
print(java_array("NMF_PU", NPU))
print(java_array("NMF_QI", NQI))
print("    static final int[] CU = {" + ", ".join(str(int(c)) for c in CU) + "};")
print("    static final int[] CI = {" + ", ".join(str(int(c)) for c in CI) + "};")
for name, est in CASES:
    print(f"    static final double[][] {name.upper()} = {{")
    for row in table(est):
        print("            {" + ", ".join(repr(float(v)) for v in row) + "},")
    print("    };")
