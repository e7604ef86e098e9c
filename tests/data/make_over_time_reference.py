#!/usr/bin/python3
"""Independent reference numbers for issue 19 (over time), from pandas group-bys only.

Run: /usr/bin/python3 tests/data/make_over_time_reference.py -> tests/data/over_time/orders.csv (made
here from a seeded generator: 900 customers acquired over two years, repeat purchases until they drop
out, about 3% of the lines returns with a negative amount) and tests/data/reference/over_time.json,
for the project tests/data/over_time/orders.valuescope.json.
A line with a negative amount is a return: it counts in the spend and revenue, never as a purchase.

- period_migration between 1997-06-30 and 1997-12-31 for two segmentations of the 'rfm' model:
  "rfm_rules" (RFM scores by pandas.qcut of the ranks, method="first", rules of the project file, first
  match wins, "Others" otherwise) and "quantile" (pandas.qcut of the spend into Low, Medium, High, Very High).
  Customers whose first order lies after `from` are the row "(new)"; those after `to` are left out.
  `lapsed`: in a segment at `from`, no purchase in (from, to] (per segment, and per row of the matrix with
  the sum of their spend as of `to`); `value`: the sum of the spend as of `to` of each cell's customers. Early warnings: spend as of `from` at least
  numpy.quantile(…, 0.75) of the customers there, and the segment at `to` has a lower mean spend per
  customer (as of `from`) than the one at `from`.
- cohorts by month and by quarter of the first purchase, up to the last order: size, active customers
  and revenue in period k after the cohort's.
"""
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
project = json.load(open(os.path.join(HERE, "over_time", "orders.valuescope.json")))
rules = [(r["name"], r["r"], r["f"], r["m"]) for r in project["segments"]["rules"]]
labels_rules = [r[0] for r in rules] + ["Others"]
labels_q = ["Low", "Medium", "High", "Very High"]



def generate():
    rng = np.random.default_rng(19)
    start, days = pd.Timestamp("2023-01-01"), 730
    lines = []
    for i in range(900):
        t = float(rng.integers(0, days))
        rate, life = rng.gamma(2.0, 1 / 60), rng.exponential(300)
        spend = rng.lognormal(3.5, 0.6)
        end = t + life
        while t < min(end, days):
            amount = round(float(spend * rng.lognormal(0, 0.3)), 2)
            lines.append((f"C{i:04d}", start + pd.Timedelta(days=int(t)), amount))
            if rng.random() < 0.03:  # a return, some days later
                back = int(t + rng.integers(0, 20))
                if back < days:
                    lines.append((f"C{i:04d}", start + pd.Timedelta(days=back), -round(amount / 2, 2)))
            t += rng.exponential(1 / rate)
    df = pd.DataFrame(lines, columns=["customer", "date", "amount"]).sort_values(["date", "customer"], kind="stable")
    df.to_csv(os.path.join(HERE, "over_time", "orders.csv"), index=False, date_format="%Y-%m-%d")


generate()
df = pd.read_csv(os.path.join(HERE, "over_time", "orders.csv"), parse_dates=["date"])
buy = df.amount >= 0
order = list(dict.fromkeys(df.customer))  # customers in order of first appearance


def state(end):
    """Per customer (order of appearance, only those with a purchase up to `end`): recency, days, spend."""
    cal = df[df.date <= end]
    g = cal[cal.amount >= 0].groupby("customer")
    s = pd.DataFrame({"recency": (end - g.date.max()).dt.days.astype(float),
                      "frequency": g.date.nunique().astype(float)})
    s["spend"] = cal.groupby("customer").amount.sum().reindex(s.index)
    return s.reindex([c for c in order if c in s.index])


def rfm_segments(s):
    def rank_q(x, reverse):
        codes = pd.qcut(x.rank(method="first"), 5, labels=False)
        return (5 - codes if reverse else codes + 1).astype(int)
    R, F, M = rank_q(s.recency, True), rank_q(s.frequency, False), rank_q(s.spend, False)

    def seg(r, f, m):
        for name, rr, ff, mm in rules:
            if rr[0] <= r <= rr[1] and ff[0] <= f <= ff[1] and mm[0] <= m <= mm[1]:
                return name
        return "Others"
    return pd.Series([seg(a, b, c) for a, b, c in zip(R, F, M)], index=s.index)


