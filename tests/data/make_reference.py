#!/usr/bin/python3
"""Independent reference numbers for the formula tests, computed with pandas/numpy.

Run with Debian's interpreter: /usr/bin/python3 tests/data/make_reference.py
It writes tests/data/reference/*.csv (inputs) and *.json (expected results). The C++ tests
compare ValueScope against these files; nothing here uses ValueScope's code.
"""
import json
import math
import os

import numpy as np
import pandas as pd

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference")
os.makedirs(HERE, exist_ok=True)
rng = np.random.default_rng(42)


def clean(x):
    """JSON value: NaN -> None, numpy -> python."""
    if isinstance(x, (list, tuple, np.ndarray, pd.Series)):
        return [clean(v) for v in x]
    if x is None:
        return None
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return None if math.isnan(x) else float(x)
    return x


def dump(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)


# ---------------------------------------------------------------- S2: pandas.qcut
def qcut_cases():
    cases = {
        "uniform_1000_q4": (rng.uniform(-50, 500, 1000), 4),
        "lognormal_997_q5": (rng.lognormal(4, 1, 997), 5),
        "lognormal_2000_q10": (rng.lognormal(3, 1.2, 2000), 10),
        "integers_with_ties_q4": (rng.integers(0, 12, 500).astype(float), 4),
        "heavy_ties_at_zero_q4": (np.concatenate([np.zeros(700), rng.uniform(1, 100, 300)]), 4),
        "ties_in_middle_q4": (np.concatenate([rng.uniform(0, 10, 100), np.full(300, 10.0), rng.uniform(10, 99, 100)]), 4),
        "with_missing_q4": (np.where(rng.random(300) < 0.1, np.nan, rng.normal(100, 30, 300)), 4),
        "one_customer_q4": (np.array([42.0]), 4),
        "two_customers_q4": (np.array([5.0, 7.5]), 4),
        "three_customers_q4": (np.array([3.0, -1.0, 8.0]), 4),
        "three_customers_q2": (np.array([3.0, -1.0, 8.0]), 2),
        "decimal_prices_q3": (np.round(rng.uniform(0, 100, 301), 2), 3),
        "q7_odd": (rng.normal(0, 1, 123), 7),
        # numpy's lerp computes from the upper end when the fraction is >= 0.5: visible in the last bit
        "lerp_turnaround_q4": (np.array([0.1, 0.3, 0.7, 1.3, 2.9, 3.1, 0.2, 0.6, 1.1]), 4),
        "lerp_turnaround_q4_b": (np.array([0.3, 2.4, 0.2, 1.6, 1.6, 3.6, 2.3, 0.3, 5.0, 4.4, 4.6]), 4),
    }
    out = {}
    for name, (values, q) in cases.items():
        s = pd.Series(values)
        try:
            codes, bins = pd.qcut(s, q, labels=False, retbins=True, duplicates="drop")
            codes = [None if pd.isna(c) else int(c) for c in codes]
            bins = list(bins)
        except (ValueError, IndexError) as e:  # pandas gives up (e.g. a single distinct value)
            codes, bins = None, None
        edges = s.quantile(np.linspace(0, 1, q + 1)).tolist()
        out[name] = {"values": clean(values), "q": q, "edges": clean(edges),
                     "unique_edges": clean(bins) if bins is not None else None, "codes": codes}
    # the seed's own call, with its labels (no ties)
    s = pd.Series(rng.uniform(0, 1000, 400))
    labels = ["Low", "Medium", "High", "Very High"]
    out["seed_labels"] = {"values": clean(s.values), "q": 4, "labels": labels,
                          "segments": [str(v) for v in pd.qcut(s, q=4, labels=labels)]}
    dump("qcut.json", out)


