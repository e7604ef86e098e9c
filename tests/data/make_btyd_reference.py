#!/usr/bin/python3
"""Independent reference values for the transactions layout, RFM and the BTYD models.

Run with Debian's python3 (pandas, numpy, scipy): /usr/bin/python3 tests/data/make_btyd_reference.py
Writes tests/data/reference/btyd.json, rfm.json, retail.json and the simulated samples in
tests/data/reference/. Nothing here shares code with ValueScope: the summaries come from pandas
group-bys, the likelihoods are written from the papers with scipy.special (gammaln, betaln, hyp2f1),
the fits use scipy.optimize.
"""
import json
import os

import numpy as np
import pandas as pd
from scipy import optimize, special

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "reference")
SAMPLE = os.path.join(HERE, "..", "..", "resources", "sample")
MONTH_DAYS = 365.25 / 12


def btyd_summary(df, cust, date, amount, obs_end, unit_days):
    """lifetimes' conventions: one purchase per customer-day, frequency = repeat days."""
    cal = df[df[date] <= obs_end]
    daily = cal.groupby([cust, date], sort=True)[amount].sum().reset_index()
    g = daily.groupby(cust, sort=False)
    first = g[date].min()
    last = g[date].max()
    x = g[date].count() - 1
    total = g[amount].sum()
    first_value = daily.sort_values([cust, date]).groupby(cust)[amount].first()
    mon = ((total - first_value) / x.where(x > 0)).fillna(0.0)
    out = pd.DataFrame({
        "x": x.astype(float),
        "tx": (last - first).dt.days / unit_days,
        "T": (obs_end - first).dt.days / unit_days,
        "m": mon,
    })
    hold = df[df[date] > obs_end].groupby(cust)[date].nunique()
    out["holdout"] = hold.reindex(out.index).fillna(0).astype(float)
    return out


def bg_ll(params, x, tx, T):
    r, alpha, a, b = params
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    A2 = special.betaln(a, b + x) - special.betaln(a, b) - (r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        A3 = np.where(x > 0, special.betaln(a + 1, b + x - 1) - special.betaln(a, b) - (r + x) * np.log(alpha + tx), -np.inf)
    return A1 + np.logaddexp(A2, A3)


def gg_ll(params, x, m):
    p, q, v = params
    return (special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q) + q * np.log(v)
            + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(x * m + v))


def fit(ll, k, *data):
    f = lambda th: -np.sum(ll(np.exp(th), *data))
    res = optimize.minimize(f, np.zeros(k), method="Nelder-Mead",
                            options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000})
    res = optimize.minimize(f, res.x, method="BFGS", options={"gtol": 1e-9})
    th = res.x
    # Hessian of the log-likelihood in log space by central differences of the function itself
    h = 1e-4
    H = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            e_i = np.eye(k)[i] * h
            e_j = np.eye(k)[j] * h
            H[i, j] = -(f(th + e_i + e_j) - f(th + e_i - e_j) - f(th - e_i + e_j) + f(th - e_i - e_j)) / (4 * h * h)
    cov = np.linalg.inv(-H)
    return np.exp(th), -res.fun, cov


def p_alive(par, x, tx, T):
    r, alpha, a, b = par
    return np.where(x > 0, 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)), 1.0)


def expected(par, t, x, tx, T):
    """FHL (2005) eq. 10 with scipy's own hypergeometric function."""
    r, alpha, a, b = par
    hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
    first = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp)
    return first / (1 + np.where(x > 0, a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x), 0.0))


def avg_value(par, x, m):
    p, q, v = par
    return np.where(x > 0, (p * (v + x * m)) / (p * x + q - 1), p * v / (q - 1))


def clv(bg, gg, x, tx, T, m, months, units_per_month, d):
    total = 0.0
    prev = 0.0
    for k in range(1, months + 1):
        e = expected(bg, k * units_per_month, x, tx, T)
        total = total + (e - prev) / (1 + d) ** k
        prev = e
    return avg_value(gg, x, m) * total


