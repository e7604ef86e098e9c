#!/usr/bin/python3
"""Independent reference for the P(alive) early warnings of issue 19 (`run --early-warnings`).

Run: /usr/bin/python3 tests/data/make_early_warnings_reference.py -> tests/data/reference/early_warnings.json,
for the project resources/sample/cdnow_over_time.valuescope.json (the CDNOW sample, BG/NBD + Gamma-Gamma,
weeks, a 12-month horizon at 1 % a month, snapshots 1997-06-30 and 1997-12-31, alive_below 0.5).

Nothing here shares code with ValueScope. At each snapshot date (the observation end = that date):
- the customer summary as lifetimes makes it (one purchase per customer-day; x = repeat days,
  t_x and T in weeks from the first purchase; m = mean spend of the repeat days);
- BG/NBD fitted by maximum likelihood with scipy from the likelihood of Fader, Hardie & Lee (2005, eq. 6),
  Gamma-Gamma from Fader, Hardie & Lee (2005b) on the repeat customers;
- P(alive) = 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))  (FHL 2005, eq. 13);
- the CLV: expected purchases (eq. 10, scipy's hyp2f1) month by month (a month = 30.4375 days),
  each month's discounted by 1.01^k, times the Gamma-Gamma expected spend.
The rule: a customer is valuable when the CLV as of `from` is at least numpy.quantile(CLV, 0.75) over the
customers there; the P(alive) rule selects the valuable ones whose P(alive) was at least 0.5 at `from` and is
below 0.5 at `to`.
"""
import json
import os

import numpy as np
import pandas as pd
from scipy import optimize, special

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
project = json.load(open(os.path.join(ROOT, "resources", "sample", "cdnow_over_time.valuescope.json")))
FROM, TO = pd.Timestamp(project["snapshots"]["from"]), pd.Timestamp(project["snapshots"]["to"])
BELOW = project["snapshots"]["alive_below"]
MONTHS = project["value"]["horizon_months"]
DISCOUNT = project["value"]["monthly_discount"]
WEEK = 7.0
UNITS_PER_MONTH = 30.4375 / WEEK

df = pd.read_csv(os.path.join(ROOT, "resources", "sample", "cdnow_sample.txt"), sep=r"\s+", header=None,
                 names=["orig", "cust", "date", "cds", "amount"], dtype={"orig": str, "cust": str})
df["date"] = pd.to_datetime(df["date"].astype(str), format="%Y%m%d")


def summary(end):
    daily = df[df.date <= end].groupby(["cust", "date"], sort=True).amount.sum().reset_index()
    g = daily.groupby("cust", sort=False)
    x = g.date.count() - 1
    first_value = g.amount.first()
    m = ((g.amount.sum() - first_value) / x.where(x > 0)).fillna(0.0)
    return pd.DataFrame({"x": x.astype(float), "tx": (g.date.max() - g.date.min()).dt.days / WEEK,
                         "T": (end - g.date.min()).dt.days / WEEK, "m": m})


def bg_ll(par, x, tx, T):
    r, alpha, a, b = par
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    A2 = special.betaln(a, b + x) - special.betaln(a, b) - (r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        A3 = np.where(x > 0, special.betaln(a + 1, b + x - 1) - special.betaln(a, b) - (r + x) * np.log(alpha + tx), -np.inf)
    return A1 + np.logaddexp(A2, A3)


def gg_ll(par, x, m):
    p, q, v = par
    return (special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q) + q * np.log(v)
            + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(x * m + v))


def fit(ll, k, *data):
    f = lambda th: -np.sum(ll(np.exp(th), *data))
    res = optimize.minimize(f, np.zeros(k), method="Nelder-Mead",
                            options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000})
    res = optimize.minimize(f, res.x, method="BFGS", options={"gtol": 1e-9})
    return np.exp(res.x), -res.fun


def p_alive(par, x, tx, T):
    r, alpha, a, b = par
    return np.where(x > 0, 1 / (1 + (a / np.maximum(b + x - 1, 1e-300)) * ((alpha + T) / (alpha + tx)) ** (r + x)), 1.0)


def expected(par, t, x, tx, T):
    r, alpha, a, b = par
    hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
    first = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp)
    return first / (1 + np.where(x > 0, a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x), 0.0))


def clv(bg, gg, s):
    x, tx, T, m = (s[c].to_numpy() for c in ("x", "tx", "T", "m"))
    p, q, v = gg
    spend = np.where(x > 0, (p * (v + x * m)) / (p * x + q - 1), p * v / (q - 1))
    total, prev = 0.0, 0.0
    for k in range(1, MONTHS + 1):
        e = expected(bg, k * UNITS_PER_MONTH, x, tx, T)
        total = total + (e - prev) / (1 + DISCOUNT) ** k
        prev = e
    return spend * total


snap = {}
for name, end in (("from", FROM), ("to", TO)):
    s = summary(end)
    x, tx, T = (s[c].to_numpy() for c in ("x", "tx", "T"))
    bg, bg_llv = fit(bg_ll, 4, x, tx, T)
    rep = (s.x > 0) & (s.m > 0)
    gg, _ = fit(gg_ll, 3, s.x[rep].to_numpy(), s.m[rep].to_numpy())
    s["p_alive"] = p_alive(bg, x, tx, T)
    s["clv"] = clv(bg, gg, s)
    snap[name] = {"summary": s, "bgnbd": dict(zip(["r", "alpha", "a", "b"], map(float, bg)), log_likelihood=float(bg_llv)),
                  "gamma_gamma": dict(zip(["p", "q", "v"], map(float, gg)))}

a, b = snap["from"]["summary"], snap["to"]["summary"]
top = float(np.quantile(a.clv, 0.75))
both = a.join(b, lsuffix="_then", rsuffix="_now", how="inner")
sel = both[(both.clv_then >= top) & (both.p_alive_then >= BELOW) & (both.p_alive_now < BELOW)]
# how near the rule's edges the closest customers lie (a refit's last digits must not flip one)
margin = {"clv_vs_top": float(np.min(np.abs(a.clv - top) / top)),
          "p_alive_then_vs_threshold": float(np.min(np.abs(both.p_alive_then[both.clv_then >= top] - BELOW))),
          "p_alive_now_vs_threshold": float(np.min(np.abs(both.p_alive_now[both.clv_then >= top] - BELOW)))}
ref = {
    "from": str(FROM.date()), "to": str(TO.date()), "alive_below": BELOW,
    "bgnbd_from": snap["from"]["bgnbd"], "bgnbd_to": snap["to"]["bgnbd"],
    "gamma_gamma_from": snap["from"]["gamma_gamma"], "gamma_gamma_to": snap["to"]["gamma_gamma"],
    "valuable_from": top,
    "margins": margin,
    "p_alive_fell": [{"customer": c, "p_alive_then": float(r.p_alive_then), "p_alive_now": float(r.p_alive_now),
                      "value_then": float(r.clv_then), "value_now": float(r.clv_now)} for c, r in sel.iterrows()],
    # every customer's P(alive) at both dates, for the values of the list's other rows
    "p_alive": {c: [float(r.p_alive_then), float(r.p_alive_now)] for c, r in both.iterrows()},
}
out = os.path.join(HERE, "reference", "early_warnings.json")
with open(out, "w") as f:
    json.dump(ref, f, indent=1)
print("written", out, len(sel), "customers; margins", margin)
print("from", snap["from"]["bgnbd"], "\nto", snap["to"]["bgnbd"])
