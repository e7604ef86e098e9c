#!/usr/bin/python3
"""Independent reference values for the purchase models beyond BG/NBD, the model comparison, the
tracking series and the period summaries (issue 16).

Run with Debian's python3 (pandas, numpy, scipy): /usr/bin/python3 tests/data/make_purchase_models_reference.py
Writes tests/data/reference/purchase_models.json. Nothing here shares code with ValueScope: the
likelihoods are written from the papers with scipy.special (gammaln, betaln, hyp2f1):
  Pareto/NBD  Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions"
  MBG/NBD     Batislam, Denizel & Filiztekin (2007), IJRM 24
  BG/BB       Fader, Hardie & Shang (2010), Marketing Science 29(6)
the summaries are pandas group-bys (calendar weeks: pandas' Period "W", as lifetimes does).
"""
import json
import os

import numpy as np
import pandas as pd
from scipy import optimize, special

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "reference")
SAMPLE = os.path.join(HERE, "..", "..", "resources", "sample")


def read_cdnow():
    df = pd.read_csv(os.path.join(SAMPLE, "cdnow_sample.txt"), sep=r"\s+", header=None,
                     names=["orig", "cust", "date", "cds", "amount"], dtype={"orig": str, "cust": str})
    df["date"] = pd.to_datetime(df["date"].astype(str), format="%Y%m%d")
    return df


def summary(df, obs_end, hold_end, unit_days=7.0, freq=None):
    """x, tx, T, m up to obs_end; purchases (distinct days or periods) in (obs_end, hold_end]."""
    d = df.copy()
    if freq:
        d["t"] = d["date"].dt.to_period(freq)
    else:
        d["t"] = d["date"]
    cal = d[d["date"] <= obs_end]
    per = cal.groupby(["cust", "t"], sort=True)["amount"].sum().reset_index()
    g = per.groupby("cust", sort=False)
    first, last = g["t"].min(), g["t"].max()
    x = g["t"].count() - 1
    firstv = per.groupby("cust")["amount"].first()
    m = ((g["amount"].sum() - firstv) / x.where(x > 0)).fillna(0.0)
    if freq:
        end = pd.Timestamp(obs_end).to_period(freq)
        tx = (last - first).apply(lambda o: o.n).astype(float)
        T = (end - first).apply(lambda o: o.n).astype(float)
    else:
        tx = (last - first).dt.days / unit_days
        T = (obs_end - first).dt.days / unit_days
    hold = d[(d["date"] > obs_end) & (d["date"] <= hold_end)].groupby("cust")["t"].nunique()
    hspend = d[(d["date"] > obs_end) & (d["date"] <= hold_end)].groupby("cust")["amount"].sum()
    out = pd.DataFrame({"x": x.astype(float), "tx": tx, "T": T, "m": m})
    out["holdout"] = hold.reindex(out.index).fillna(0).astype(float)
    out["holdout_spend"] = hspend.reindex(out.index).fillna(0).astype(float)
    return out


# ---- likelihoods, from the papers --------------------------------------------------------------

def bg_ll(par, x, tx, T):
    r, alpha, a, b = par
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    A2 = special.betaln(a, b + x) - special.betaln(a, b) - (r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        A3 = np.where(x > 0, special.betaln(a + 1, b + x - 1) - special.betaln(a, b) - (r + x) * np.log(alpha + tx), -np.inf)
    return A1 + np.logaddexp(A2, A3)


def mbg_ll(par, x, tx, T):
    # Batislam et al. (2007), eq. 3: L = B(a, b+x+1)/B(a,b) Γ(r+x)α^r/Γ(r) [(α+T)^-(r+x) + a/(b+x) (α+tx)^-(r+x)]
    r, alpha, a, b = par
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    A2 = special.betaln(a, b + x + 1) - special.betaln(a, b)
    return A1 + A2 + np.logaddexp(-(r + x) * np.log(alpha + T), np.log(a / (b + x)) - (r + x) * np.log(alpha + tx))


def pareto_ll(par, x, tx, T):
    r, alpha, s, beta = par
    rsx = r + s + x
    if alpha >= beta:
        F = lambda t: special.hyp2f1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + t)) / (alpha + t) ** rsx
    else:
        F = lambda t: special.hyp2f1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + t)) / (beta + t) ** rsx
    A0 = F(tx) - F(T)
    first = 1 / ((alpha + T) ** (r + x) * (beta + T) ** s)
    return (special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha) + s * np.log(beta)
            + np.log(first + s / rsx * A0))


