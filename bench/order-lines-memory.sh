#!/usr/bin/env bash
# Peak memory of `valuescope run` on order logs of 10,000,000 and 50,000,000 lines (bench_btyd's
# generator, RFM project): memory grows with customers × purchase days, not with lines.
# Usage: [VALUESCOPE=path] bench/order-lines-memory.sh [LINES[:K]...]   (50M lines: a 1.3 GB file)
# LINES:K writes K times the lines a visit: the customers and days of LINES/K lines, LINES lines.
# Run it under the build lock on a shared machine: flock /tmp/vs-build.lock bench/order-lines-memory.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
vs=${VALUESCOPE:-$root/build/app/valuescope}
work=${TMPDIR:-/tmp}/valuescope-memory
mkdir -p "$work"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000000 50000000 50000000:5)
echo "| order lines | file | customers | customer-days | valuescope run | peak memory | per customer-day | per line |"
echo "|---|---|---|---|---|---|---|---|"
declare -a peaks days
for spec in "${sizes[@]}"; do
  n=${spec%%:*}; k=1; [[ $spec == *:* ]] && k=${spec#*:}
  csv="$work/order_lines_${n}x$k.csv"
  if [[ ! -f $csv || ! -f $csv.info ]]; then
    "$root/build/bench/make_order_lines" "$n" "$csv" "$k" 2> "$csv.info"
  fi
  read -r customers cdays < <(sed -E 's/.* of ([0-9]+) customers \(([0-9]+) customer-days\).*/\1 \2/' "$csv.info")
  sed "s|\"order_lines.csv\"|\"$(basename "$csv")\"|" "$here/order-lines-project.json" > "$work/project_${n}x$k.json"
  s=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time.txt" "$vs" run "$work/project_${n}x$k.json" --out "$work/out_${n}x$k.csv" --summary "$work/summary_${n}x$k.json"
  e=$(date +%s.%N)
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  peaks+=("$rss"); days+=("$cdays")
  awk -v n="$n" -v mb="$(du -m "$csv" | cut -f1)" -v c="$customers" -v d="$cdays" -v t="$(echo "$e - $s" | bc -l)" -v r="$rss" \
    'BEGIN { printf "| %\047d | %d MB | %\047d | %\047d | %.2f s | %.0f MB | %.0f bytes | %.1f bytes |\n", n, mb, c, d, t, r / 1024, r * 1024 / d, r * 1024 / n }'
done
if [[ ${#sizes[@]} -ge 2 ]]; then
  for i in $(seq 1 $(( ${#sizes[@]} - 1 ))); do
    awk -v n1="${sizes[0]%%:*}" -v n2="${sizes[$i]%%:*}" -v p1="${peaks[0]}" -v p2="${peaks[$i]}" -v d1="${days[0]}" \
      -v d2="${days[$i]}" -v s="${sizes[$i]}" \
      'BEGIN { printf "%s against the first: lines ×%.1f, customer-days ×%.2f, peak memory ×%.2f\n", s, n2 / n1, d2 / d1, p2 / p1 }'
  done
fi
