"""Golden similarities for SimilaritiesTest, computed with NumPy from the formulas of Surprise 1.1
(surprise/similarities.pyx: cosine, msd, pearson, pearson_baseline) and of Sarwar et al. 2001
(adjusted cosine), plus the Jaccard index, over co-rated entries.

Run: /usr/bin/python3 retention-core/src/test/python/similarity_reference.py
"""
import numpy as np

# rows are users, columns items; 0 = not rated
R = np.array([
    [5, 3, 0, 1, 4, 0],
    [4, 0, 0, 1, 5, 2],
    [1, 1, 0, 5, 0, 4],
    [1, 0, 5, 4, 2, 0],
    [0, 1, 5, 4, 0, 3],
], dtype=float)
MASK = R > 0
# baselines for pearson_baseline (arbitrary but fixed): mu, row biases, column biases
MU = 3.0
BU = np.array([0.3, 0.1, -0.4, 0.2, -0.1])
BI = np.array([0.5, -0.6, 0.7, 0.0, 0.4, -0.2])
SHRINK = 2.0


def pairs(x, y):
    return MASK[x] & MASK[y]


def sim(kind, x, y, vals=R):
    c = pairs(x, y)
    n = c.sum()
    if x == y:
        return 1.0
    if n < 1:
        return 0.0
    a, b = vals[x, c], vals[y, c]
    if kind == "cosine":
        den = np.sqrt((a * a).sum() * (b * b).sum())
        return 0.0 if den == 0 else (a * b).sum() / den
    if kind == "msd":
        return 1.0 / (((a - b) ** 2).sum() / n + 1)
    if kind == "pearson":
        num = n * (a * b).sum() - a.sum() * b.sum()
        den = np.sqrt((n * (a * a).sum() - a.sum() ** 2) * (n * (b * b).sum() - b.sum() ** 2))
        return 0.0 if den == 0 else num / den
    if kind == "pearson_baseline":
        ra = R[x, c] - (MU + BU[x] + BI[c])
        rb = R[y, c] - (MU + BU[y] + BI[c])
        den = np.sqrt((ra * ra).sum() * (rb * rb).sum())
        s = 0.0 if den == 0 else (ra * rb).sum() / den
        return s * (n - 1) / (n - 1 + SHRINK)
    if kind == "jaccard":
        return n / (MASK[x].sum() + MASK[y].sum() - n)
    if kind == "adjusted_cosine":
        col_mean = np.array([R[MASK[:, j], j].mean() for j in range(R.shape[1])])
        ra = R[x, c] - col_mean[c]
        rb = R[y, c] - col_mean[c]
        den = np.sqrt((ra * ra).sum() * (rb * rb).sum())
        return 0.0 if den == 0 else (ra * rb).sum() / den
    raise ValueError(kind)


for kind in ["cosine", "msd", "pearson", "pearson_baseline", "jaccard", "adjusted_cosine"]:
    m = np.array([[sim(kind, x, y) for y in range(5)] for x in range(5)])
    print(kind)
    print(",\n".join("{" + ", ".join(repr(float(v)) for v in row) + "}" for row in m))