def quantile_segments(s):
    codes, edges = pd.qcut(s.spend, 4, labels=False, retbins=True)
    assert len(np.unique(edges)) == 5
    return codes.map(lambda k: labels_q[k])


def migration(make, labels, start, end):
    a, b = state(start), state(end)
    sa, sb = make(a), make(b)
    rows = labels + ["(new)"]
    moved = pd.DataFrame(0, index=rows, columns=labels)
    value = pd.DataFrame(0.0, index=rows, columns=labels)
    for c in b.index:
        moved.loc[sa[c] if c in sa.index else "(new)", sb[c]] += 1
        value.loc[sa[c] if c in sa.index else "(new)", sb[c]] += b.spend[c]
    bought_between = set(df[buy & (df.date > start) & (df.date <= end)].customer)
    gone = [c for c in a.index if c not in bought_between]
    lapsed = pd.Series(0, index=rows).add(sa[gone].value_counts(), fill_value=0).reindex(rows)
    lapsed_value = pd.Series(0.0, index=rows).add(b.spend[gone].groupby(sa[gone]).sum(), fill_value=0.0).reindex(rows)
    segs = []
    for l in labels:
        who_a, who_b = sa.index[sa == l], sb.index[sb == l]
        segs.append({"segment": l, "from_count": len(who_a), "to_count": len(who_b),
                     "from_value": float(a.spend[who_a].sum()), "to_value": float(b.spend[who_b].sum()),
                     "lapsed": int(sum(c not in bought_between for c in who_a))})
    worth = a.spend.groupby(sa).mean()
    worth_to = b.spend.groupby(sb).mean()
    top = np.quantile(a.spend, 0.75)
    warn = [c for c in a.index
            if a.spend[c] >= top and sa[c] != sb[c]
            and worth.get(sb[c], worth_to[sb[c]]) < worth.get(sa[c], worth_to[sa[c]])]
    return {"from": start.strftime("%Y-%m-%d"), "to": end.strftime("%Y-%m-%d"),
            "from_segments": rows, "to_segments": labels, "moved": moved.values.tolist(),
            "value": value.values.tolist(), "lapsed": [int(v) for v in lapsed],
            "lapsed_value": [float(v) for v in lapsed_value],
            "changed": int(sum(sa[c] != sb[c] for c in a.index)), "segments": segs,
            "valuable_from": float(top), "early_warnings": warn}


def cohorts(period):
    lines = df.copy()
    lines["period"] = lines.date.dt.to_period("M" if period == "month" else "Q")
    first = lines[buy].groupby("customer").period.min()
    lines["cohort"] = lines.customer.map(first)
    end = lines.period.max()
    lines = lines[lines.cohort.notna()]
    lines["k"] = [(p - c).n for p, c in zip(lines.period, lines.cohort)]
    lines = lines[lines.k >= 0]  # returns before the first purchase belong to no cohort
    rows = []
    for cohort, g in lines.groupby("cohort"):
        n = (end - cohort).n + 1
        active = g[g.amount >= 0].groupby("k").customer.nunique().reindex(range(n), fill_value=0)
        revenue = g.groupby("k").amount.sum().reindex(range(n), fill_value=0.0)
        name = str(cohort) if period == "month" else f"{cohort.year}-Q{cohort.quarter}"
        rows.append({"cohort": name, "size": int(g.customer.nunique()),
                     "active": [int(v) for v in active], "revenue": [float(v) for v in revenue]})
    return {"period": period, "rows": rows}


start, end = pd.Timestamp(project["snapshots"]["from"]), pd.Timestamp(project["snapshots"]["to"])
ref = {"rfm_rules": migration(rfm_segments, labels_rules, start, end),
       "quantile": migration(quantile_segments, labels_q, start, end),
       "cohorts_month": cohorts("month"), "cohorts_quarter": cohorts("quarter")}
out = os.path.join(HERE, "reference", "over_time.json")
with open(out, "w") as f:
    json.dump(ref, f, indent=1)
print("written", out)
