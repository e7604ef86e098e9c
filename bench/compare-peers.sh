#!/usr/bin/env bash
# `valuescope run` against DuckDB and Polars doing the same work, in one run (README, "Speed"):
#   lines:     10,000,000 order lines (customer, ISO date, amount; bench_btyd's generator) -> per
#              customer recency, frequency, monetary (and the peers' BTYD frequency, recency, T,
#              mean repeat spend); RFM quintile scores; CSV out
#   customers: the 1,000,000-customer CSV of compare-with-pandas.sh (profit, score, quartiles)
# Each tool as a whole process, best of 3 wall-clock seconds after an untimed run, peak memory (/usr/bin/time -v, max
# RSS); DuckDB and Polars with their default threads and with one. Every tool's per-customer
# summary is checked against valuescope's before any time is reported.
# Usage: [BEFORE=path/to/old/valuescope] bench/compare-peers.sh [LINES] [CUSTOMERS]   (needs build/ with make_order_lines, node, npm)
# Run it under the build lock on a shared machine: flock /tmp/vs-build.lock bench/compare-peers.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
lines=${1:-10000000}
customers=${2:-1000000}
work=${TMPDIR:-/tmp}/valuescope-peers
mkdir -p "$work"
vs=${VALUESCOPE:-$root/build/app/valuescope}
before=${BEFORE:-} # BEFORE=another build (the commit before a change): timed in the same run
# the peers: benchmark tools only, installed from npm's registry into bench/peers (git-ignored)
if [[ ! -d $here/peers/node_modules/nodejs-polars || ! -d $here/peers/node_modules/@duckdb/node-api ]]; then
  (cd "$here/peers" && npm ci --no-audit --no-fund)
fi
lines_csv="$work/order_lines.csv"
if [[ ! -f $lines_csv || $(( $(wc -l < "$lines_csv") - 1 )) -ne $lines ]]; then
  "$root/build/bench/make_order_lines" "$lines" "$lines_csv"
fi
cust_csv="$work/customers_1m.csv"
if [[ ! -f $cust_csv || $(( $(wc -l < "$cust_csv") - 1 )) -ne $customers ]]; then
  /usr/bin/python3 "$here/make_customers.py" "$customers" "$cust_csv"
fi
cp "$here/order-lines-project.json" "$here/bench-project.json" "$work/"

# best of 3, after one run that is not timed (each tool alike: the run before it was another
# tool's, which leaves the machine's memory and caches in another state): prints "seconds peak_MB"
best() {
  local b=999 m=0
  "$@" > /dev/null
  for _ in 1 2 3; do
    local s e rss
    s=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null
    e=$(date +%s.%N)
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    read -r b m < <(echo "$e - $s" | bc -l | awk -v b="$b" -v m="$m" -v r="$rss" \
      '{ if ($1 < b) print $1, r / 1024; else print b, m }')
  done
  printf '%.2f %.0f\n' "$b" "$m"
}
peers="$here/peers"
declare -A result
run_job() { # job input project
  local job=$1 in=$2 project=$3
  # the outputs, checked before any time is taken
  "$vs" run "$work/$project" --out "$work/vs-$job.csv" --summary "$work/vs-$job.json"
  node "$peers/duckdb_same_work.js" "$job" "$in" "$work/duckdb-$job.csv"
  node "$peers/duckdb_same_work.js" "$job" "$in" "$work/duckdb1-$job.csv" 1
  node "$peers/polars_same_work.js" "$job" "$in" "$work/polars-$job.csv"
  POLARS_MAX_THREADS=1 node "$peers/polars_same_work.js" "$job" "$in" "$work/polars1-$job.csv"
  local others=()
  if [[ -n $before ]]; then
    "$before" run "$work/$project" --out "$work/before-$job.csv"
    others+=("$work/before-$job.csv")
  fi
  /usr/bin/python3 "$peers/same_summary.py" "$job" "$work/vs-$job.csv" "$work/duckdb-$job.csv" \
    "$work/duckdb1-$job.csv" "$work/polars-$job.csv" "$work/polars1-$job.csv" "${others[@]}"
  [[ -z $before ]] || result[$job,before]=$(best "$before" run "$work/$project" --out "$work/before-$job.csv")
  result[$job,vs]=$(best "$vs" run "$work/$project" --out "$work/vs-$job.csv" --summary "$work/vs-$job.json")
  result[$job,vs_timings]=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timings_ms'])" "$work/vs-$job.json")
  result[$job,duckdb]=$(best node "$peers/duckdb_same_work.js" "$job" "$in" "$work/duckdb-$job.csv")
  result[$job,duckdb1]=$(best node "$peers/duckdb_same_work.js" "$job" "$in" "$work/duckdb1-$job.csv" 1)
  result[$job,polars]=$(best node "$peers/polars_same_work.js" "$job" "$in" "$work/polars-$job.csv")
  result[$job,polars1]=$(best env POLARS_MAX_THREADS=1 node "$peers/polars_same_work.js" "$job" "$in" "$work/polars1-$job.csv")
}
# the order log's project reads order_lines.csv, the customers' project customers_1m.csv
run_job lines "$lines_csv" order-lines-project.json
run_job customers "$cust_csv" bench-project.json

echo
tools=(vs duckdb duckdb1 polars polars1)
head="| job | file | valuescope | DuckDB (default threads) | DuckDB (1 thread) | Polars (default threads) | Polars (1 thread) |"
rule="|---|---|---|---|---|---|---|"
if [[ -n $before ]]; then tools+=(before); head+=" valuescope before |"; rule+="---|"; fi
echo "$head"
echo "$rule"
for job in lines customers; do
  in=$([[ $job == lines ]] && echo "$lines_csv" || echo "$cust_csv")
  what=$([[ $job == lines ]] && echo "$lines order lines → RFM" || echo "$customers customers → quartiles")
  row="| $what | $(du -m "$in" | cut -f1) MB |"
  for t in "${tools[@]}"; do
    read -r s m <<< "${result[$job,$t]}"
    row+=" $s s, $m MB |"
  done
  echo "$row"
done
echo
for job in lines customers; do
  read -r s _ <<< "${result[$job,vs]}"
  best_peer=999; best_default=999
  for t in duckdb duckdb1 polars polars1; do
    read -r p _ <<< "${result[$job,$t]}"
    best_peer=$(awk -v a="$p" -v b="$best_peer" 'BEGIN { print (a < b) ? a : b }')
  done
  read -r dd ddm <<< "${result[$job,duckdb]}"
  read -r _ vsm <<< "${result[$job,vs]}"
  awk -v j="$job" -v s="$s" -v d="$dd" -v p="$best_peer" -v m="$vsm" -v dm="$ddm" 'BEGIN {
    printf "%s: %.2fx DuckDB (default threads), %.2fx the fastest peer; peak memory %.0f MB vs DuckDB %.0f MB\n",
           j, d / s, p / s, m, dm }'
  echo "$job: valuescope timings_ms (last run): ${result[$job,vs_timings]}"
done