def bgbb_ll(par, x, tx, n):
    al, be, ga, de = par
    out = np.empty(len(x))
    for k in range(len(x)):
        xi, ti, ni = x[k], tx[k], n[k]
        L = np.exp(special.betaln(al + xi, be + ni - xi) - special.betaln(al, be)
                   + special.betaln(ga, de + ni) - special.betaln(ga, de))
        for i in range(int(ni - ti)):
            L += np.exp(special.betaln(al + xi, be + ti - xi + i) - special.betaln(al, be)
                        + special.betaln(ga + 1, de + ti + i) - special.betaln(ga, de))
        out[k] = np.log(L)
    return out


def fit(ll, k, *data, w=None, start=None):
    w = np.ones(len(data[0])) if w is None else w
    f = lambda th: -np.sum(w * ll(np.exp(th), *data))
    th0 = np.zeros(k) if start is None else np.log(start)
    res = optimize.minimize(f, th0, method="Nelder-Mead",
                            options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 40000, "maxfev": 40000})
    res = optimize.minimize(f, res.x, method="BFGS", options={"gtol": 1e-8})
    th = res.x
    h = 1e-4
    H = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            e_i = np.eye(k)[i] * h
            e_j = np.eye(k)[j] * h
            H[i, j] = -(f(th + e_i + e_j) - f(th + e_i - e_j) - f(th - e_i + e_j) + f(th - e_i - e_j)) / (4 * h * h)
    cov = np.linalg.inv(-H)
    return np.exp(th), -res.fun, list(np.sqrt(np.diag(cov)) * np.exp(th))


# ---- predictions, from the papers --------------------------------------------------------------

def pred_bg(par, t, x, tx, T):
    r, alpha, a, b = par
    pa = np.where(x > 0, 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x)), 1.0)
    e = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x)
                                     * special.hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)))
    return pa, pa * e


def pred_mbg(par, t, x, tx, T):
    r, alpha, a, b = par
    pa = 1 / (1 + a / (b + x) * ((alpha + T) / (alpha + tx)) ** (r + x))
    e = (a + b + x) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x)
                                 * special.hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + T + t)))
    return pa, pa * e


def pred_pareto(par, t, x, tx, T):
    r, alpha, s, beta = par
    ll = pareto_ll(par, x, tx, T) - (special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha) + s * np.log(beta))
    first = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    pa = np.exp(first - ll)
    e = (r + x) * (beta + T) / ((alpha + T) * (s - 1)) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1))
    return pa, pa * e


def pred_bgbb(par, nstar, x, tx, n):
    al, be, ga, de = par
    L = np.exp(bgbb_ll(par, np.array([x]), np.array([tx]), np.array([n]))[0])
    pa = np.exp(special.betaln(al + x, be + n - x) - special.betaln(al, be)
                + special.betaln(ga, de + n + 1) - special.betaln(ga, de)) / L
    e = (1 / L * np.exp(special.betaln(al + x + 1, be + n - x) - special.betaln(al, be)) * de / (ga - 1)
         * np.exp(special.gammaln(ga + de) - special.gammaln(1 + de))
         * (np.exp(special.gammaln(1 + de + n) - special.gammaln(ga + de + n))
            - np.exp(special.gammaln(1 + de + n + nstar) - special.gammaln(ga + de + n + nstar))))
    return pa, e


def new_bg(par, t):
    r, alpha, a, b = par
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * special.hyp2f1(r, b, a + b - 1, t / (alpha + t)))


def new_mbg(par, t):
    r, alpha, a, b = par
    return b / (a - 1) * (1 - (alpha / (alpha + t)) ** r * special.hyp2f1(r, b + 1, a + b, t / (alpha + t)))


def new_pareto(par, t):
    r, alpha, s, beta = par
    return r * beta / (alpha * (s - 1)) * (1 - (beta / (beta + t)) ** (s - 1))


def new_bgbb(par, n):
    al, be, ga, de = par
    return al / (al + be) * de / (ga - 1) * (1 - np.exp(special.gammaln(ga + de) - special.gammaln(ga + de + n)
                                                     + special.gammaln(1 + de + n) - special.gammaln(1 + de)))


