#!/usr/bin/env bash
# Reader speed, one run, same data: ValueScope's XLSX reader vs openpyxl's read-only mode, and
# vs ValueScope reading the same table saved as CSV. Also peak memory against the table's size.
# Usage: bench/compare-xlsx.sh [ROWS]   (needs a build with -DVALUESCOPE_BUILD_BENCHMARKS=ON)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rows=${1:-500000}
work=${TMPDIR:-/tmp}/valuescope-bench
mkdir -p "$work"
xlsx="$work/workbook_${rows}.xlsx"
csv="$work/workbook_${rows}.csv"
[[ -f $xlsx && -f $csv ]] || "$root/build/bench/make_workbook" "$rows" "$xlsx" "$csv"
vs="$root/build/app/valuescope"
secs() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
best() { local b=999 t; for _ in 1 2 3; do t=$(secs "$@"); b=$(echo "if ($t < $b) $t else $b" | bc -l); done; echo "$b"; }
t_x=$(best "$vs" inspect "$xlsx")
t_c=$(best "$vs" inspect "$csv")
t_o=$(secs /usr/bin/python3 -c "
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for row in wb.active.iter_rows(values_only=True):
    n += len(row)
" "$xlsx")
rss=$( { /usr/bin/time -f "%M" "$vs" inspect "$xlsx" > "$work/inspect.json"; } 2>&1 | tail -1)
table=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['table_bytes'])" "$work/inspect.json")
echo "data: $rows rows x 8 columns; xlsx $(du -m "$xlsx" | cut -f1) MB, csv $(du -m "$csv" | cut -f1) MB"
printf "valuescope xlsx:   %.2f s\n" "$t_x"
printf "valuescope csv:    %.2f s\n" "$t_c"
printf "openpyxl (ro):     %.2f s\n" "$t_o"
awk -v o="$t_o" -v x="$t_x" -v c="$t_c" 'BEGIN { printf "xlsx vs openpyxl: %.1fx faster; xlsx vs csv: %.2fx the time\n", o / x, x / c }'
awk -v r="$rss" -v t="$table" 'BEGIN { printf "peak memory %.0f MB; the loaded table %.0f MB\n", r / 1024, t / 1048576 }'
