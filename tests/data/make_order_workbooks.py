#!/usr/bin/python3
"""Order lines as an XLSX workbook (openpyxl: numbers as numbers, dates as date-formatted cells)
and as a CSV file with the same lines, for tst_order_stream::xlsxIsTheCsvGrouping: the sheet
streamed into the per-customer-day grouping must give what the CSV gives.
Each pair: returns (negative amounts or quantities), cancellations (invoices starting with C),
several invoices a day, lines without customer, date or amount, a blank row, dates long before
and after the others (outside any observation period), a title line above the header.
Run: /usr/bin/python3 tests/data/make_order_workbooks.py
"""
import csv
import datetime as dt
import os
import random

import openpyxl

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "workbooks")


def write(name, header, rows, title=None, number_ids=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Orders"
    if title:
        ws.append([title])
    ws.append(header)
    for r in rows:
        if r is None:
            ws.append([])
            continue
        ws.append(r)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    wb.save(os.path.join(HERE, name + ".xlsx"))
    with open(os.path.join(HERE, name + ".csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        if title:
            w.writerow([title])
        w.writerow(header)
        for r in rows:
            if r is None:
                f.write("\n")
                continue
            w.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else repr(v) if isinstance(v, float) else v
                        for v in r])


d = dt.date
# invoices: quantity x price, C-invoices cancelled, a return by negative quantity
invoices = [
    [1001, "A", d(2024, 1, 1), 2, 10.0, "two"],
    [1001, "A", d(2024, 1, 1), 1, 5.0, "plain"],
    [1002, "A", d(2024, 1, 1), 1, 3.0, "a \"quoted\" word"],
    ["C1003", "A", d(2024, 1, 5), -1, 5.0, "cancelled"],
    None,
    [1004, "A", d(2024, 1, 15), 4, 2.5, None],
    [1005, "B", d(2024, 1, 3), 1, 100, None],
    [1006, "B", d(2024, 1, 3), -2, 10, "return"],
    [1012, None, d(2024, 1, 4), 1, 1, "no customer"],
    [1013, "E", None, 1, 1, "no date"],
    [1014, "E", d(2024, 1, 6), None, 1, "no amount"],
    [1007, "C", d(2024, 2, 10), 1, 50, None],
    [1008, "A", d(2024, 2, 1), 1, 7, "after the end"],
    [1009, "D", d(2019, 1, 20), 1, 40, "long before"],
    [1010, "D", d(2030, 1, 27), 1, 60, "long after"],
    [1011, " D ", d(2024, 1, 31), 1, 20, None],
    [1015, "F\"G", d(2024, 1, 31), 1, 0.1, None],
    [1015, "F\"G", d(2024, 1, 31), 1, 0.2, None],
    [1016, "F\"G", d(2024, 1, 31), 1, 0.3, None],
]
write("order_lines_invoices", ["invoice", "customer", "date", "quantity", "price", "note"], invoices)

# amounts: random lines, returns, blank ids, customers coming back, a title line
rng = random.Random(17)
amounts = []
for i in range(600):
    c = rng.randrange(60)
    cents = rng.randrange(-2000, 20000)
    kind = rng.randrange(40)
    day = d(2022, 6, 1) + dt.timedelta(days=rng.randrange(700))
    row = ["K%d" % c, day, cents / 100, "n%d" % i]
    if kind == 0:
        row[0] = None
    elif kind == 1:
        row[1] = None
    elif kind == 2:
        row[2] = None
    amounts.append(row)
    if kind == 3:
        amounts.append(None)
write("order_lines_amounts", ["customer", "date", "amount", "note"], amounts, title="Web shop orders")

# number ids (a number column in both) and several lines a day
numbers = []
for i in range(300):
    c = rng.randrange(1, 40)
    numbers.append([c, d(2023, 1, 1) + dt.timedelta(days=rng.randrange(60)), rng.randrange(-500, 5000) / 100])
write("order_lines_number_ids", ["customer", "date", "amount"], numbers)
print("written")
