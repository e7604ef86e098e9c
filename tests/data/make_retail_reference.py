#!/usr/bin/python3
"""The real Excel workbook tests/data/retail/online_retail_first_65535_lines.xlsx as pandas
(openpyxl) reads it, column by column, independently of ValueScope.

Run: /usr/bin/python3 tests/data/make_retail_reference.py -> tests/data/retail/reference.json
Per column: missing cells, and for numbers the sum (math.fsum), min and max; for dates the first
and last; for text the number of distinct values (spaces at both ends trimmed, as ValueScope
does). Plus every 997th row's cells as text.
"""
import json
import math
import os

import pandas as pd

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "retail")
df = pd.read_excel(os.path.join(HERE, "online_retail_first_65535_lines.xlsx"))


def shown(v):
    """A cell as a CSV of the sheet would show it (what ValueScope's cellText gives)."""
    if pd.isna(v):
        return ""
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d %H:%M:%S") if (v.hour or v.minute or v.second) else v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, str):
        return v.strip(" ")  # as ValueScope trims a cell's text (as a CSV's unquoted field)
    return str(v)


columns = []
for name in df.columns:
    s = df[name]
    c = {"name": name, "missing": int(s.isna().sum())}
    present = s.dropna()
    if pd.api.types.is_datetime64_any_dtype(s):
        c.update(type="date", first=shown(present.min()), last=shown(present.max()))
    elif pd.api.types.is_numeric_dtype(s):
        c.update(type="number", sum=math.fsum(present.astype(float)), min=float(present.min()),
                 max=float(present.max()))
    else:
        c.update(type="text", distinct=int(present.map(shown).nunique()))
    columns.append(c)
cells = [[r, j, shown(df.iat[r, j])] for r in range(0, len(df), 997) for j in range(df.shape[1])]
with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as f:
    json.dump({"rows": len(df), "columns": columns, "cells": cells}, f, indent=1, ensure_ascii=False)
print("written", os.path.join(HERE, "reference.json"))
