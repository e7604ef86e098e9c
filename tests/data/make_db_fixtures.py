#!/usr/bin/python3
"""Order lines with returns, cancellations and invoices for the database tests (issue 18):
tests/data/db/returns_lines.csv, made from the CDNOW sample. tests/db/load_fixtures.py loads the
same file into PostgreSQL and ClickHouse, and tst_database compares the engines' per-customer
output with the file-based run of this file. Every rule of the file path's order-line grouping
(core/analytics/transactions.cpp) gets lines: a negative amount, a negative quantity, an invoice
starting with C or c (with a positive amount), a line without an invoice, several invoices on a
day, amounts with three decimals, a customer with only returns, a customer whose first purchase
falls after the observation end, and days with returns only."""
from pathlib import Path

import pandas as pd

root = Path(__file__).resolve().parents[2]
df = pd.read_csv(root / "resources/sample/cdnow_sample.txt", sep=r"\s+", header=None, dtype=str)
rows = []
for i, r in enumerate(df.itertuples(index=False)):
    customer, date, qty, amount = r[1], r[2], int(r[3]), float(r[4])
    date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    invoice = f"I{i // 2:05d}"  # two lines of an invoice, sometimes on one customer's day
    if i % 7 == 0:
        amount = round(amount + 0.005, 3)  # three decimals
    if i % 13 == 0:
        amount = -amount                    # a return written with a negative amount
    if i % 17 == 0:
        invoice = "C" + invoice             # a cancellation with a positive amount
    elif i % 19 == 0:
        invoice = "c" + invoice
    elif i % 31 == 0:
        invoice = ""                        # no invoice: counts as one
    if i % 23 == 0:
        qty = -qty                          # a return given by its quantity
    rows.append((customer, date, invoice, qty, amount))
    if i % 11 == 0:                         # a second invoice on the same day
        rows.append((customer, date, f"J{i:05d}", 1, 1.1))
    if i % 29 == 0:                         # a day with a return only, the next day
        d = (pd.Timestamp(date) + pd.Timedelta(days=1)).strftime("%Y-%m-%d")
        rows.append((customer, d, f"C{i:05d}", -1, -2.35))
rows += [
    ("99001", "1997-03-01", "C90001", -1, -10.0),   # only returns
    ("99001", "1997-04-01", "C90002", 1, 5.5),
    ("99002", "1997-11-15", "I90003", 2, 30.25),    # first purchase after the observation end
    ("99002", "1998-01-20", "I90004", 1, 12.125),
]
out = pd.DataFrame(rows, columns=["customer", "order_date", "invoice", "quantity", "amount"])
dest = root / "tests/data/db/returns_lines.csv"
dest.parent.mkdir(parents=True, exist_ok=True)
out.to_csv(dest, index=False)
print("wrote", dest, len(out), "lines")