# ---------------------------------------------------------------- customer formulas
def customers():
    n = 400
    df = pd.DataFrame({
        "customer": [f"K{i:04d}" for i in range(n)],
        "revenue": np.round(rng.lognormal(5, 0.8, n), 2),
        "cost": np.round(rng.lognormal(4.5, 0.7, n), 2),
        "lifetime": np.round(rng.uniform(0.5, 6, n), 1),
        "orders": rng.integers(1, 40, n).astype(float),
        "average_spend": np.round(rng.lognormal(3.5, 0.5, n), 2),
        "p1": np.round(rng.uniform(50, 500, n), 2), "p2": np.round(rng.uniform(50, 500, n), 2),
        "p3": np.round(rng.uniform(50, 500, n), 2), "p4": np.round(rng.uniform(50, 500, n), 2),
        "c1": np.round(rng.uniform(10, 300, n), 2), "c2": np.round(rng.uniform(10, 300, n), 2),
        "c3": np.round(rng.uniform(10, 300, n), 2), "c4": np.round(rng.uniform(10, 300, n), 2),
        "q_product": rng.integers(1, 6, n).astype(float), "q_service": rng.integers(1, 6, n).astype(float),
        "q_price": rng.integers(1, 6, n).astype(float),
        "purchases": rng.integers(0, 30, n).astype(float),
        "feedback": np.round(rng.uniform(0, 10, n), 1),
        "need": rng.choice(["satisfied", "unsatisfied", ""], n, p=[0.5, 0.4, 0.1]),
        "inquiry": rng.choice(["satisfied", "unsatisfied"], n, p=[0.7, 0.3]),
    })
    # the awkward cases each get a defined behaviour
    df.loc[5, "cost"] = np.nan          # missing cost -> no value, no segment
    df.loc[9, "cost"] = -20.0           # negative cost -> used as given
    df.loc[13, "lifetime"] = 0.0        # zero lifetime -> no value per lifetime
    df.loc[17, "q_service"] = np.nan    # missing indicator -> no score
    df.loc[21, "p3"] = np.nan           # missing period -> no discounted value
    dup = df.iloc[[30]].copy()
    dup["revenue"] = 99999.0            # a repeated id: the first row counts
    df = pd.concat([df, dup], ignore_index=True)
    df.to_csv(os.path.join(HERE, "customers.csv"), index=False)

    d = df.drop_duplicates("customer", keep="first").reset_index(drop=True)
    r = 0.08
    P = [d[f"p{t}"] for t in range(1, 5)]
    C = [d[f"c{t}"] for t in range(1, 5)]
    dclv = sum((P[t] - C[t]) / (1 + r) ** (t + 1) for t in range(4))
    cvs = sum(P[t] / (1 + r) ** (t + 1) for t in range(4))
    cvs_score = 100 * (cvs - cvs.min()) / (cvs.max() - cvs.min())
    ref_id = "K0007"
    w = {"q_product": 0.5, "q_service": 0.3, "q_price": 0.2}
    sat_count = (w["q_product"] * d.q_product + w["q_service"] * d.q_service + w["q_price"] * d.q_price) / 3
    wl = {"purchases": 2.0, "revenue": 1.0, "feedback": 1.5}
    mm = {c: (d[c] - d[c].min()) / (d[c].max() - d[c].min()) for c in wl}
    loy_weights_mm = (wl["purchases"] * mm["purchases"] + wl["revenue"] * mm["revenue"]
                      + wl["feedback"] * mm["feedback"]) / sum(wl.values())
    values = {
        "profit": d.revenue - d.cost,
        "profit_per_lifetime": ((d.revenue - d.cost) / d.lifetime).where(d.lifetime > 0),
        "frequency_x_spend": d.orders * d.average_spend,
        "discounted_clv": dclv,
        "discounted_revenue": cvs,
    }
    expected = {"customers": list(d.customer), "rate": r, "models": {}, "cvb_reference": ref_id}
    for model, v in values.items():
        labels = ["Low", "Medium", "High", "Very High"]
        seg = pd.qcut(v, 4, labels=labels)
        total = v.sum()
        expected["models"][model] = {
            "value": clean(v.values),
            "segment": [None if pd.isna(s) else str(s) for s in seg],
            "segments": {l: {"count": int((seg == l).sum()), "total_value": clean(v[seg == l].sum()),
                             "mean_value": clean(v[seg == l].mean())} for l in labels},
            "total_value": clean(total), "mean_value": clean(v.mean()),
            "stats": {"count": int(v.count()), "mean": clean(v.mean()), "median": clean(v.median()),
                      "variance": clean(v.var()), "std": clean(v.std()), "min": clean(v.min()),
                      "max": clean(v.max())},
        }
    expected["models"]["discounted_revenue"]["cvs_score"] = clean(cvs_score.values)
    expected["models"]["discounted_revenue"]["cvb_mean"] = clean((cvs / cvs.mean()).values)
    expected["models"]["discounted_revenue"]["cvb_customer"] = clean((cvs / cvs[d.customer == ref_id].iloc[0]).values)
    expected["scores"] = {
        "satisfaction_count": clean(sat_count.values),
        "satisfaction_weights": clean(((w["q_product"] * d.q_product + w["q_service"] * d.q_service
                                        + w["q_price"] * d.q_price) / sum(w.values())).values),
        "loyalty_minmax_weights": clean(loy_weights_mm.values),
    }
    expected["weighted_score_segments"] = [None if pd.isna(s) else str(s)
                                           for s in pd.qcut(sat_count, 4, labels=["Low", "Medium", "High", "Very High"])]
    nonempty = d.need[d.need.fillna("") != ""]
    expected["rates"] = {"need": clean((nonempty == "satisfied").mean()),
                         "inquiry": clean((d.inquiry == "satisfied").mean())}
    expected["input_stats"] = {c: {"count": int(d[c].count()), "mean": clean(d[c].mean()),
                                   "median": clean(d[c].median()), "variance": clean(d[c].var()),
                                   "std": clean(d[c].std()), "min": clean(d[c].min()), "max": clean(d[c].max())}
                               for c in ["revenue", "cost", "lifetime", "orders", "q_service", "feedback"]}
    # thresholds: pandas.cut with right-closed bins and the lowest edge included
    edges = [-1000, 0, 100, 300, 100000]
    th = pd.cut(values["profit"], edges, labels=["Loss", "Small", "Medium", "Large"], include_lowest=True)
    expected["thresholds"] = {"edges": edges, "segment": [None if pd.isna(s) else str(s) for s in th]}
    dump("customers.json", expected)


