#!/usr/bin/env bash
# Benchmark (not a test): 100,000,000 order lines generated inside the two-shard ClickHouse of
# tests/db/servers.sh with numbers(), analysed by `valuescope run` (predictive CLV with RFM
# segments) with the work pushed down; against the same generator's first 10,000,000 lines as a
# CSV file read by `valuescope run`. Prints wall time and the peak memory (max RSS) of ValueScope.
# Then the same from the window (BUILD_DIR/bench/bench_ui --open, benchmarks built): RFM and
# predictive CLV opened from the cluster and the file, time to results, longest UI pause, peak
# memory, and Stop halfway through the engine's query.
#   bench/db/bench_clickhouse.sh BUILD_DIR [LINES]
# VS_BENCH_WINDOW_ONLY=MODEL (rfm or predictive_clv): only the window opening the cluster's lines
# with that model (no CSV file, no `run`).
# Run it under the build lock on a shared machine (`flock -o`, so that the servers it starts do
# not keep the lock).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build=$(cd "${1:?build dir}" && pwd)
lines=${2:-100000000}
work=$(mktemp -d /tmp/vsbench.XXXXXX)
state=$work/servers.env
trap 'bash "$here/../../tests/db/servers.sh" stop "$state" >/dev/null 2>&1 || true; [[ -n ${VS_BENCH_KEEP:-} ]] || rm -rf "$work"' EXIT
bash "$here/../../tests/db/servers.sh" start "$state" >/dev/null
# shellcheck disable=SC1090
source "$state"
ch() { curl -sS --fail-with-body -u "vs:$VS_TEST_PASSWORD" "http://127.0.0.1:$1/?database=shop" --data-binary "$2"; }

# the lines, as the BG/NBD story goes: baskets of 10 lines on one day, up to 5 baskets per
# customer. A customer's first basket falls on a day of the first 18 months; the next ones follow
# at exponential gaps around the customer's own mean gap (10-209 days); after each basket the
# customer drops out with the customer's own probability (0.05-0.6: the baskets kept are those up
# to a geometric count). Amounts 0.01-100.00 times the customer's own scale (0.2-2.0), in cents.
# (Without the customers' own dropout probability and spend scale BG/NBD and Gamma-Gamma have no
# heterogeneity to fit, and their fits do not converge.) numbers() runs over 5/3 as many numbers as lines wanted (roughly); each
# shard holds half the customers.
gen() { # first count
  echo "SELECT concat('C', toString(intDiv(number, 50))) AS customer,
               toDate('2020-01-01') + (cityHash64(intDiv(number, 50)) % 540)
                 + toUInt32(arraySum(arrayMap(j -> -log((cityHash64(intDiv(number, 50), j, 11) % 1000000 + 1) / 1000001.)
                                                    * (10 + cityHash64(intDiv(number, 50), 5) % 200),
                                              range(toUInt8(intDiv(number, 10) % 5))))) AS order_date,
               round(toFloat64(1 + cityHash64(number, 1) % 10000) / 100 * (0.2 + (cityHash64(intDiv(number, 50), 13) % 1800) / 1000.), 2) AS amount
        FROM numbers($1, $2)
        WHERE intDiv(number, 10) % 5 <= floor(log((cityHash64(intDiv(number, 50), 3) % 1000000 + 1) / 1000001.)
                                              / log(0.95 - (cityHash64(intDiv(number, 50), 9) % 550) / 1000.))"
}
numbers=$((lines / 3 * 5 / 50 * 50))
half=$((numbers / 2))
for port in "$VS_CH_HTTP1" "$VS_CH_HTTP2"; do
  ch "$port" "CREATE TABLE big_lines_local (customer String, order_date Date, amount Float64) ENGINE = MergeTree() ORDER BY (customer, order_date)"
  ch "$port" "CREATE TABLE big_lines AS big_lines_local ENGINE = Distributed(vs_cluster, shop, big_lines_local)"
done
t0=$(date +%s.%N)
ch "$VS_CH_HTTP1" "INSERT INTO big_lines_local $(gen 0 $half)"
ch "$VS_CH_HTTP2" "INSERT INTO big_lines_local $(gen $half $((numbers - half)))"
t1=$(date +%s.%N)
echo "generated $(ch "$VS_CH_HTTP1" "SELECT count() FROM big_lines") lines in two shards in $(echo "$t1 - $t0" | bc) s"