def cdnow():
    df = pd.read_csv(os.path.join(SAMPLE, "cdnow_sample.txt"), sep=r"\s+", header=None,
                     names=["orig", "cust", "date", "cds", "amount"], dtype={"orig": str, "cust": str})
    df["date"] = pd.to_datetime(df["date"].astype(str), format="%Y%m%d")
    obs_end = pd.Timestamp("1997-09-30")
    s = btyd_summary(df, "cust", "date", "amount", obs_end, 7.0)
    x, tx, T, m = (s[c].to_numpy() for c in ("x", "tx", "T", "m"))
    bg, bg_llv, bg_cov = fit(bg_ll, 4, x, tx, T)
    rep = (x > 0) & (m > 0)
    gg, gg_llv, gg_cov = fit(gg_ll, 3, x[rep], m[rep])
    upm = MONTH_DAYS / 7
    months = 12
    pick = list(range(30)) + [int(i) for i in np.argsort(-x)[:5]]
    cust = []
    for i in pick:
        cust.append({
            "id": s.index[i], "x": x[i], "tx": tx[i], "T": T[i], "m": m[i], "holdout": s["holdout"].iloc[i],
            "p_alive": float(p_alive(bg, x[i], tx[i], T[i])),
            "expected_purchases": float(expected(bg, months * upm, x[i], tx[i], T[i])),
            "expected_average_value": float(avg_value(gg, x[i], m[i])),
            "clv": float(clv(bg, gg, x[i], tx[i], T[i], m[i], months, upm, 0.01)),
        })
    # the CLV interval by sampling the parameters from their (log-space) normal approximation
    rng = np.random.default_rng(20261122)
    draws_bg = np.exp(rng.multivariate_normal(np.log(bg), bg_cov, size=4000))
    draws_gg = np.exp(rng.multivariate_normal(np.log(gg), gg_cov, size=4000))
    for c in cust[:5]:
        vals = np.array([clv(db, dg, c["x"], c["tx"], c["T"], c["m"], months, upm, 0.01)
                         for db, dg in zip(draws_bg, draws_gg)])
        c["clv_q05"], c["clv_q95"] = float(np.quantile(vals, 0.05)), float(np.quantile(vals, 0.95))
    hold_len = (pd.Timestamp("1998-06-30") - obs_end).days / 7
    groups = []
    pred = expected(bg, hold_len, x, tx, T)
    for g in range(8):
        sel = (x == g) if g < 7 else (x >= 7)
        groups.append({"frequency": g, "customers": int(sel.sum()), "actual": float(s["holdout"][sel].mean()),
                       "predicted": float(pred[sel].mean())})
    return {
        "summary": {"id": list(s.index), "x": list(x), "tx": list(tx), "T": list(T), "m": list(m)},
        "bgnbd": {"r": bg[0], "alpha": bg[1], "a": bg[2], "b": bg[3], "log_likelihood": bg_llv,
                  "se": list(np.sqrt(np.diag(bg_cov)) * bg)},
        "gamma_gamma": {"p": gg[0], "q": gg[1], "v": gg[2], "log_likelihood": gg_llv,
                        "se": list(np.sqrt(np.diag(gg_cov)) * gg)},
        "customers": cust,
        "holdout_length": hold_len,
        "holdout": groups,
    }


def simulate():
    """Customers drawn from known BG/NBD and Gamma-Gamma parameters."""
    rng = np.random.default_rng(7)
    r, alpha, a, b = 0.6, 5.0, 0.8, 2.5
    p, q, v = 6.0, 4.0, 15.0
    n = 20000
    rows = []
    for _ in range(n):
        T = rng.uniform(20, 60)
        lam = rng.gamma(r, 1 / alpha)
        drop = rng.beta(a, b)
        t, times = 0.0, []
        while True:
            t += rng.exponential(1 / lam)
            if t > T:
                break
            times.append(t)
            if rng.uniform() < drop:
                break
        x = len(times)
        nu = rng.gamma(q, 1 / v)
        spend = rng.gamma(p, 1 / nu, size=x) if x else []
        rows.append((x, times[-1] if x else 0.0, T, float(np.mean(spend)) if x else 0.0))
    pd.DataFrame(rows, columns=["x", "tx", "T", "m"]).to_csv(os.path.join(OUT, "btyd_simulated.csv"), index=False,
                                                             float_format="%.9g")
    return {"bgnbd": {"r": r, "alpha": alpha, "a": a, "b": b}, "gamma_gamma": {"p": p, "q": q, "v": v}}


