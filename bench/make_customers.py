#!/usr/bin/python3
"""Writes a large customer CSV for the benchmarks: python3 bench/make_customers.py ROWS OUT.csv"""
import sys

import numpy as np
import pandas as pd

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "customers_1m.csv"
rng = np.random.default_rng(1)
revenue = np.round(rng.lognormal(5, 1, rows), 2)
df = pd.DataFrame({
    "customer_id": [f"C{i:07d}" for i in range(rows)],
    "revenue": revenue,
    "cost": np.round(revenue * rng.uniform(0.4, 0.9, rows) + rng.uniform(1, 30, rows), 2),
    "orders": rng.integers(1, 60, rows),
    "q_product": rng.integers(1, 6, rows),
    "q_service": rng.integers(1, 6, rows),
    "q_delivery": rng.integers(1, 6, rows),
    "region": rng.choice(["North", "South", "East", "West"], rows),
})
df.to_csv(out, index=False)
print(f"wrote {rows} customers to {out}")
