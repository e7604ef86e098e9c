#!/usr/bin/python3
"""Gini, top-20 % share, Pareto points and the value histogram with numpy, independently of ValueScope.

Run: /usr/bin/python3 tests/data/make_concentration_reference.py -> tests/data/reference/concentration.json
The value is the profit model's revenue - cost of tests/data/reference/customers.csv (S1).
"""
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
df = pd.read_csv(os.path.join(HERE, "reference", "customers.csv"))
df = df.drop_duplicates("customer", keep="first")
df = df[df.customer.notna() & (df.customer.astype(str).str.strip() != "")]
value = (df.revenue - df.cost).dropna().to_numpy()
n = len(value)
asc = np.sort(value)
gini = 2 * np.sum(np.arange(1, n + 1) * asc) / (n * asc.sum()) - (n + 1) / n
desc = asc[::-1]
top = int(np.ceil(0.2 * n))
counts, edges = np.histogram(value, bins=30)
cum = np.cumsum(desc) / desc.sum()
out = {
    "customers": n,
    "gini": float(gini),
    "top20_share": float(desc[:top].sum() / desc.sum()),
    "share_at_half": float(cum[n // 2 - 1]),  # the curve at 50 % of customers (n even)
    "histogram": {"counts": [int(c) for c in counts], "edges": [float(e) for e in edges]},
}
with open(os.path.join(HERE, "reference", "concentration.json"), "w") as f:
    json.dump(out, f, indent=1)
print(out["customers"], out["gini"], out["top20_share"])
