#!/usr/bin/python3
"""Checks that every tool produced the same per-customer summary (bench/compare-peers.sh).
Usage: same_summary.py lines|customers VALUESCOPE.csv PEER.csv [PEER.csv...]; exit 1 when they differ."""
import sys

import numpy as np
import pandas as pd

job, mine, peers = sys.argv[1], sys.argv[2], sys.argv[3:]


def key(s):  # valuescope writes number ids in shortest form (3e+05): compare them as numbers
    try:
        v = float(s)
        return str(int(v)) if v.is_integer() else s
    except ValueError:
        return s


def read(path):
    d = pd.read_csv(path, keep_default_na=False, dtype={"customer": str})
    d["customer"] = d["customer"].map(key)
    return d.set_index("customer")


vs = read(mine)
ok = True
for path in peers:
    p = read(path).reindex(vs.index)
    if p.isna().any().any() or len(p) != len(vs):
        print(f"{path}: other customers than valuescope's"); ok = False; continue
    mine_too = "rfm_cell" in p.columns  # another valuescope build's output
    if job == "lines" and mine_too:
        pairs = [(c, c) for c in ["recency", "frequency", "monetary", "r_score", "f_score", "m_score"]]
    elif job == "lines":
        # RFM as valuescope writes it: recency = days since the last purchase, frequency = purchase
        # days, monetary = net spend (all up to the observation end); the R and M quintile scores
        pairs = [("recency", "since_last"), ("frequency", "orders"), ("monetary", "spend"),
                 ("r_score", "r_score"), ("m_score", "m_score"), ("f_score", "f_score")]
    else:
        pairs = [("value", "value"), ("satisfaction", "satisfaction"), ("segment", "segment"), ("strategy", "strategy")]
    for a, b in pairs:
        x, y = vs[a], p[b]
        if a.endswith("_score"):
            # a score may differ only where the value sits on a quintile edge (a sum taken in
            # another order lands a rounding error to either side of it)
            base = vs[{"r_score": "recency", "f_score": "frequency", "m_score": "monetary"}[a]].astype(float)
            edges = np.quantile(base, [0.2, 0.4, 0.6, 0.8])
            off = x.astype(float).values != y.astype(float).values
            on_edge = np.isclose(base.values[:, None], edges[None, :], rtol=1e-9, atol=1e-9).any(axis=1)
            same = not (off & ~on_edge).any()
            if off.any() and same:
                print(f"{path}: {b} differs on {int(off.sum())} customers whose value is a quintile edge")
        elif x.dtype.kind in "fi" and y.dtype.kind in "fi":
            same = np.allclose(x.astype(float), y.astype(float), rtol=1e-9, atol=1e-9)
        else:
            same = (x.astype(str).values == y.astype(str).values).all()
        if not same:
            print(f"{path}: column {b} differs from valuescope's {a}"); ok = False
    if job == "lines" and not mine_too:  # the peers' BTYD summary against each other's (valuescope's rfm model has none)
        q = read(peers[0]).reindex(vs.index)
        for c in ["frequency", "recency", "T", "monetary"]:
            if not np.allclose(q[c].astype(float), p[c].astype(float), rtol=1e-9, atol=1e-9):
                print(f"{path}: BTYD {c} differs from {peers[0]}"); ok = False
print("same per-customer summary:", ok)
sys.exit(0 if ok else 1)
