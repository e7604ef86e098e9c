#!/usr/bin/python3
"""Independent reference scores for value.rfm_scoring = "rfm": RFM scores as the R package rfm makes
them (rsquaredacademy/rfm, rfm_table_order; the binning is the same from 0.1.0 to 0.3.0, the
current release).

Run with Debian's python3 (pandas, numpy): /usr/bin/python3 tests/data/make_rfm_package_reference.py
Writes tests/data/reference/rfm_package.json. Written from rfm's algorithm, sharing no code with
ValueScope:

  R/utils.R bins():        quantile(x, probs = seq(0, 1, length.out = 6)), first and last dropped, + 1
  bins_lower(), bins_upper(): c(min(x), thresholds), c(thresholds, max(x) + 1)
  rfm_prep_bins():         for i in 1..5: score[x >= lower[i] & x < upper[i]] <- i (frequency,
                           monetary) or 6 - i (recency); a later bin overwrites an earlier one
  rfm_prep_table_data():   recency_days = analysis_date - the last order's date,
                           transaction_count = n(), amount = sum(revenue)

R's quantile(type = 7) is written out with R's own arithmetic (index = 1 + (n - 1) p,
(1 - h) x[lo] + h x[hi]) rather than numpy.quantile, whose interpolation differs in the last bit.

Fixtures:
  - mtcars$mpg: rfm's own test (tests/testthat/test-utils.R, "output from bins is as expected")
    asserts bins(mtcars, "mpg", 5) == c(16.20, 18.92, 22.00, 25.08); asserted here too.
  - a small vector with values exactly on thresholds and heavy ties.
  - the CDNOW sample (resources/sample/cdnow_sample.txt), observation end 1997-09-30, summarised
    as ValueScope summarises order lines: one order per customer and day (no invoice column), net
    spend up to the observation end, recency in days since the last order.
"""
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "reference")
SAMPLE = os.path.join(HERE, "..", "..", "resources", "sample")

# R's datasets::mtcars$mpg (Henderson & Velleman 1981, from Motor Trend 1974), in R's row order
MTCARS_MPG = [21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4,
              14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4]


def r_quantile7(x, probs):
    """R's quantile.default(x, probs, type = 7)."""
    x = np.sort(np.asarray(x, dtype=float))
    n = len(x)
    out = []
    for p in probs:
        index = 1.0 + (n - 1) * p
        lo, hi = int(np.floor(index)), int(np.ceil(index))
        q = x[lo - 1]
        if index > lo and x[hi - 1] != q:
            h = index - lo
            q = (1.0 - h) * q + h * x[hi - 1]
        out.append(float(q))
    return out


def r_seq_probs(n_bins):
    """seq(0, 1, length.out = n_bins + 1): c(0, (1:(n-1)) * (1 / n), 1)."""
    by = 1.0 / n_bins
    return [0.0] + [k * by for k in range(1, n_bins)] + [1.0]


def rfm_bins(x, n_bins=5):
    return [q + 1.0 for q in r_quantile7(x, r_seq_probs(n_bins))[1:-1]]


def rfm_scores(x, reverse, n_bins=5):
    x = np.asarray(x, dtype=float)
    thresholds = rfm_bins(x, n_bins)
    lower = [float(np.min(x))] + thresholds
    upper = thresholds + [float(np.max(x)) + 1.0]
    score = np.zeros(len(x), dtype=int)  # NA in R; never left here: the bins cover [min, max + 1)
    for i in range(n_bins):
        inside = (x >= lower[i]) & (x < upper[i])
        score[inside] = (n_bins - i) if reverse else (i + 1)
    return score.tolist(), lower, upper


def cdnow_summary(obs_end):
    df = pd.read_csv(os.path.join(SAMPLE, "cdnow_sample.txt"), sep=r"\s+", header=None,
                     names=["orig", "cust", "date", "cds", "amount"], dtype={"orig": str, "cust": str})
    df["date"] = pd.to_datetime(df["date"].astype(str), format="%Y%m%d")
    cal = df[df["date"] <= obs_end]
    days = cal.groupby(["cust", "date"], sort=False)["amount"].sum().reset_index()
    g = days.groupby("cust", sort=False)
    s = pd.DataFrame({"last": g["date"].max(), "orders": g.size(), "spend": g["amount"].sum()})
    s["recency_days"] = (obs_end - s["last"]).dt.days.astype(float)
    return s


def main():
    ref = {}
    mpg = rfm_bins(MTCARS_MPG)
    assert np.allclose(mpg, [16.20, 18.92, 22.00, 25.08]), mpg  # rfm's tests/testthat/test-utils.R
    scores, lower, upper = rfm_scores(MTCARS_MPG, reverse=False)
    ref["mtcars_mpg"] = {"values": MTCARS_MPG, "thresholds": mpg, "lower": lower, "upper": upper,
                         "scores": scores}

    # values on the thresholds: quantiles 2, 3, 5, 8 (+ 1 = 3, 4, 6, 9), ties at 1 and 5
    edge = [1, 1, 1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 8, 9, 9, 12]
    s_f, lo_f, up_f = rfm_scores(edge, reverse=False)
    s_r, lo_r, up_r = rfm_scores(edge, reverse=True)
    ref["edge_cases"] = {"values": edge, "frequency_scores": s_f, "recency_scores": s_r,
                         "lower": lo_f, "upper": up_f}
    ties = [1] * 12 + [2, 2, 3, 7]
    s_t, lo_t, up_t = rfm_scores(ties, reverse=False)
    ref["ties"] = {"values": ties, "scores": s_t, "lower": lo_t, "upper": up_t}

    obs_end = pd.Timestamp("1997-09-30")
    s = cdnow_summary(obs_end)
    r, lo_r, up_r = rfm_scores(s["recency_days"], reverse=True)
    f, lo_f, up_f = rfm_scores(s["orders"], reverse=False)
    m, lo_m, up_m = rfm_scores(s["spend"], reverse=False)
    ref["cdnow"] = {
        "observation_end": "1997-09-30",
        "customers": s.index.tolist(),
        "recency_days": s["recency_days"].tolist(), "orders": s["orders"].astype(float).tolist(),
        "spend": s["spend"].tolist(),
        "r": r, "f": f, "m": m,
        "recency_lower": lo_r, "recency_upper": up_r,
        "frequency_lower": lo_f, "frequency_upper": up_f,
        "monetary_lower": lo_m, "monetary_upper": up_m,
    }
    with open(os.path.join(OUT, "rfm_package.json"), "w") as fh:
        json.dump(ref, fh)
    print("cdnow: %d customers; thresholds R %s F %s M %s" % (len(s), lo_r[1:], lo_f[1:], lo_m[1:]))


if __name__ == "__main__":
    main()
