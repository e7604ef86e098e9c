#!/usr/bin/python3
"""Workbooks written by independent writers (openpyxl, xlwt, odfpy) and broken ones, with
expectations.json saying how each must read. Run: /usr/bin/python3 tests/data/make_workbook_fixtures.py
"""
import datetime as dt
import io
import json
import os
import zipfile

import openpyxl
import openpyxl.chart
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableProperties
from odf.table import Table, TableCell, TableRow
from odf.text import P

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "workbooks")
os.makedirs(HERE, exist_ok=True)
expect = {}

HEADER = ["客户编号", "收入", "成本", "首次购买", "城市", "会员"]
ROWS = [
    ["C001", 1200.5, 300, dt.date(2023, 1, 15), "北京", True],
    ["C002", 980, 120.25, dt.date(2023, 2, 28), "上海", False],
    ["C003", None, 8000, dt.date(2024, 2, 29), None, True],      # blank cells
    ["C004", 0.1, 0.2, dt.date(1999, 12, 31), "广州", False],
]
EXPECT_COMMON = {
    "rows": 4, "columns": HEADER, "types": ["text", "number", "number", "date", "text", "text"],
    "cells": [[0, 1, 1200.5], [1, 2, 120.25], [2, 1, None], [3, 1, 0.1], [0, 4, "北京"], [2, 4, None],
              [0, 5, "TRUE"]],
    "dates": [[0, 3, "2023-01-15"], [2, 3, "2024-02-29"], [3, 3, "1999-12-31"]],
}


def xlsx_openpyxl():
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes["A1"] = "Exported from the CRM on 2024-05-01. The data are on the next sheet."
    hidden = wb.create_sheet("Calc")
    hidden["A1"] = 1
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("客户")
    ws.append(HEADER)
    for r in ROWS:
        ws.append(r)
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for c in row:
            c.number_format = "yyyy-mm-dd"
    # a sparse row further down: row 8 with a gap in the columns
    ws["A8"] = "C005"
    ws["C8"] = 42
    wb.save(os.path.join(HERE, "openpyxl.xlsx"))
    e = dict(EXPECT_COMMON, rows=5, sheets=["Notes", "Calc", "客户"], hidden_sheets=["Calc"])
    e["cells"] = e["cells"] + [[4, 0, "C005"], [4, 2, 42], [4, 1, None]]
    e["row_numbers"] = [2, 3, 4, 5, 8]
    expect["openpyxl.xlsx"] = dict(e, sheet="客户")
    # the first visible sheet is taken when none is named
    expect["openpyxl.xlsx#default"] = {"file": "openpyxl.xlsx", "sheet": "", "read_sheet": "Notes", "rows": 0}


def xlsx_1904_and_types():
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Data"
    ws.append(["id", "when", "amount", "flag", "formula", "pct"])
    ws.append(["a", dt.datetime(2024, 3, 5, 14, 30, 0), 12.5, True, "=C2*2", 0.35])
    ws.append(["b", dt.datetime(1905, 1, 1, 0, 0, 0), -3, False, "=C3*2", 0.125])
    ws["B2"].number_format = "yyyy-mm-dd hh:mm:ss"
    ws["B3"].number_format = "[$-409]d-mmm-yyyy"
    ws["F2"].number_format = "0%"
    wb.save(os.path.join(HERE, "date1904.xlsx"))
    # openpyxl stores formulas without a cached result: those cells read as empty
    expect["date1904.xlsx"] = {"rows": 2, "types": ["text", "date", "number", "text", "number", "number"],
                               "dates": [[0, 1, "2024-03-05 14:30:00"], [1, 1, "1905-01-01"]],
                               "cells": [[0, 2, 12.5], [1, 2, -3], [0, 5, 0.35], [0, 3, "TRUE"]]}


