#!/usr/bin/env bash
# End-to-end speed: `valuescope run` (profit value + a 3-item weighted score + quartiles + CSV out)
# against pandas doing the same work on the same 1,000,000-customer file, in the same run.
# Usage: bench/compare-with-pandas.sh [ROWS]   (needs a build in build/)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rows=${1:-1000000}
work=${TMPDIR:-/tmp}/valuescope-bench
mkdir -p "$work"
data="$work/customers_1m.csv"
if [[ ! -f $data || $(( $(wc -l < "$data") - 1 )) -ne $rows ]]; then
  /usr/bin/python3 "$here/make_customers.py" "$rows" "$data"
fi
cp "$here/bench-project.json" "$work/"
vs="$root/build/app/valuescope"
best() { # best of 3 wall-clock seconds
  local b=999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    b=$(echo "$e - $s" | bc -l | awk -v b="$b" '{print ($1 < b) ? $1 : b}')
  done
  echo "$b"
}
size=$(du -m "$data" | cut -f1)
t_vs=$(best "$vs" run "$work/bench-project.json" --out "$work/vs-out.csv" --summary "$work/summary.json")
t_pd=$(best /usr/bin/python3 "$here/pandas_same_work.py" "$data" "$work/pd-out.csv")
echo "file: $rows customers, ${size} MB"
echo "valuescope run: ${t_vs} s"
echo "pandas:         ${t_pd} s"
awk -v a="$t_pd" -v b="$t_vs" 'BEGIN { printf "speed-up:       %.1fx\n", a / b }'
echo "valuescope timings_ms (last run):"
/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timings_ms'])" "$work/summary.json"
# the two outputs agree on every segment
/usr/bin/python3 - "$work/vs-out.csv" "$work/pd-out.csv" <<'PY'
import sys, pandas as pd
a = pd.read_csv(sys.argv[1], keep_default_na=False); b = pd.read_csv(sys.argv[2], keep_default_na=False)
same = (a["segment"].astype(str).values == b["segment"].astype(str).values).all()
print("segments identical to pandas:", bool(same))
PY
