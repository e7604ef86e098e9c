#!/usr/bin/env python3
"""CSV files in every encoding and dialect DESIGN.md section 5 names, written with Python's own
codecs (independent of ValueScope), plus expectations.json describing how each must read.

Run: python3 tests/data/make_csv_fixtures.py
"""
import json
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "csv")
os.makedirs(HERE, exist_ok=True)
expect = {}


def write(name, text, codec="utf-8", newline="\n", **expected):
    data = text.replace("\n", newline).encode(codec)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    expect[name] = expected


CN = "客户编号,收入,成本,城市\nC001,1200.5,300,北京\nC002,980,120.25,上海\nC003,15000,8000,广州\n"
cn_cells = {"rows": 3, "columns": ["客户编号", "收入", "成本", "城市"],
            "types": ["text", "number", "number", "text"],
            "cells": [[0, 3, "北京"], [2, 1, 15000], [1, 2, 120.25]]}
write("utf8.csv", CN, "utf-8", encoding="UTF-8", delimiter=",", decimal=".", header_row=1, **cn_cells)
write("utf8_bom.csv", CN, "utf-8-sig", encoding="UTF-8", **cn_cells)
write("utf8_crlf.csv", CN, "utf-8", newline="\r\n", encoding="UTF-8", **cn_cells)
write("utf16_bom.csv", CN, "utf-16", encoding="UTF-16LE", **cn_cells)
with open(os.path.join(HERE, "utf16be_bom.csv"), "wb") as f:
    f.write(b"\xfe\xff" + CN.encode("utf-16-be"))
expect["utf16be_bom.csv"] = dict(encoding="UTF-16BE", **cn_cells)
write("utf16le_nobom.csv", "id,amount\nA1,10.5\nA2,20\nA3,7.25\n", "utf-16-le", encoding="UTF-16LE",
      rows=3, columns=["id", "amount"], types=["text", "number"], cells=[[2, 1, 7.25]])
GBK_TEXT = ("客户编号,客户名称,收入,成本,满意度\n" +
            "".join(f"K{i:03d},{name},{1000 + i * 37.5},{400 + i * 11},{s}\n"
                    for i, (name, s) in enumerate([("张三", "满意"), ("李四", "不满意"), ("王五", "满意"),
                                                   ("赵六", "一般"), ("孙七", "满意"), ("周八", "不满意"),
                                                   ("吴九", "满意"), ("郑十", "满意")])))
gbk_cells = {"rows": 8, "columns": ["客户编号", "客户名称", "收入", "成本", "满意度"],
             "types": ["text", "text", "number", "number", "text"],
             "cells": [[0, 1, "张三"], [3, 4, "一般"], [1, 2, 1037.5]]}
write("gbk.csv", GBK_TEXT, "gbk", encoding="GB18030", **gbk_cells)
write("gb18030.csv", GBK_TEXT, "gb18030", encoding="GB18030", **gbk_cells)
CP = "Customer;Name;Revenue;Cost\n1001;Müller;1.234,50;€ 200,00\n1002;Françoise;980,75;€ 120,25\n1003;Søren;15.000,00;€ 8.000,00\n1004;Zoë;12,5;€ 3,00\n"
write("cp1252_semicolon_decimal_comma.csv", CP, "cp1252", encoding="WINDOWS-1252", delimiter=";", decimal=",",
      rows=4, columns=["Customer", "Name", "Revenue", "Cost"], types=["number", "text", "number", "number"],
      cells=[[0, 1, "Müller"], [0, 2, 1234.5], [2, 2, 15000], [2, 3, 8000], [3, 2, 12.5], [1, 1, "Françoise"]])
write("tab.tsv", "id\trevenue\tcost\nx1\t100\t20\nx2\t200.5\t30\nx3\t50\t60\n", delimiter="\t", rows=3,
      columns=["id", "revenue", "cost"], types=["text", "number", "number"], cells=[[1, 1, 200.5]])
write("pipe.csv", "id|revenue|cost\nx1|100|20\nx2|200.5|30\n", delimiter="|", rows=2,
      columns=["id", "revenue", "cost"], types=["text", "number", "number"], cells=[[0, 2, 20]])
write("thousands_currency_percent.csv",
      'id,revenue,margin,discount\nA,"$1,234.50",35%,(12.00)\nB,"$12,000",12.5%,-3\nC,"¥ 980",0.5%,0\nD,"1,000,000.25",100%,"(1,500)"\n',
      delimiter=",", decimal=".", rows=4, columns=["id", "revenue", "margin", "discount"],
      types=["text", "number", "number", "number"],
      cells=[[0, 1, 1234.5], [1, 1, 12000], [2, 1, 980], [3, 1, 1000000.25], [0, 2, 0.35], [1, 2, 0.125],
             [0, 3, -12], [3, 3, -1500]])
