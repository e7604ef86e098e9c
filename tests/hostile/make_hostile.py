#!/usr/bin/python3
"""Hostile files of issue 20 ("Readers that survive hostile files"), made at test time into
OUTDIR: each like the file the fuzzing found (small ones byte for byte as described, big ones
generated here rather than committed). Used by tst_hostile (what the readers say) and by
check_hostile.sh (the program under `ulimit -v 4000000`: exit code, message, time, memory).
Run: /usr/bin/python3 tests/hostile/make_hostile.py OUTDIR
"""
import os
import random
import struct
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- XLSX
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')


def xlsx(name, sheet_chunks, shared=None):
    """sheet_chunks: the sheet's XML as an iterable of bytes (big sheets are streamed)."""
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/styles.xml", STYLES)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for chunk in sheet_chunks:
                f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def sheet(rows_xml, dimension="A1:B3"):
    yield ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<dimension ref="%s"/><sheetData>' % dimension)
    yield from rows_xml
    yield "</sheetData></worksheet>"


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


HEAD = '<row r="1">' + inline("A1", "id") + inline("B1", "revenue") + "</row>"

# Item 4: an ordinary workbook whose dimension claims A1:A1048576, with long text in the first
# rows: room for a million rows of that text was asked for at once (~63 GB).
xlsx("dimension_claims_a_million_rows.xlsx", sheet(
    [HEAD] + ['<row r="%d">%s<c r="B%d"><v>%d</v></c></row>' % (r, inline("A%d" % r, "note %d " % r + "x" * 60000), r, r)
              for r in range(2, 1002)], dimension="A1:A1048576"))

# Item 7: a tag holding a 200 MB attribute (the scanner read it again from its start with every
# 256 KB piece: 31 s); the text is varied enough that the part is no zip bomb (compressed ~40:1, a 5 MB file).
rng = random.Random(7)
blocks = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(1024)) for _ in range(8)]
MEGABYTE = "".join(rng.choice(blocks) for _ in range(1024))  # 1 MiB of them, written again and again


def attribute_sheet(size):
    yield ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<sheetData>')
    yield HEAD
    yield '<row r="2"><c r="A2" t="inlineStr" note="'
    for _ in range(size >> 20):
        yield MEGABYTE
    yield '"><is><t>c1</t></is></c><c r="B2"><v>5</v></c></row></sheetData></worksheet>'


xlsx("attribute_200mb.xlsx", attribute_sheet(200 << 20))
xlsx("attribute_20mb.xlsx", attribute_sheet(20 << 20))  # long, but within what a token may be: it reads

# Item 8: text that is not UTF-8, and a character reference to no character
SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="3"><si><t>id</t></si><si><t>revenue</t></si><si><t>%s</t></si></sst>'
ROWS_S = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
          '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>10</v></c></row>']
xlsx("latin1_shared_string.xlsx", sheet(ROWS_S), (SST % "M\xfcller").encode("latin-1"))
xlsx("surrogate_reference.xlsx", sheet(ROWS_S), SST % "A&#xD800;B")
xlsx("latin1_inline_string.xlsx", sheet([HEAD, ('<row r="2">' + inline("A2", "M\xfcller") + '<c r="B2"><v>3</v></c></row>').encode("latin-1")]))

# Item 9: a row number at INT64_MAX, then rows without numbers; a date serial of 1e300
xlsx("row_number_int64_max.xlsx", sheet([HEAD, '<row r="9223372036854775807">' + inline("A2", "c1") + '<c><v>1</v></c></row>',
                                         '<row>' + inline("A3", "c2") + '<c><v>2</v></c></row>']))
xlsx("date_serial_1e300.xlsx", sheet([HEAD, '<row r="2">' + inline("A2", "c1") + '<c r="B2" s="1"><v>1e300</v></c></row>',
                                      '<row r="3">' + inline("A3", "c2") + '<c r="B3" s="1"><v>45000</v></c></row>']))

# Rows never ended: the second row's cells went into the columns and were never counted, so a
# column was one cell longer than the table (found by fuzz_xlsx)
xlsx("rows_never_ended.xlsx", sheet([HEAD, '<row r="2">' + inline("A2", "c1") + '<c r="B2"><v>1</v></c>',
                                     '<row r="3">' + inline("A3", "c2")]))

# The budget: one 32 KB shared string in every cell of 16,384 columns (a few KB of XML per row
# asks for 512 MB per row)
wide_refs = "".join('<c t="s"><v>0</v></c>' for _ in range(16384))
xlsx("shared_string_everywhere.xlsx", sheet(['<row r="%d">%s</row>' % (r, wide_refs) for r in range(1, 41)], "A1:XFD40"),
     '<sst uniqueCount="1"><si><t>%s</t></si></sst>' % ("s" * 32767))

# CPU without memory: a shared string of 32,767 spaces in every cell of 170 rows of 16,384
# columns (trimmed for every cell, each to nothing: ~90 GB scanned, a minute, from a 150 KB file;
# 170 rows keep the sheet under 64 MB, where a compression ratio this high is taken for a zip bomb)
xlsx("spaces_everywhere.xlsx", sheet([HEAD] + ['<row r="%d">%s</row>' % (r, wide_refs) for r in range(2, 172)], "A1:XFD171"),
     '<sst uniqueCount="1"><si><t>%s</t></si></sst>' % (" " * 32767))

# ---------------------------------------------------------------- ODS (item 5)
ODS = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
       'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
       '<table:table table:name="S">%s</table:table></office:spreadsheet></office:body></office:document-content>')
