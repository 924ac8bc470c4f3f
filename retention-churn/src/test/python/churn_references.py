"""Independent references for the churn family's tests (issue 16, "tests that check what their names promise").

Run with Debian's python3 (numpy 1.24, scikit-learn 1.2.1):  /usr/bin/python3 churn_references.py
It prints the values pasted into ChurnReferences.java. The data are built by integer formulas that the Java tests
repeat exactly (ChurnReferences.features/labels), so no file is shared.

1. Cross-validation on fixed folds (row i in fold i % 4): StandardScaler + LogisticRegression(C=1, tol=1e-10,
   max_iter=10000) fitted on each training fold; roc_auc_score of each test fold.
2. A forest grown on fixed bootstrap samples: tree t's in-bag counts are the draws of the library's RandomForest
   (SplittableRandom(Seeds.split(seed, t)).nextInt(n), n draws; ported below), each tree a
   DecisionTreeClassifier(max_features=None, min_samples_split=2, max_depth=2: deeper splits tie between
   features, which the two libraries break in different feature orders) fitted with sample_weight = counts (what
   scikit-learn's RandomForestClassifier does with its own bootstrap); the forest is the mean of the trees'
   predict_proba on 40 probe rows (ChurnReferences.probes) and feature_importances_ (both scikit-learn's
   averaging).
3. Permutation importance of that forest by ROC AUC (sklearn.inspection.permutation_importance, 20 repeats): the
   ranking of the three features.
"""
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier
from sklearn.inspection import permutation_importance

N = 80
M64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def features():
    x = np.empty((N, 3))
    for i in range(N):
        x[i, 0] = ((i * 37) % 101) / 10.0
        x[i, 1] = ((i * 53 + 11) % 97) / 7.0
        x[i, 2] = ((i * 29 + 5) % 89) / 13.0
    return x


def probes():
    """40 rows between and around the training values, to score."""
    p = np.empty((40, 3))
    for k in range(40):
        p[k, 0] = ((k * 41 + 3) % 103) / 10.3
        p[k, 1] = ((k * 19 + 7) % 101) / 7.3
        p[k, 2] = ((k * 23 + 1) % 91) / 13.1
    return p


def labels():
    # a strong feature (0), a weak one (1), one without signal (2), and integer noise
    return np.array([1 if ((i * 37) % 101) * 10 - ((i * 53 + 11) % 97) * 2 + ((i * 17) % 23 - 11) * 25 > 480 else 0
                     for i in range(N)])


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def split(seed, index):
    return mix64((seed + (index + 1) * GOLDEN) & M64)


class SplittableRandom:
    """java.util.SplittableRandom (JDK 17): nextInt(bound) as RandomSupport.boundedNextInt over mix32."""

    def __init__(self, seed):
        self.seed = seed & M64

    def next_seed(self):
        self.seed = (self.seed + GOLDEN) & M64
        return self.seed

    @staticmethod
    def mix32(z):
        z = ((z ^ (z >> 33)) * 0x62A9D9ED799705F5) & M64
        r = ((((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3) & M64) >> 32)
        return r - (1 << 32) if r >= (1 << 31) else r   # a Java int

    def next_int(self, bound):
        r = self.mix32(self.next_seed())
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = (r & 0xFFFFFFFF) >> 1
        while True:
            r = u % bound
            if u + m - r < (1 << 31):   # no int overflow in Java's u + m - r
                return r
            u = (self.mix32(self.next_seed()) & 0xFFFFFFFF) >> 1


def bootstrap_counts(seed, t, n):
    rnd = SplittableRandom(split(seed, t))
    w = np.zeros(n)
    for _ in range(n):
        w[rnd.next_int(n)] += 1
    return w


def fmt(values):
    return ", ".join(repr(float(v)) for v in values)


def main():
    x, y = features(), labels()
    print("// scikit-learn", sklearn.__version__, "numpy", np.__version__)
    print("// positives", int(y.sum()), "of", N)
    # 1. cross-validation on fixed folds
    aucs = []
    for f in range(4):
        test = np.arange(N) % 4 == f
        scaler = StandardScaler().fit(x[~test])
        lr = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(scaler.transform(x[~test]), y[~test])
        aucs.append(roc_auc_score(y[test], lr.predict_proba(scaler.transform(x[test]))[:, 1]))
    print("FOLD_AUC = {", fmt(aucs), "}")
    # 2. the forest on the library's bootstrap draws
    seed, trees = 42, 5
    probe = probes()
    proba = np.zeros(len(probe))
    importances = np.zeros(3)
    fitted = []
    for t in range(trees):
        counts = bootstrap_counts(seed, t, N)
        tree = DecisionTreeClassifier(max_features=None, min_samples_split=2, max_depth=2, random_state=0)
        tree.fit(x, y, sample_weight=counts)
        fitted.append(tree)
        proba += tree.predict_proba(probe)[:, 1]
        importances += tree.feature_importances_
        print("// tree", t, "in-bag rows", int((counts > 0).sum()), "nodes", tree.tree_.node_count)
    proba /= trees
    importances /= importances.sum()
    print("FOREST_PROBE_PROBABILITIES = {", fmt(proba), "}")
    print("FOREST_IMPORTANCES = {", fmt(importances), "}")

    # 3. permutation importance of that forest, by ROC AUC
    class Forest:
        def fit(self, *_):
            return self

        def predict_proba(self, data):
            p = np.mean([tr.predict_proba(data)[:, 1] for tr in fitted], axis=0)
            return np.column_stack([1 - p, p])

        classes_ = np.array([0, 1])

    from sklearn.base import BaseEstimator, ClassifierMixin

    class Wrapped(Forest, BaseEstimator, ClassifierMixin):
        pass

    pi = permutation_importance(Wrapped(), x, y, scoring="roc_auc", n_repeats=20, random_state=0)
    print("// permutation importance means", fmt(pi.importances_mean))
    print("PERMUTATION_RANKING = {", ", ".join(str(int(j)) for j in np.argsort(-pi.importances_mean)), "}")


if __name__ == "__main__":
    main()
