#!/usr/bin/python3
"""Seed corpora for the fuzz harnesses (fuzz/corpus/<harness>/), from the test fixtures and the
issue-20 reproducers, kept small (libFuzzer mutates small inputs faster). Files named
regression-* are inputs a harness found a bug with, kept by hand (not made here). Run from anywhere:
/usr/bin/python3 fuzz/make_corpus.py   (the corpus is committed; run again when fixtures change)
"""
import hashlib
import io
import json
import os
import struct
import subprocess
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "tests", "data")
MAX = 64 << 10


def put(harness, data, name=None):
    d = os.path.join(HERE, "corpus", harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX:
        return
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


# ---------------------------------------------------------------- csv
for f in sorted(os.listdir(os.path.join(DATA, "csv"))):
    if f != "expectations.json":
        put("csv", read(os.path.join(DATA, "csv", f)), f)
put("csv", read(os.path.join(ROOT, "resources", "sample", "customers.csv"))[:8000], "sample_head.csv")
put("csv", "id,a\n" + "\"x\"\"y\"z,1\n" * 3, "quote_then_text.csv")
put("csv", "," * 20000 + "\n1\n2\n", "wide_header.csv")            # columns past 16,384
put("csv", "id,name\nc1,Anna\nc2," + "\x80" * 40 + "\n", "continuation_bytes.csv")
put("csv", "\ufeffsep=;\nid;v\n1;2,5\n", "sep_line_bom.csv")

# ---------------------------------------------------------------- orders (fuzz_orders)
# One byte of options first (bit 0: quantity x price with invoices, else amount; bits 1-3: chunk
# size 1, 2, 5, 13, 64, 300, 4096 bytes or 4 MiB; bit 4: two threads; bits 5-6: how much is read
# first), then the order lines.
INVOICES = ("invoice,customer,date,quantity,price,note\n"
            "1001,A,2024-01-01,2,10.00,\"two\nlines\"\n"
            "1001,A,2024-01-01,1,5.00,plain\n"
            "1002,A,2024-01-01,1,3.00,\"a \"\"quoted\"\" word\"\n"
            "C1003,A,2024-01-05,-1,5.00,cancelled\n"
            "\n"
            "1004,A,2024-01-15,4,2.50,\n"
            "1005,B,2024-01-03,1,100,\n"
            "1006,B,2024-01-03,-2,10,return\n"
            "1012,,2024-01-04,1,1,no customer\n"
            "1013,E,,1,1,no date\n"
            "1014,E,2024-01-06,,1,no amount\n"
            "1007,C,2024-02-10,1,50\n"
            "1008,A,2024-02-01,1,7,\"after\r\nthe end\"\n"
            "1011,\"D\",2024-01-31,1,20,\n"
            "1015,\"F\"\"G\",2024-01-31,1,0.1,escaped id\n"
            "1016,\"F\"\"G\",2024-01-31,1,0.3,extra,fields\n")
AMOUNTS = ("customer,date,amount,note\r\n"
           "K1,2023-01-05,12.50,n1\r\n"
           "K2,2023-01-05,-3.00,\"multi\nline, \"\"note\"\"\"\r\n"
           ",2023-02-01,4,blank id\r\n"
           "\r\n"
           "K1,2023-01-05,7.25,\r\n"
           "K1,2023-03-09,1e2,\r\n"
           "K3,2023-13-01,5,bad month\r\n"
           "K3,2024-02-29,5,leap\r\n")
opts = [0x00, 0x02, 0x04 | 0x10, 0x08 | 0x10 | 0x20, 0x0A | 0x40, 0x0C | 0x10, 0x0E | 0x60]
for i, o in enumerate(opts):
    put("orders", bytes([o | 1]) + INVOICES.encode(), "invoices.%d" % i)
    put("orders", bytes([o]) + AMOUNTS.encode(), "amounts.%d" % i)
put("orders", bytes([0x04 | 0x10]) + read(os.path.join(DATA, "over_time", "orders.csv"))[:6000], "over_time_head.csv")
put("orders", bytes([0x06 | 0x10]) + "\ufeffcustomer;date;amount\na;31.01.2024;1.234,50\nb;01.02.2024;12,25\n"
    "a;02.02.2024;-3,5\nc;1.2.2024;7\n".encode(), "european")
put("orders", bytes([0x08 | 0x10]) + b"Orders export\ncustomer,date,amount\nx,1/31/2024,10\ny,2/1/2024,20\n"
    b"x,2/3/2024,30\nz,12/30/2024 10:15,5\n", "us_title_line")
put("orders", bytes([0x02 | 0x10]) + b"customer,date,amount\n7,2024-01-01,1\n8,2024-01-02,2\n7,20240103,3\n", "number_ids_compact_date")
put("orders", bytes([0x0A]) + b"customer,date,amount\na,3/4/2024,1\nb,13/4/2024,2\n", "day_first_late")
# bit 7: the lines as an XLSX sheet ("#N" a date-styled serial, "@t" a shared string, "!" a boolean)
put("orders", bytes([0x80]) + b"customer,date,amount,note\nK1,#45000,12.5,@n1\nK2,#45000.75,-3,\n,#45001,4,blank id\n\n"
    b"K1,#45000,7.25\n@K1,#45060,100,shared id\nK3,2024-02-29,5,text date\nK4,#45010,NA\n", "xlsx.amounts")
put("orders", bytes([0x81]) + b"invoice,customer,date,quantity,price\n1001,7,#45000,2,10\n1001,7,#45000,1,5\n"
    b"C1002,7,#45003,-1,5\n1003,8,#45003,-2,10\n1004,,#45004,1,1\n1005,9,,1,1\n1006,9,#45005,,1\n", "xlsx.invoices")
put("orders", bytes([0x80]) + b"Orders\ncustomer,date,amount\n1,3/4/2024,1\n2,13/4/2024,2\n1,#45100,3\n", "xlsx.title_slash_dates")
put("orders", bytes([0x80]) + b"customer,date,amount,flag\na,#45000,1,!1\nb,#45001,2,!0,extra\na,#60000,3,\n", "xlsx.booleans_extra")
put("orders", bytes([0x04 | 0x10]) + b"customer\tdate\tamount\n\"a\nb\"\t2024-01-01\t1\n\"a\nb\"\t2024-01-01\t2\n", "tabs_quoted_id")

# ---------------------------------------------------------------- xlsx (raw) and ods
for f in sorted(os.listdir(os.path.join(DATA, "workbooks"))):
    if f.endswith((".xlsx", ".ods")):
        put("xlsx", read(os.path.join(DATA, "workbooks", f)), f)


def sheet_and_strings(path):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    sheets = sorted(n for n in names if n.startswith("xl/worksheets/sheet"))
    sst = z.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else b""
    return [(z.read(s), sst) for s in sheets]


for f in ["openpyxl.xlsx", "date1904.xlsx", "excel_style.xlsx", "chart_first.xlsx", "crm_report.xlsx"]:
    for i, (sheet, sst) in enumerate(sheet_and_strings(os.path.join(DATA, "workbooks", f))):
        put("xlsx_sheet", sheet + (b"\n====\n" + sst if sst else b""), "%s.%d" % (f, i))
        put("xml", bytes([7]) + sheet, "%s.%d" % (f, i))
        if sst:
            put("xml", bytes([13]) + sst, "%s.sst" % f)

SHEET = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<dimension ref="A1:B%s"/><sheetData>%s</sheetData></worksheet>')
rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>revenue</t></is></c></row>' + \
       "".join('<row r="%d"><c r="A%d" t="s"><v>1</v></c><c r="B%d" s="1"><v>%d</v></c></row>' % (r, r, r, 45000 + r)
               for r in range(2, 6))