OHEAD = ('<table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell>'
         '<table:table-cell office:value-type="string"><text:p>v</text:p></table:table-cell></table:table-row>')


def ods(name, body):
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", ODS % body)


ods("repeats_multiplied.ods", OHEAD + '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
    'table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>')
ods("spaces_in_the_sample.ods", '<table:table-row table:number-rows-repeated="1000"><table:table-cell '
    'table:number-columns-repeated="16384"><text:p>a' + '<text:s text:c="1000"/>' * 30 + 'x</text:p></table:table-cell></table:table-row>')
ods("blank_cells_repeated.ods", OHEAD + '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
    'table:number-columns-repeated="16384"><text:p>' + '<text:s text:c="1000"/>' * 30 + '</text:p></table:table-cell></table:table-row>')
ods("rows_repeated_1e9.ods", OHEAD + '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
    'office:value-type="string"><text:p>c</text:p></table:table-cell><table:table-cell office:value-type="float" '
    'office:value="1"/></table:table-row>')
ods("rows_repeated_int64_max.ods", OHEAD + '<table:table-row table:number-rows-repeated="9223372036854775807"><table:table-cell/>'
    '</table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>c9</text:p></table:table-cell>'
    '<table:table-cell office:value-type="float" office:value="9"/></table:table-row>')
ods("spaces_in_one_cell.ods", OHEAD + '<table:table-row><table:table-cell><text:p>' + '<text:s text:c="1000"/>' * 40000 +
    '</text:p></table:table-cell></table:table-row>')
# the same long attribute in an ODS (expat, too, parsed an unfinished token again with every
# piece: 100 MB took 21 s)
def ods_attribute(name, megabytes):
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        head, tail = (ODS % (OHEAD + '<table:table-row><table:table-cell office:value-type="string" note="@"><text:p>c1'
                             '</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="4"/>'
                             '</table:table-row>')).split("@")
        with z.open("content.xml", "w", force_zip64=True) as f:
            f.write(head.encode())
            for _ in range(megabytes):
                f.write(MEGABYTE.encode())
            f.write(tail.encode())


ods_attribute("attribute_100mb.ods", 100)
ods_attribute("attribute_20mb.ods", 20)
ods("repeats_kept.ods", OHEAD + '<table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="string">'
    '<text:p>same</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2"/></table:table-row>'
    '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>')

# ---------------------------------------------------------------- XLS (item 3): edits of an xlwt file
with open(os.path.join(ROOT, "tests", "data", "workbooks", "xlwt.xls"), "rb") as f:
    XLS = f.read()
# offsets in xlwt.xls's Workbook stream (it is stored in order from byte 512): the second sheet's
# DIMENSIONS at 2088, its margins (4 records of 12 bytes) at 2166, SETUP (38 bytes) at 2214; the
# first sheet's at 1746, 1824 and 1872; the first FORMAT record at 984; the directory at 5120


def dims(rw0, rw1, c0, c1):
    return struct.pack("<HHIIHHH", 0x200, 14, rw0, rw1, c0, c1, 0)


def filler(n):
    return struct.pack("<HH", 0x00EF, n - 4) + b"\0" * (n - 4)


def edit(d, off, blob):
    return d[:off] + blob + d[off + len(blob):]


write("second_dimensions.xls", edit(XLS, 2166, dims(0, 0x7FFFFFFF, 0, 0xFFFF) + filler(6)))  # a 24-byte edit
d = XLS
for off, size in [(1824, 24), (1848, 24), (1872, 38), (2166, 24), (2190, 24), (2214, 38)]:
    d = edit(d, off, dims(0, 65536, 0, 256) + filler(size - 18))  # 256 MB a grid
write("repeated_dimensions.xls", d)
d = XLS
for e in range(4):
    d = edit(d, 5120 + 128 * e + 64, struct.pack("<H", 0xFFFF))  # directory entries' name lengths
write("directory_names.xls", d)
write("format_strings.xls", edit(edit(XLS, 984 + 6, struct.pack("<H", 0xFFFF)), 1000 + 6, struct.pack("<H", 0xFFFF)))
write("rows_no_columns.xls", edit(edit(XLS, 1746, dims(0, 2400000000, 0, 0)), 2088, dims(0, 2400000000, 0, 0)))

# ---------------------------------------------------------------- CSV
write("wide_header_short_rows.csv", ",".join("c%d" % i for i in range(16000)) + "\n" + "1\n" * 200000)
write("line_of_fields.csv", "id,v\nc1,1\nc2,2" + ",x" * (2 << 20) + "\nc3,3\n")  # fields past 16,384: left out

# an ordinary file too large for the memory it is given (check_hostile.sh runs it under
# `ulimit -v 200000`): a bad_alloc, said as such
with open(os.path.join(OUT, "too_large_for_memory.csv"), "w") as f:
    f.write("id,revenue,cost\n")
    f.writelines("C%07d,%d.%02d,%d\n" % (i, i % 9973, i % 97, i % 991) for i in range(2000000))

# ---------------------------------------------------------------- project (item 6)
write("customers.csv", "id,revenue,cost\nc1,10,2\nc2,20,5\nc3,30,7\n")
write("deep_nesting.valuescope.json",
      '{"valuescope": 1, "source": {"path": "customers.csv", "columns": {"customer": "id", "revenue": "revenue", '
      '"cost": "cost"}}, "baseline": {"segments": {"count": 2}}, "notes": ' + "[" * 100000 + "]" * 100000 + "}")