def main():
    df = read_cdnow()
    obs_end, hold_end = pd.Timestamp("1997-09-30"), pd.Timestamp("1998-06-30")
    s = summary(df, obs_end, hold_end)
    x, tx, T = (s[c].to_numpy() for c in ("x", "tx", "T"))
    hold_len = (hold_end - obs_end).days / 7
    rep = s[(s["x"] > 0) & (s["m"] > 0)]
    out = {"cdnow": {"holdout_length": hold_len,
                     "spend_frequency_correlation": float(rep["x"].corr(rep["m"])),
                     "spend_frequency_customers": int(len(rep))}}
    models = {"bgnbd": (bg_ll, pred_bg, new_bg, [1, 4, 1, 1]), "mbgnbd": (mbg_ll, pred_mbg, new_mbg, [1, 4, 1, 1]),
              "pareto_nbd": (pareto_ll, pred_pareto, new_pareto, [0.5, 10, 0.5, 10])}
    pick = [0, 1, 2, 5, 17, 44] + [int(i) for i in np.argsort(-x)[:3]]
    for name, (ll, pred, new, start) in models.items():
        par, llv, se = fit(ll, 4, x, tx, T, start=start)
        pa, e = pred(par, hold_len, x, tx, T)
        act = s["holdout"].to_numpy()
        n = len(x)
        entry = {"params": list(par), "log_likelihood": llv, "se": se,
                 "aic": 8 - 2 * llv, "bic": 4 * np.log(n) - 2 * llv,
                 "holdout": {"mae": float(np.mean(np.abs(e - act))), "rmse": float(np.sqrt(np.mean((e - act) ** 2))),
                             "predicted_total": float(e.sum()), "actual_total": float(act.sum())},
                 "customers": [{"id": s.index[i], "x": x[i], "tx": tx[i], "T": T[i], "p_alive": float(pa[i]),
                                "expected_holdout": float(e[i])} for i in pick],
                 "new": [[t, float(new(par, t))] for t in (1.0, 10.0, 39.0, 78.0)]}
        if name == "bgnbd":
            # discounted expected purchases over 6.5 months of 30 days (lifetimes' month), 1 % a month:
            # months 1..6 discounted by 1.01^k, then (6, 6.5] by 1.01^6.5
            upm = 30 / 7
            for c, i in zip(entry["customers"], pick):
                steps = [1, 2, 3, 4, 5, 6, 6.5]
                total, prev = 0.0, 0.0
                for k in steps:
                    cur = pred(par, k * upm, x[i], tx[i], T[i])[1]
                    total += (cur - prev) / 1.01 ** k
                    prev = cur
                c["discounted_6_5_months_30_days"] = float(total)
        out["cdnow"][name] = entry
    # tracking: repeat purchases per 7-day week from 1997-01-01, actual
    d = df.groupby(["cust", "date"]).size().reset_index()[["cust", "date"]]
    first = d.groupby("cust")["date"].transform("min")
    rep = d[d["date"] > first]
    rep = rep[rep["date"] <= hold_end]
    weeks = ((rep["date"] - pd.Timestamp("1997-01-01")).dt.days // 7).value_counts().sort_index()
    out["cdnow"]["tracking_actual"] = [float(weeks.get(k, 0)) for k in range(78)]
    # per-customer holdout columns with a holdout end before the last order
    s2 = summary(df, obs_end, pd.Timestamp("1998-03-31"))
    out["cdnow"]["holdout_end_1998_03_31"] = {
        "length": (pd.Timestamp("1998-03-31") - obs_end).days / 7,
        "customers": [{"id": s2.index[i], "holdout_purchases": float(s2["holdout"].iloc[i]),
                       "holdout_spend": float(s2["holdout_spend"].iloc[i])} for i in range(40)],
        "total_purchases": float(s2["holdout"].sum()), "total_spend": float(s2["holdout_spend"].sum())}
    # calendar weeks (lifetimes' freq "W") and months
    for freq, key in (("W", "week"), ("M", "month")):
        sw = summary(df, obs_end, hold_end, freq=freq)
        out["cdnow"]["period_" + key] = {
            "customers": [{"id": sw.index[i], "x": float(sw["x"].iloc[i]), "tx": float(sw["tx"].iloc[i]),
                           "T": float(sw["T"].iloc[i]), "m": float(sw["m"].iloc[i]),
                           "holdout": float(sw["holdout"].iloc[i])} for i in range(60)]}
    # BG/BB on the donations of Fader, Hardie & Shang (2010)
    don = pd.read_csv(os.path.join(HERE, "donations", "donations.csv"))
    xb, tb, nb, wb = (don[c].to_numpy(dtype=float) for c in ("frequency", "recency", "n", "n_custs"))
    par, llv, se = fit(bgbb_ll, 4, xb, tb, nb, w=wb, start=[1, 1, 1, 1])
    pats = []
    for k in range(len(xb)):
        pa, e = pred_bgbb(par, 5, xb[k], tb[k], nb[k])
        pats.append({"x": xb[k], "tx": tb[k], "n": nb[k], "p_alive": float(pa), "expected_5": float(e)})
    out["donations"] = {"params": list(par), "log_likelihood": llv, "se": se, "patterns": pats,
                        "new": [[t, float(new_bgbb(par, t))] for t in (1.0, 3.0, 6.0, 11.0)]}
    with open(os.path.join(OUT, "purchase_models.json"), "w") as f:
        json.dump(out, f, indent=1, default=float)


if __name__ == "__main__":
    main()
