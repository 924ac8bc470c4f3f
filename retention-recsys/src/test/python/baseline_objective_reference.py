"""The ALS baseline's objective after every epoch on the recsys test fixture, and whether the fit converged by the
documented rule (the last epoch changed the objective by at most 1e-4 of it), computed with NumPy from the fixture
and the published update (Koren 2010, section 2.1; Surprise 1.1.4 optimize_baselines.pyx), independently of the
Java code. Objective: sum (r - mu - b_u - b_i)^2 + reg_u sum b_u^2 + reg_i sum b_i^2.

Run: /usr/bin/python3 retention-recsys/src/test/python/baseline_objective_reference.py
(Debian's python3-numpy 1.24.2.)
"""
import importlib.util
import os
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("ref", os.path.join(here, "surprise_reference.py"))
ref = importlib.util.module_from_spec(spec)
sys.stdout = open(os.devnull, "w")          # the module prints its own goldens when loaded
spec.loader.exec_module(ref)
sys.stdout = sys.__stdout__

for epochs, reg_u, reg_i in [(10, 15, 10), (2, 0.5, 0.5), (40, 0.5, 0.5)]:
    bu, bi = np.zeros(ref.N_USERS), np.zeros(ref.N_ITEMS)
    history = []
    for _ in range(epochs):
        for i in ref.ir:
            bi[i] = sum(r - ref.MU - bu[u] for (u, r) in ref.ir[i]) / (reg_i + len(ref.ir[i]))
        for u in ref.ur:
            bu[u] = sum(r - ref.MU - bi[i] for (i, r) in ref.ur[u]) / (reg_u + len(ref.ur[u]))
        sq = sum((r - ref.MU - bu[u] - bi[i]) ** 2 for (u, i, r) in ref.RATINGS)
        history.append(sq + reg_u * np.sum(bu ** 2) + reg_i * np.sum(bi ** 2))
    converged = abs(history[-1] - history[-2]) <= 1e-4 * abs(history[-2])
    print(f"    // epochs {epochs}, reg_u {reg_u}, reg_i {reg_i}: converged {converged}")
    print("    {" + ", ".join(repr(float(v)) for v in history) + "},")