def rfm_reference():
    rng = np.random.default_rng(11)
    n = 997
    recency = rng.integers(0, 120, n).astype(float)
    frequency = np.minimum(rng.geometric(0.55, n), 12).astype(float)  # heavy ties at 1
    monetary = np.round(rng.lognormal(4, 1, n), 2)
    df = pd.DataFrame({"recency": recency, "frequency": frequency, "monetary": monetary})

    def q(s, reverse):
        codes = pd.qcut(s, 5, labels=False, duplicates="drop")
        return (5 - codes if reverse else codes + 1).astype(int)

    def rank_q(s, reverse):
        codes = pd.qcut(s.rank(method="first"), 5, labels=False)
        return (5 - codes if reverse else codes + 1).astype(int)

    # the R package rfm's published ten segments (its README), in its order
    rules = [("Champions", (4, 5), (4, 5), (4, 5)), ("Loyal Customers", (2, 5), (3, 5), (3, 5)),
             ("Potential Loyalist", (3, 5), (1, 3), (1, 3)), ("New Customers", (4, 5), (1, 1), (1, 1)),
             ("Promising", (3, 4), (1, 1), (1, 1)), ("Need Attention", (2, 3), (2, 3), (2, 3)),
             ("About To Sleep", (2, 3), (1, 2), (1, 2)), ("At Risk", (1, 2), (2, 5), (2, 5)),
             ("Can't Lose Them", (1, 1), (4, 5), (4, 5)), ("Lost", (1, 2), (1, 2), (1, 2))]

    def segment(R, F, M):
        for name, rr, ff, mm in rules:
            if rr[0] <= R <= rr[1] and ff[0] <= F <= ff[1] and mm[0] <= M <= mm[1]:
                return name
        return "Others"

    rr, fr, mr = rank_q(df.recency, True), rank_q(df.frequency, False), rank_q(df.monetary, False)
    return {
        "recency": list(recency), "frequency": list(frequency), "monetary": list(monetary),
        "quantile": {"r": list(map(int, q(df.recency, True))), "m": list(map(int, q(df.monetary, False))),
                     "frequency_codes": list(map(int, pd.qcut(df.frequency, 5, labels=False, duplicates="drop")))},
        "rank": {"r": list(map(int, rr)), "f": list(map(int, fr)), "m": list(map(int, mr)),
                 "segment": [segment(a, b, c) for a, b, c in zip(rr, fr, mr)]},
    }


def retail():
    path = os.path.join(HERE, "retail", "online_retail_first_65535_lines.xlsx")
    df = pd.read_excel(path)
    df = df[df.CustomerID.notna()].copy()
    df["amount"] = df.Quantity * df.UnitPrice
    ret = df.InvoiceNo.astype(str).str.startswith("C") | (df.Quantity < 0) | (df.amount < 0)
    df["net"] = np.where(ret, -df.amount.abs(), df.amount)
    df["day"] = df.InvoiceDate.dt.normalize()
    end = df.day.max()
    buys = df[~ret]
    g = buys.groupby("CustomerID")
    out = pd.DataFrame({
        "orders": g.InvoiceNo.nunique().astype(float),
        "recency": (end - g.day.max()).dt.days.astype(float),
    })
    out["spend"] = df.groupby("CustomerID").net.sum().reindex(out.index)
    return {"return_lines": int(ret.sum()), "customers_with_purchases": int(len(out)),
            "customers_only_returns": int(df.CustomerID.nunique() - len(out)),
            "id": [str(int(i)) for i in out.index], "orders": list(out.orders), "recency": list(out.recency),
            "spend": list(out.spend)}


def main():
    os.makedirs(OUT, exist_ok=True)
    ref = {"cdnow": cdnow(), "simulated": simulate()}
    with open(os.path.join(OUT, "btyd.json"), "w") as f:
        json.dump(ref, f, indent=1)
    with open(os.path.join(OUT, "rfm.json"), "w") as f:
        json.dump(rfm_reference(), f)
    with open(os.path.join(OUT, "retail.json"), "w") as f:
        json.dump(retail(), f)


if __name__ == "__main__":
    main()