write("quoted_newlines.csv",
      'id,note,revenue\n1,"first line\nsecond line",10\n2,"has ""quotes"", and comma",20\n3,plain,30\n',
      rows=3, columns=["id", "note", "revenue"], types=["number", "text", "number"],
      cells=[[0, 1, "first line\nsecond line"], [1, 1, 'has "quotes", and comma'], [2, 2, 30]],
      row_numbers=[2, 4, 5])
write("ragged_blank_lines.csv", "id,revenue,cost\n\nA,10,1\nB,20\n\nC,30,3,extra\nD,40,4\n\n",
      rows=4, columns=["id", "revenue", "cost"], types=["text", "number", "number"],
      cells=[[1, 2, None], [2, 1, 30], [3, 2, 4]], warnings=["fewer fields", "more fields"])
write("duplicate_empty_headers.csv", "id,revenue,revenue,,cost\nA,1,2,3,4\nB,5,6,7,8\n",
      rows=2, columns=["id", "revenue", "revenue (2)", "column 4", "cost"],
      types=["text", "number", "number", "number", "number"], cells=[[1, 2, 6]],
      warnings=["no name", "repeat"])
write("title_lines.csv", "Customer export\nCreated 2024-05-01\nid,revenue,cost,orders\nA,10,1,2\nB,20,2,3\nC,30,3,4\n",
      header_row=3, rows=3, columns=["id", "revenue", "cost", "orders"], cells=[[2, 3, 4]])
write("no_header.csv", "A,10.5,1\nB,20,2\nC,30,3\n", header_row=0, rows=3,
      columns=["column 1", "column 2", "column 3"], types=["text", "number", "number"], cells=[[0, 1, 10.5]])
write("missing_values.csv", "id,revenue,cost\nA,10,NA\nB,,2\nC,N/A,3\nD,null,-\nE,5,#N/A\n",
      rows=5, types=["text", "number", "number"], cells=[[0, 2, None], [1, 1, None], [4, 1, 5]])
write("dates.csv",
      "id,iso,slash_dmy,dot,us,cn,compact\n"
      "A,2024-01-31,31/01/2024,31.01.2024,1/31/2024 8:26,2024年1月31日,20240131\n"
      "B,2023-12-05,05/12/2023,05.12.2023,12/5/2023 17:00,2023年12月5日,20231205\n"
      "C,2024-02-29,29/02/2024,29.02.2024,2/29/2024 0:00,2024年2月29日,20240229\n",
      rows=3, types=["text", "date", "date", "date", "date", "date", "number"],
      dates=[[0, 1, "2024-01-31"], [1, 2, "2023-12-05"], [2, 3, "2024-02-29"], [0, 4, "2024-01-31 08:26:00"],
             [1, 5, "2023-12-05"]])
write("text_in_numbers.csv", "id,revenue,cost\nA,10,1\nB,abc,2\nC,30,3\nD,oops,4\n", rows=4,
      types=["text", "text", "number"], numeric_error={"column": "revenue", "row": 3, "value": "abc"})
write("leading_zero_ids.csv", "id,revenue\n00012,5\n00013,6\n", rows=2, types=["text", "number"],
      cells=[[0, 0, "00012"]])
write("spaces_around.csv", "id , revenue , cost\n A , 10 , 1 \n B , 20 , 2 \n", rows=2,
      columns=["id", "revenue", "cost"], types=["text", "number", "number"], cells=[[0, 0, "A"], [1, 1, 20]])
write("whitespace_columns.txt", " 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n 00002 19970112  5   77.00\n",
      delimiter=" ", header_row=0, rows=3, types=["text", "number", "number", "number"],
      cells=[[0, 0, "00001"], [2, 3, 77]])
write("excel_sep_line.csv", "sep=;\nid;revenue;cost\nA;10,5;1\nB;20;2\n", delimiter=";", header_row=2, rows=2,
      columns=["id", "revenue", "cost"], types=["text", "number", "number"], cells=[[0, 1, 10.5]],
      row_numbers=[3, 4])
write("single_column.csv", "revenue\n10\n20\n30\n", rows=3, columns=["revenue"], types=["number"])
# bad files: each needs a clear message
bad = {}
def write_bad(name, data, message, row=None):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    bad[name] = {"message": message, "row": row}
write_bad("bad_unclosed_quote.csv", b'id,note\n1,ok\n2,"never closed\n3,x\n', "never closed", 3)
write_bad("bad_empty.csv", b"", "empty")
write_bad("bad_only_blank_lines.csv", b"\n\n\r\n", "empty")
write_bad("bad_binary.csv", bytes(range(256)) * 4, "binary")
write_bad("bad_zip_named_csv.csv", b"PK\x03\x04" + b"\x00" * 60, "workbook")
expect["__bad__"] = bad
with open(os.path.join(HERE, "expectations.json"), "w", encoding="utf-8") as f:
    json.dump(expect, f, indent=1, ensure_ascii=False)
print(len(expect) - 1, "good files and", len(bad), "bad files in", HERE)
