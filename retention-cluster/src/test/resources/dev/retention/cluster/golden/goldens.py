"""Writes the scikit-learn / SciPy golden files read by the clustering tests.

Run from this directory with Debian's Python (scikit-learn 1.2.1, SciPy 1.10.1, NumPy 1.24.2):
    /usr/bin/python3 goldens.py
Each data set is written as CSV with every value in repr form (17 significant digits), so the Java
tests read the very same doubles; each golden file holds lines "key=v1,v2,...".
"""
import numpy as np
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import KMeans, DBSCAN, AgglomerativeClustering
from sklearn.metrics import silhouette_score, silhouette_samples, davies_bouldin_score, calinski_harabasz_score


def write_points(name, x):
    with open(name, "w") as f:
        for row in x:
            f.write(",".join(repr(float(v)) for v in row) + "\n")


def fmt(values):
    values = np.asarray(values).ravel()
    if values.dtype.kind in "iub":
        return ",".join(str(int(v)) for v in values)
    return ",".join(repr(float(v)) for v in values)


def write_golden(name, entries):
    with open(name, "w") as f:
        for key, values in entries:
            f.write(key + "=" + fmt(values) + "\n")


# --- k-means from given centres: 300 points of 5 overlapping blobs in 3-D
rng = np.random.default_rng(20240501)
centres = rng.uniform(-4, 4, size=(5, 3))
x = np.vstack([rng.normal(c, 1.4, size=(60, 3)) for c in centres])
x = x[rng.permutation(len(x))]
weights = rng.uniform(0.5, 2.0, size=len(x))
write_points("kmeans_points.csv", x)
entries = [("weights", weights)]
cases = {
    "plain": dict(init=x[:5], sample_weight=None, tol=1e-4, max_iter=300),
    "weighted": dict(init=x[:5], sample_weight=weights, tol=1e-4, max_iter=300),
    "strict": dict(init=x[10:15], sample_weight=None, tol=0.0, max_iter=300),
    "capped": dict(init=x[:5], sample_weight=None, tol=1e-4, max_iter=2),
    "relocate": dict(init=np.vstack([x[:4], [[40.0, 40.0, 40.0]]]), sample_weight=None, tol=1e-4, max_iter=300),
}
for name, c in cases.items():
    km = KMeans(n_clusters=5, init=c["init"], n_init=1, algorithm="lloyd", tol=c["tol"], max_iter=c["max_iter"])
    km.fit(x, sample_weight=c["sample_weight"])
    entries += [(name + ".init", c["init"]), (name + ".tol", [c["tol"]]), (name + ".max_iter", [c["max_iter"]]),
                (name + ".inertia", [km.inertia_]), (name + ".labels", km.labels_),
                (name + ".centres", km.cluster_centers_), (name + ".n_iter", [km.n_iter_])]
# quality of the plain labels, and of the labels with points 0..29 marked as noise (scored on the rest)
labels = KMeans(n_clusters=5, init=x[:5], n_init=1, algorithm="lloyd").fit(x).labels_
keep = np.arange(len(x)) >= 30
entries += [("quality.labels", labels),
            ("quality.silhouette", [silhouette_score(x, labels)]),
            ("quality.silhouette_samples", silhouette_samples(x, labels)),
            ("quality.davies_bouldin", [davies_bouldin_score(x, labels)]),
            ("quality.calinski_harabasz", [calinski_harabasz_score(x, labels)]),
            ("quality_noise.silhouette", [silhouette_score(x[keep], labels[keep])]),
            ("quality_noise.davies_bouldin", [davies_bouldin_score(x[keep], labels[keep])]),
            ("quality_noise.calinski_harabasz", [calinski_harabasz_score(x[keep], labels[keep])])]
write_golden("kmeans_golden.txt", entries)

# --- DBSCAN: 3 blobs, a sparse background and exact duplicates, 3-D; small (400) and medium (2000)
for name, n in (("dbscan_small", 400), ("dbscan_medium", 2000)):
    rng = np.random.default_rng(7 + n)
    c = rng.uniform(-3, 3, size=(3, 3))
    m = int(n * 0.85) // 3
    blobs = np.vstack([rng.normal(ci, 0.45, size=(m, 3)) for ci in c])
    background = rng.uniform(-5, 5, size=(n - 3 * m - 20, 3))
    duplicates = blobs[rng.integers(0, len(blobs), 20)]
    x = np.vstack([blobs, background, duplicates])
    x = x[rng.permutation(len(x))]
    write_points(name + "_points.csv", x)
    entries = []
    for eps, ms in ((0.5, 5), (0.3, 10), (0.8, 3), (0.25, 1), (0.5, 30)):
        db = DBSCAN(eps=eps, min_samples=ms).fit(x)
        key = "eps%s_min%d" % (eps, ms)
        entries += [(key + ".labels", db.labels_), (key + ".core", db.core_sample_indices_)]
    write_golden(name + "_golden.txt", entries)

# --- linkage: 4 blobs in 3-D; small (120) and medium (600)
for name, n in (("linkage_small", 120), ("linkage_medium", 600)):
    rng = np.random.default_rng(11 + n)
    c = rng.uniform(-5, 5, size=(4, 3))
    x = np.vstack([rng.normal(ci, 1.2, size=(n // 4, 3)) for ci in c])
    x = x[rng.permutation(len(x))]
    write_points(name + "_points.csv", x)
    entries = []
    for method in ("ward", "complete", "average", "single"):
        z = linkage(x, method)
        entries.append((method + ".z", z))
        for k in (2, 3, 4, 6, 10):
            entries.append((method + ".sklearn_k%d" % k, AgglomerativeClustering(n_clusters=k, linkage=method).fit(x).labels_))
    write_golden(name + "_golden.txt", entries)