# ---------------------------------------------------------------- S11: campaigns
def campaigns():
    n = 25
    df = pd.DataFrame({"campaign": [f"Campaign {i}" for i in range(n)],
                       "sales": np.round(rng.uniform(1000, 50000, n), 2),
                       "cost": np.round(rng.uniform(500, 20000, n), 2)})
    df.loc[3, "cost"] = 0.0  # ROI undefined
    df.to_csv(os.path.join(HERE, "campaigns.csv"), index=False)
    effect = df.sales - df.cost
    roi = (effect / df.cost).where(df.cost != 0)
    dump("campaigns.json", {"effect": clean(effect.values), "roi": clean(roi.values),
                            "mean_effect": clean(effect.mean()), "total_effect": clean(effect.sum())})


# ---------------------------------------------------------------- end-to-end: a weight edit on the sample
def sample_weight_edit():
    sample = os.path.join(os.path.dirname(HERE), "..", "..", "resources", "sample", "customers.csv")
    d = pd.read_csv(sample)
    out = {}
    for name, w in {"before": (0.5, 0.3, 0.2), "after": (0.8, 0.3, 0.2)}.items():
        score = (w[0] * d.q_product + w[1] * d.q_service + w[2] * d.q_delivery) / 3
        codes = pd.qcut(score, 4, labels=False, duplicates="drop")
        out[name] = [int((codes == k).sum()) for k in range(int(codes.max()) + 1)]
    dump("sample_weight_edit.json", out)


qcut_cases()
customers()
campaigns()
sample_weight_edit()
print("reference files written to", HERE)
