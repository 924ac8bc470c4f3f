#!/usr/bin/python3
"""scikit-learn's T-learner on the same split as `retention uplift eval`, and its Qini area.

Usage: uplift_qini_sklearn.py HILLSTROM.csv TEST_ROWS [treated] [control] [outcome]
TEST_ROWS: the file `retention uplift eval --write-test-rows` writes (or reads with --test-rows): 0-based data-row
numbers of the test rows; the training rows are the other rows of the two arms. Features as the command line's
default: the columns left of `segment`; numbers standardised, categories one-hot (all levels), fitted on the
training rows; LogisticRegression with scikit-learn's defaults, one per arm. Qini area as the issue defines it:
rows ranked by decreasing uplift (stable), q(k) = Y_t(k) - Y_c(k) N_t(k) / N_c(k) (0 where N_c(k) = 0), trapezoid
over k = 0..n minus q(n) n / 2. Versions: Python 3.11, NumPy 1.24.2, pandas 1.5.3, scikit-learn 1.2.1 (Debian).
"""
import sys
import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import OneHotEncoder, StandardScaler

path, rows_file = sys.argv[1], sys.argv[2]
treated = sys.argv[3] if len(sys.argv) > 3 else "Mens E-Mail"
control = sys.argv[4] if len(sys.argv) > 4 else "No E-Mail"
outcome = sys.argv[5] if len(sys.argv) > 5 else "visit"
df = pd.read_csv(path)
features = list(df.columns[:list(df.columns).index("segment")])
numeric = [c for c in features if pd.api.types.is_numeric_dtype(df[c])]
categorical = [c for c in features if c not in numeric]
arm = np.where(df["segment"] == treated, 1, np.where(df["segment"] == control, 0, -1))
test = np.array(sorted(int(l) for l in open(rows_file) if l.strip()))
is_test = np.zeros(len(df), dtype=bool)
is_test[test] = True
train = np.where((arm >= 0) & ~is_test)[0]
pre = ColumnTransformer([("num", StandardScaler(), numeric),
                         ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical)])
x_train = pre.fit_transform(df.iloc[train])
x_test = pre.transform(df.iloc[test])
y = df[outcome].to_numpy()
t = arm
m0 = LogisticRegression().fit(x_train[t[train] == 0], y[train][t[train] == 0])
m1 = LogisticRegression().fit(x_train[t[train] == 1], y[train][t[train] == 1])
uplift = m1.predict_proba(x_test)[:, 1] - m0.predict_proba(x_test)[:, 1]
order = np.argsort(-uplift, kind="stable")
tt = t[test][order]
yy = y[test][order].astype(float)
yt = np.concatenate([[0], np.cumsum(yy * (tt == 1))])
yc = np.concatenate([[0], np.cumsum(yy * (tt == 0))])
nt = np.concatenate([[0], np.cumsum(tt == 1)])
nc = np.concatenate([[0], np.cumsum(tt == 0)])
with np.errstate(divide="ignore", invalid="ignore"):
    q = np.where(nc > 0, yt - yc * nt / np.where(nc > 0, nc, 1), 0.0)
n = len(test)
area = np.sum((q[1:] + q[:-1]) / 2) - q[n] * n / 2
k30 = max(1, int(np.floor(0.3 * n)))
print("scikit-learn %s, features %s + one-hot %s" % (sklearn.__version__, numeric, categorical))
print("train rows %d, test rows %d" % (len(train), n))
print("qini_area %.6f" % area)
print("incremental_top_30 %.6f, random %.6f" % (q[k30], q[n] * k30 / n))