SST = '<sst uniqueCount="2"><si><t>id</t></si><si><t>%s</t></si></sst>'
put("xlsx_sheet", SHEET % ("1048576", rows) + "\n====\n" + SST % ("x" * 2000), "dimension_claims_a_million_rows")
put("xlsx_sheet", SHEET % ("5", rows.replace(">1<", ">&#xD800;<", 1)) + "\n====\n" + SST % "y", "surrogate_reference")
put("xlsx_sheet", (SHEET % ("5", rows)).encode() + b"\n====\n" + (SST % "bad \xff byte").encode("latin-1"),
    "latin1_shared_string")
put("xlsx_sheet", SHEET % ("3", '<row r="9223372036854775807"><c><v>1</v></c></row><row><c><v>2</v></c></row>'),
    "row_number_at_int64_max")
put("xlsx_sheet", SHEET % ("3", '<row r="1"><c><v>id</v></c><c><v>d</v></c></row>'
                           '<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c s="1"><v>1e300</v></c></row>'),
    "date_serial_1e300")
put("xlsx_sheet", SHEET % ("1", '<row r="1"><c r="XFD1"><v>1</v></c></row>' +
                           "".join('<row><c><v>%d</v></c></row>' % r for r in range(40))), "header_at_column_xfd")
put("xml", bytes([5]) + ('<sheetData><row><c r="A1" t="inlineStr"><is><t>' + "&" * 3000 + '</t></is></c></row></sheetData>').encode(),
    "ampersands_without_semicolons")
put("xml", bytes([3]) + b'<sheetData><row><c r="A1" note="' + b"a" * 20000 + b'"><v>1</v></c></row></sheetData>',
    "long_attribute")

