#!/usr/bin/python3
"""Independent reference refits for the bootstrap CLV interval (value.clv_interval = "bootstrap").

Run with Debian's python3 (pandas, numpy, scipy): /usr/bin/python3 tests/data/make_bootstrap_reference.py
Writes tests/data/reference/bootstrap.json.

The resampling is defined by its seed alone (core/analytics/bootstrap.h): draw k of resample b is
splitmix64(seed + (b*n + k + 1) * 0x9E3779B97F4A7C15 mod 2^64), the customer (draw * n) >> 64.
Written out here with Python integers. On the CDNOW sample (weekly, observation end 1997-09-30;
pandas summary as in make_btyd_reference.py) the first three resamples of seed 1 are refitted with
scipy (BG/NBD and Gamma-Gamma likelihoods from the papers, make_btyd_reference.py's bg_ll, gg_ll,
fit); the test refits the same resamples with ValueScope's optimiser and compares the parameters.
"""
import json
import os

import pandas as pd

from make_btyd_reference import SAMPLE, OUT, btyd_summary, bg_ll, gg_ll, fit

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def splitmix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def draw(seed, b, n, k):
    z = splitmix64((seed + (b * n + k + 1) * GOLDEN) & MASK)
    return (z * n) >> 64


def main():
    df = pd.read_csv(os.path.join(SAMPLE, "cdnow_sample.txt"), sep=r"\s+", header=None,
                     names=["orig", "cust", "date", "cds", "amount"], dtype={"orig": str, "cust": str})
    df["date"] = pd.to_datetime(df["date"].astype(str), format="%Y%m%d")
    s = btyd_summary(df, "cust", "date", "amount", pd.Timestamp("1997-09-30"), 7.0)
    n = len(s)
    x, tx, T, m = (s[c].to_numpy() for c in ("x", "tx", "T", "m"))
    seed = 1
    out = {"seed": seed, "x": x.tolist(), "tx": tx.tolist(), "T": T.tolist(), "m": m.tolist(),
           "first_draws": [draw(seed, 0, n, k) for k in range(10)], "resamples": []}
    for b in range(3):
        idx = [draw(seed, b, n, k) for k in range(n)]
        bx, btx, bT, bm = x[idx], tx[idx], T[idx], m[idx]
        bg, bg_llv, _ = fit(bg_ll, 4, bx, btx, bT)
        rep = (bx > 0) & (bm > 0)
        gg, gg_llv, _ = fit(gg_ll, 3, bx[rep], bm[rep])
        out["resamples"].append({"b": b, "bgnbd": bg.tolist(), "bgnbd_ll": float(bg_llv),
                                 "gamma_gamma": gg.tolist(), "gamma_gamma_ll": float(gg_llv),
                                 "distinct": len(set(idx))})
        print("resample %d: BG/NBD %s, GG %s" % (b, bg, gg))
    with open(os.path.join(OUT, "bootstrap.json"), "w") as fh:
        json.dump(out, fh)


if __name__ == "__main__":
    main()