def xlsx_shared_strings_by_hand():
    """Shared strings, cells without r attributes, t="str", t="e" and a rich-text string, as Excel writes them."""
    files = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/sharedStrings.xml": '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5"><si><t>customer</t></si><si><t>revenue</t></si><si><r><t>Zhang </t></r><r><rPr><b/></rPr><t>San</t></r></si><si><t>note</t></si><si><t xml:space="preserve"> spaced </t><rPh><t>ignored</t></rPh></si></sst>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>3</v></c></row>'
            '<row><c t="s"><v>2</v></c><c><v>1234.5</v></c><c t="str"><f>A1</f><v>text result</v></c></row>'
            '<row><c t="s"><v>4</v></c><c t="e"><v>#DIV/0!</v></c><c t="inlineStr"><is><t>inline</t></is></c></row>'
            '</sheetData></worksheet>',
    }
    with zipfile.ZipFile(os.path.join(HERE, "excel_style.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    expect["excel_style.xlsx"] = {"rows": 2, "columns": ["customer", "revenue", "note"],
                                  "types": ["text", "number", "text"],
                                  "cells": [[0, 0, "Zhang San"], [0, 1, 1234.5], [1, 1, None], [0, 2, "text result"],
                                            [1, 2, "inline"], [1, 0, "spaced"]],
                                  "warnings": ["Excel errors"]}


def xlsx_crm_report():
    """A report as CRMs export it: a merged, styled title over the table, a blank row, the header on
    row 3, a data column without a name, a stray note, numbers stored as text, and past the first thousand rows
    (where the header is looked for) text in a number column, a date written as text and a gap."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "报表"
    ws["A1"] = "客户价值报表 2024"
    ws.merge_cells("A1:F1")
    for c in "ABCDEF":
        ws[f"{c}1"].font = openpyxl.styles.Font(bold=True)  # written as styled empty cells
    for c, h in enumerate(["客户", "金额", "备注", "日期", "等级"], start=1):
        ws.cell(3, c, h)
    start = dt.date(2020, 1, 1)
    for i in range(1500):
        r = 4 + i + (10 if i >= 1200 else 0)  # ten empty rows after the 1200th customer
        ws.cell(r, 1, f"K{i:05d}")
        amount = i * 10 + 0.5
        ws.cell(r, 2, f"{amount:,.2f}" if i % 7 == 0 else amount)  # some typed in as text: "7,000.50"
        ws.cell(r, 3, "VIP" if i == 1100 else 2.5e-7 if i == 5 else i / 4)
        d = ws.cell(r, 4, "2024-03-01" if i == 1300 else start + dt.timedelta(days=i))
        d.number_format = "yyyy-mm-dd"
        ws.cell(r, 5, i % 5)
        if i % 3 == 0:
            ws.cell(r, 6, "x")
        if i == 500:
            ws.cell(r, 26, "a stray note far to the right")  # not a column of its own
    wb.save(os.path.join(HERE, "crm_report.xlsx"))
    expect["crm_report.xlsx"] = {
        "header_row": 3, "rows": 1500,
        "columns": ["客户", "金额", "备注", "日期", "等级", "column 6"],
        "types": ["text", "number", "text", "date", "number", "text"],
        # the numbers of a column that also holds text read as a CSV of the sheet shows them
        "cells": [[0, 1, 0.5], [7, 1, 70.5], [700, 1, 7000.5], [1499, 1, 14990.5],
                  [0, 2, "0"], [3, 2, "0.75"], [5, 2, "2.5e-07"], [1100, 2, "VIP"], [1400, 2, "350"],
                  [0, 5, "x"], [1, 5, None], [1200, 4, 0]],
        "dates": [[0, 3, "2020-01-01"], [1299, 3, (start + dt.timedelta(days=1299)).isoformat()],
                  [1300, 3, "2024-03-01"]],
        "row_numbers_at": [[0, 4], [1199, 1203], [1200, 1214], [1499, 1513]],
        "warnings": ["1 line(s) above the header row were skipped", "1 column(s) have no name",
                     "1 row(s) have more fields than the header (first: row 504)"],
    }
    # a preview stops after its rows
    expect["crm_report.xlsx#preview"] = {"file": "crm_report.xlsx", "max_rows": 10, "rows": 10,
                                         "columns": ["客户", "金额", "备注", "日期", "等级", "column 6"]}


def xlsx_chart_sheet_first():
    """A chart sheet in front of the data: the first visible *worksheet* is read."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "数据"
    ws.append(["客户", "收入"])
    ws.append(["A", 1.5])
    ws.append(["B", 2.5])
    chart_sheet = wb.create_chartsheet("图表", 0)
    chart = openpyxl.chart.BarChart()
    chart.add_data(openpyxl.chart.Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    chart_sheet.add_chart(chart)
    wb.save(os.path.join(HERE, "chart_first.xlsx"))
    expect["chart_first.xlsx"] = {"sheets": ["图表", "数据"], "read_sheet": "数据", "rows": 2,
                                  "types": ["text", "number"], "cells": [[1, 1, 2.5]]}


def xls_xlwt():
    wb = xlwt.Workbook(encoding="utf-8")
    notes = wb.add_sheet("Notes")
    notes.write(0, 0, "see the next sheet")
    ws = wb.add_sheet("客户")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for c, h in enumerate(HEADER):
        ws.write(0, c, h)
    for r, row in enumerate(ROWS, start=1):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, dt.date):
                ws.write(r, c, dt.datetime(v.year, v.month, v.day), date_style)
            else:
                ws.write(r, c, v)
    wb.save(os.path.join(HERE, "xlwt.xls"))
    e = dict(EXPECT_COMMON, sheets=["Notes", "客户"], sheet="客户")
    e["types"] = ["text", "number", "number", "date", "text", "number"]  # xlwt writes booleans as numbers
    e["cells"] = [c for c in e["cells"] if c[1] != 5]
    expect["xlwt.xls"] = e


def ods_odfpy():
    doc = OpenDocumentSpreadsheet()
    hidden_style = Style(name="hiddenTable", family="table")
    hidden_style.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hidden_style)
    hidden = Table(name="Hidden", stylename=hidden_style)
    tr = TableRow()
    tc = TableCell(valuetype="string")
    tc.addElement(P(text="secret"))
    tr.addElement(tc)
    hidden.addElement(tr)
    doc.spreadsheet.addElement(hidden)
    t = Table(name="客户")

    def cell(v):
        if v is None:
            return TableCell()
        if isinstance(v, bool):
            c = TableCell(valuetype="boolean", booleanvalue="true" if v else "false")
            c.addElement(P(text="TRUE" if v else "FALSE"))
            return c
        if isinstance(v, (int, float)):
            c = TableCell(valuetype="float", value=repr(v))
            c.addElement(P(text=str(v)))
            return c
        if isinstance(v, dt.date):
            c = TableCell(valuetype="date", datevalue=v.isoformat())
            c.addElement(P(text=v.strftime("%d/%m/%Y")))
            return c
        c = TableCell(valuetype="string")
        c.addElement(P(text=str(v)))
        return c

    for row in [HEADER] + ROWS:
        tr = TableRow()
        for v in row:
            tr.addElement(cell(v))
        t.addElement(tr)
    # two repeated rows of data, then a huge run of empty rows and columns as LibreOffice writes
    tr = TableRow(numberrowsrepeated=2)
    for v in ["C009", 5, 1, dt.date(2020, 1, 1), "杭州", True]:
        tr.addElement(cell(v))
    t.addElement(tr)
    tr = TableRow(numberrowsrepeated=1048000)
    tr.addElement(TableCell(numbercolumnsrepeated=1024))
    t.addElement(tr)
    doc.spreadsheet.addElement(t)
    doc.save(os.path.join(HERE, "odfpy.ods"))
    e = dict(EXPECT_COMMON, rows=6, sheets=["Hidden", "客户"], hidden_sheets=["Hidden"], sheet="客户")
    e["cells"] = e["cells"] + [[4, 0, "C009"], [5, 0, "C009"], [5, 1, 5]]
    expect["odfpy.ods"] = e
    # a preview stops taking rows but still lists every sheet
    expect["odfpy.ods#preview"] = {"file": "odfpy.ods", "max_rows": 2, "rows": 2, "sheets": ["Hidden", "客户"],
                                   "hidden_sheets": ["Hidden"]}