only=${VS_BENCH_WINDOW_ONLY:-}
# the 10M-line file case: the same generator, for about 10,000,000 lines
if [[ -z $only ]]; then
  ch "$VS_CH_HTTP1" "$(gen 0 16666650) FORMAT CSVWithNames" >"$work/lines10m.csv"
  echo "file case: $(($(wc -l <"$work/lines10m.csv") - 1)) lines"
fi

project() { # source-json out [model]
  local model=${3:-${VS_BENCH_MODEL:-predictive_clv}} value
  if [[ $model == rfm ]]; then
    value='"model": "rfm", "observation_end": "2021-06-30", "time_unit": "weeks"'
  else
    value="\"model\": \"$model\", \"observation_end\": \"2021-06-30\", \"time_unit\": \"weeks\",
             \"horizon_months\": 12, \"monthly_discount\": 0.01, \"penalizer\": 0.001"
  fi
  cat >"$2" <<JSON
{ "valuescope": 1,
  "source": { $1, "layout": "transactions",
              "columns": { "customer": "customer", "date": "order_date", "amount": "amount" } },
  "value": { $value },
  "segments": { "by": "rfm", "method": "rfm_rules" } }
JSON
}
project "\"path\": \"$work/lines10m.csv\"" "$work/file.json"
project "\"database\": {\"engine\": \"clickhouse\", \"host\": \"127.0.0.1\", \"port\": $VS_CH_HTTP1, \"database\": \"shop\", \"user\": \"vs\", \"password_env\": \"VS_BENCH_PW\", \"table\": \"big_lines\"}" "$work/db.json"

run() { # name project
  export VS_BENCH_PW=$VS_TEST_PASSWORD
  /usr/bin/time -f "%e %M" -o "$work/time" "$build/app/valuescope" run "$2" --out "$work/$1.csv" --summary "$work/$1.summary.json" 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  read -r secs kb <"$work/time"
  customers=$(($(wc -l <"$work/$1.csv") - 1))
  db=$(/usr/bin/python3 -c "import json,sys; d=json.load(open('$work/$1.summary.json')).get('database'); print('' if not d else '%d rows scanned, %d sent, query %.1f s' % (d['rows_scanned'], d['rows_transferred'], d['query_ms']/1000))")
  printf '| %s | %s customers | %s s | %d MB | %s |\n' "$1" "$customers" "$secs" $((kb / 1024)) "$db"
}
if [[ -z $only ]]; then
  echo "| run | customers | wall | peak memory (max RSS) | database |"
  echo "|---|---|---|---|---|"
  run "file, 10M lines (CSV)" "$work/file.json"
  run "ClickHouse, 2 shards, $((lines / 1000000))M lines" "$work/db.json"
fi

# the window: File > Open of the same projects, RFM and predictive CLV
[[ -x $build/bench/bench_ui ]] || { echo "no $build/bench/bench_ui (configure with -DVALUESCOPE_BUILD_BENCHMARKS=ON)"; exit 0; }
db_source="\"database\": {\"engine\": \"clickhouse\", \"host\": \"127.0.0.1\", \"port\": $VS_CH_HTTP1, \"database\": \"shop\", \"user\": \"vs\", \"password_env\": \"VS_BENCH_PW\", \"table\": \"big_lines\"}"
window() { # name project
  mkdir -p "$work/home"
  HOME=$work/home QT_QPA_PLATFORM=offscreen VS_BENCH_PW=$VS_TEST_PASSWORD \
    /usr/bin/time -f "%e %M" -o "$work/time" "$build/bench/bench_ui" "$2" --open >"$work/window.out" 2>"$work/stderr" ||
    { cat "$work/window.out" "$work/stderr" >&2; exit 1; }
  read -r secs kb <"$work/time"
  printf '| %s | %d MB (whole process) |\n' "$1" $((kb / 1024))
  sed 's/^/|   | /' "$work/window.out"
}
echo
echo "| window (bench_ui --open) | peak memory |"
echo "|---|---|"
for model in ${only:-rfm predictive_clv}; do
  project "$db_source" "$work/db_$model.json" "$model"
  if [[ -z $only ]]; then
    project "\"path\": \"$work/lines10m.csv\"" "$work/file_$model.json" "$model"
    window "file, 10M lines (CSV), $model" "$work/file_$model.json"
  fi
  window "ClickHouse, 2 shards, $((lines / 1000000))M lines, $model" "$work/db_$model.json"
done