# ODS content.xml
z = zipfile.ZipFile(os.path.join(DATA, "workbooks", "odfpy.ods"))
content = z.read("content.xml")
put("ods", content, "odfpy.content.xml")
ODS = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
       'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
       '<table:table table:name="S">%s</table:table></office:spreadsheet></office:body></office:document-content>')
HEAD = ('<table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>v</text:p></table:table-cell></table:table-row>')
put("ods", ODS % (HEAD + '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
                  'table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>'),
    "repeats_multiplied")
put("ods", ODS % (HEAD + '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
                  'office:value-type="float" office:value="1"/></table:table-row>'), "rows_repeated_1e9")
put("ods", ODS % ('<table:table-row table:number-rows-repeated="900"><table:table-cell table:number-columns-repeated="200">'
                  '<text:p>' + '<text:s text:c="1000"/>' * 20 + 'x</text:p></table:table-cell></table:table-row>'),
    "spaces_repeated_in_the_sample")
put("ods", ODS % (HEAD + '<table:table-row table:number-rows-repeated="9223372036854775807"><table:table-cell '
                  'office:value-type="float" office:value="2"/></table:table-row><table:table-row><table:table-cell '
                  'office:value-type="float" office:value="3"/></table:table-row>'), "rows_repeated_int64_max")
put("ods", ODS % (HEAD + '<table:table-row><table:table-cell office:value-type="date" office:date-value="2024-01-05"/>'
                  '<table:table-cell office:value-type="boolean" office:boolean-value="true"/></table:table-row>'),
    "value_types")

# ---------------------------------------------------------------- xls
for f in sorted(os.listdir(os.path.join(DATA, "workbooks"))):
    if f.endswith(".xls"):
        put("xls", read(os.path.join(DATA, "workbooks", f)), f)
XLS = read(os.path.join(DATA, "workbooks", "xlwt.xls"))


def dims(rw0, rw1, c0, c1):
    return struct.pack("<HHIIHHH", 0x200, 14, rw0, rw1, c0, c1, 0)


def filler(n):
    return struct.pack("<HH", 0x00EF, n - 4) + b"\0" * (n - 4)


def edit(d, off, blob):
    return d[:off] + blob + d[off + len(blob):]


put("xls", edit(XLS, 2166, dims(0, 0x7FFFFFFF, 0, 0xFFFF) + filler(6)), "second_dimensions")
put("xls", edit(XLS, 984 + 6, struct.pack("<H", 0xFFFF)), "format_string")
put("xls", edit(XLS, 5120 + 64, struct.pack("<H", 0xFFFF)), "directory_name")
put("xls", edit(edit(XLS, 1746, dims(0, 2400000000, 0, 0)), 2088, dims(0, 2400000000, 0, 0)), "rows_no_columns")


def output(*msgs):
    return b"".join(msgs)


def s(text):
    b = text.encode()
    return struct.pack("<I", len(b)) + b


put("xls", output(b"H" + struct.pack("<I", 1), b"S" + s("Sheet1"), b"C" + struct.pack("<I", 0),
                  b"D" + struct.pack("<IH", 3, 2), b"R" + struct.pack("<I", 0), b"T" + struct.pack("<H", 0) + s("id"),
                  b"T" + struct.pack("<H", 1) + s("v"), b"R" + struct.pack("<I", 1), b"T" + struct.pack("<H", 0) + s("a"),
                  b"N" + struct.pack("<Hd", 1, 2.5), b"P" + struct.pack("<I", 2), b"Z"), "reader_output")
put("xls", output(b"H" + struct.pack("<I", 1), b"S" + s("S"), b"C" + struct.pack("<I", 0),
                  b"D" + struct.pack("<IH", 2400000000, 0), b"Z"), "reader_output_rows_no_columns")

# ---------------------------------------------------------------- project
for f in ["sample.valuescope.json", "cdnow.valuescope.json"]:
    put("project", read(os.path.join(ROOT, "resources", "sample", f)), f)
sample = json.loads(read(os.path.join(ROOT, "resources", "sample", "sample.valuescope.json")))
with_baseline = dict(sample, baseline={"value": sample.get("value", {}), "segments": sample.get("segments", {})})
put("project", json.dumps(with_baseline, ensure_ascii=False, indent=1), "with_baseline.json")
deep = json.dumps(dict(sample, baseline={"segments": sample.get("segments", {})}))[:-1] + ', "x": ' + "[" * 5000 + "]" * 5000 + "}"
put("project", deep, "deep_array_next_to_baseline.json")
print("corpora:", {h: len(os.listdir(os.path.join(HERE, "corpus", h))) for h in sorted(os.listdir(os.path.join(HERE, "corpus")))})