def bad_files():
    bad = {}
    good = open(os.path.join(HERE, "openpyxl.xlsx"), "rb").read()
    with open(os.path.join(HERE, "bad_truncated.xlsx"), "wb") as f:
        f.write(good[: len(good) // 2])
    bad["bad_truncated.xlsx"] = "damaged"
    # zip bomb: a sheet of 3 GiB of zeros in a few MiB
    with zipfile.ZipFile(os.path.join(HERE, "bad_zip_bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as w:
            chunk = b"\0" * (1 << 24)
            for _ in range(192):
                w.write(chunk)
    bad["bad_zip_bomb.xlsx"] = "zip bomb"
    # XML entity bomb ("billion laughs") in the shared strings
    lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)) + \
        ']><sst><si><t>&lol9;</t></si></sst>'
    with zipfile.ZipFile(os.path.join(HERE, "bad_entity_bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]:
            z.writestr(name, zipfile.ZipFile(os.path.join(HERE, "excel_style.xlsx")).read(name))
        z.writestr("xl/sharedStrings.xml", lol)
        z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row><c t="s"><v>0</v></c></row></sheetData></worksheet>')
    bad["bad_entity_bomb.xlsx"] = "entity bomb"
    with open(os.path.join(HERE, "bad_not_a_workbook.xlsx"), "wb") as f:
        f.write(b"\x00\x01\x02garbage" * 100)
    bad["bad_not_a_workbook.xlsx"] = "not one"
    with open(os.path.join(HERE, "bad_random.xls"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x42" * 5000)
    bad["bad_random.xls"] = "damaged"
    with zipfile.ZipFile(os.path.join(HERE, "bad_plain_zip.xlsx"), "w") as z:
        z.writestr("readme.txt", "hello")
    bad["bad_plain_zip.xlsx"] = "not an Excel"
    # a CSV that was given an .xlsx name: read as the text it is
    with open(os.path.join(HERE, "csv_named.xlsx"), "w", encoding="utf-8") as f:
        f.write("id,revenue\nA,1\nB,2\n")
    expect["csv_named.xlsx"] = {"format": "csv", "rows": 2, "types": ["text", "number"]}
    expect["__bad__"] = bad


xlsx_openpyxl()
xlsx_1904_and_types()
xlsx_shared_strings_by_hand()
xlsx_crm_report()
xlsx_chart_sheet_first()
xls_xlwt()
ods_odfpy()
bad_files()
with open(os.path.join(HERE, "expectations.json"), "w", encoding="utf-8") as f:
    json.dump(expect, f, indent=1, ensure_ascii=False)
print("workbooks written to", HERE)
