#!/usr/bin/python3
"""What `valuescope run bench-project.json --out` does, in pandas: python3 pandas_same_work.py IN OUT"""
import sys

import pandas as pd

d = pd.read_csv(sys.argv[1])
d = d.drop_duplicates("customer_id", keep="first")
value = d["revenue"] - d["cost"]
score = (0.5 * d["q_product"] + 0.3 * d["q_service"] + 0.2 * d["q_delivery"]) / 3
labels = ["Low", "Medium", "High", "Very High"]
segment = pd.qcut(value, 4, labels=labels)
strategy = segment.map({"Low": "Develop", "Medium": "Retain", "High": "Maintain", "Very High": "Maintain"})
out = pd.DataFrame({"customer": d["customer_id"], "value": value, "segment": segment,
                    "strategy": strategy, "satisfaction": score})
out.to_csv(sys.argv[2], index=False)
