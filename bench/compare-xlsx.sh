#!/usr/bin/env bash
# Reader speed, one run, same data: ValueScope's XLSX reader vs openpyxl's read-only mode, and
# vs ValueScope reading the same table saved as CSV. Also memory against the table's size: the
# peak of the process, and what the import itself takes (that peak less the peak of the same
# command on a two-row file, i.e. less the program and its libraries).
# Usage: bench/compare-xlsx.sh [ROWS]   (needs a build with -DVALUESCOPE_BUILD_BENCHMARKS=ON)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rows=${1:-500000}
work=${TMPDIR:-/tmp}/valuescope-bench
mkdir -p "$work"
xlsx="$work/workbook_${rows}.xlsx"
csv="$work/workbook_${rows}.csv"
sst="$work/workbook_${rows}_shared.xlsx"
[[ -f $xlsx && -f $csv ]] || "$root/build/bench/make_workbook" "$rows" "$xlsx" "$csv"
# the same table with a shared-string table, as Excel writes it (the CSV written again is the same)
[[ -f $sst ]] || "$root/build/bench/make_workbook" "$rows" "$sst" "$work/workbook_${rows}_shared.csv" --shared-strings
vs="$root/build/app/valuescope"
secs() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
best() { local b=999 t; for _ in 1 2 3; do t=$(secs "$@"); b=$(echo "if ($t < $b) $t else $b" | bc -l); done; echo "$b"; }
t_x=$(best "$vs" inspect "$xlsx")
t_c=$(best "$vs" inspect "$csv")
t_s=$(best "$vs" inspect "$sst")
t_o=$(secs /usr/bin/python3 -c "
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for row in wb.active.iter_rows(values_only=True):
    n += len(row)
" "$xlsx")
rss=$( { /usr/bin/time -f "%M" "$vs" inspect "$xlsx" > "$work/inspect.json"; } 2>&1 | tail -1)
head -3 "$csv" > "$work/two_rows.csv"
rss_s=$( { /usr/bin/time -f "%M" "$vs" inspect "$sst" > /dev/null; } 2>&1 | tail -1)
base=$( { /usr/bin/time -f "%M" "$vs" inspect "$work/two_rows.csv" > /dev/null; } 2>&1 | tail -1)
table=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['table_bytes'])" "$work/inspect.json")
echo "data: $rows rows x 8 columns; xlsx $(du -m "$xlsx" | cut -f1) MB, csv $(du -m "$csv" | cut -f1) MB"
printf "valuescope xlsx:   %.2f s\n" "$t_x"
printf "valuescope csv:    %.2f s\n" "$t_c"
printf "valuescope xlsx with shared strings: %.2f s\n" "$t_s"
printf "openpyxl (ro):     %.2f s\n" "$t_o"
awk -v o="$t_o" -v x="$t_x" -v c="$t_c" 'BEGIN { printf "xlsx vs openpyxl: %.1fx faster; xlsx vs csv: %.2fx the time\n", o / x, x / c }'
awk -v r="$rss" -v b="$base" -v t="$table" 'BEGIN {
  printf "peak memory %.0f MB (the program alone: %.0f MB); the loaded table %.0f MB\n", r / 1024, b / 1024, t / 1048576
  printf "the import takes %.0f MB = %.2fx the table\n", (r - b) / 1024, (r - b) * 1024 / t }'
awk -v x="$t_s" -v c="$t_c" -v r="$rss_s" -v b="$base" -v t="$table" 'BEGIN {
  printf "with shared strings: %.2fx the csv time; the import takes %.0f MB = %.2fx the table\n", x / c, (r - b) / 1024, (r - b) * 1024 / t }'
