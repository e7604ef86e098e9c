#!/usr/bin/env bash
# An XLSX order log (issue 17): `valuescope run` (RFM project) on a sheet of LINES order lines
# (default 1,000,000, near the most rows a sheet holds; bench_btyd's generator, written as Excel
# writes it: customer ids as shared strings, dates as date-formatted serials, amounts as numbers),
# with the sheet's rows grouped as they stream in, against the table path (the whole sheet read
# as a table, then grouped; VALUESCOPE_ORDER_STREAM=0) and against the same lines as CSV. Best
# of 3 each, peak memory from /usr/bin/time -v; the outputs are checked to be the same first.
# Usage: [VALUESCOPE=path] bench/order-lines-xlsx.sh [LINES]
# Run it under the build lock on a shared machine: flock /tmp/vs-build.lock bench/order-lines-xlsx.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
vs=${VALUESCOPE:-$root/build/app/valuescope}
n=${1:-1000000}
work=${TMPDIR:-/tmp}/valuescope-xlsx-orders
mkdir -p "$work"
csv="$work/order_lines_$n.csv"
xlsx="$work/order_lines_$n.xlsx"
[[ -f $csv ]] || "$root/build/bench/make_order_lines" "$n" "$csv" 1 2> "$csv.info"
[[ -f $xlsx ]] || /usr/bin/python3 - "$csv" "$xlsx" <<'PY'
import csv, datetime, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
epoch = datetime.date(1899, 12, 30)
ids, rows = {}, []
with open(src, newline="") as f:
    r = csv.reader(f)
    header = next(r)
    for c, d, a in r:
        k = ids.setdefault(c, len(ids))
        serial = (datetime.date.fromisoformat(d) - epoch).days
        rows.append('<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" s="1"><v>%d</v></c><c r="C%d"><v>%s</v></c></row>'
                    % (len(rows) + 2, len(rows) + 2, k, len(rows) + 2, serial, len(rows) + 2, a))
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
head = '<row r="1">' + "".join('<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (col, h) for col, h in zip("ABC", header)) + "</row>"
sheet = '<?xml version="1.0" encoding="UTF-8"?><worksheet %s><dimension ref="A1:C%d"/><sheetData>%s%s</sheetData></worksheet>' % (
    ns, len(rows) + 1, head, "".join(rows))
sst = '<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d" uniqueCount="%d">%s</sst>' % (
    ns, len(rows), len(ids), "".join("<si><t>%s</t></si>" % i for i in ids))
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook %s xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>' % ns)
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet %s><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>' % ns)
    z.writestr("xl/sharedStrings.xml", sst)
    z.writestr("xl/worksheets/sheet1.xml", sheet)
PY
for f in csv xlsx; do
  sed "s|\"order_lines.csv\"|\"order_lines_$n.$f\"|" "$here/order-lines-project.json" > "$work/project_$f.json"
done
run() { # LABEL ENV PROJECT
  local best=999 rss=0 t s e
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    env $2 /usr/bin/time -v -o "$work/time.txt" "$vs" run "$work/$3" --out "$work/out_$1.csv" > /dev/null
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  done
  printf "| %s | %.2f s | %.0f MB |\n" "$1" "$best" "$(echo "$rss / 1024" | bc -l)"
}
echo "$n order lines: CSV $(du -m "$csv" | cut -f1) MB, XLSX $(du -m "$xlsx" | cut -f1) MB ($(cat "$csv.info"))"
echo "| | valuescope run (best of 3) | peak memory |"
echo "|---|---|---|"
run xlsx-streamed VALUESCOPE_ORDER_STREAM=1 project_xlsx.json
run xlsx-table VALUESCOPE_ORDER_STREAM=0 project_xlsx.json
run csv-streamed VALUESCOPE_ORDER_STREAM=1 project_csv.json
cmp -s "$work/out_xlsx-streamed.csv" "$work/out_xlsx-table.csv" || { echo "the streamed and table outputs differ" >&2; exit 1; }
cmp -s "$work/out_xlsx-streamed.csv" "$work/out_csv-streamed.csv" || { echo "the XLSX and CSV outputs differ" >&2; exit 1; }
echo "outputs identical"
