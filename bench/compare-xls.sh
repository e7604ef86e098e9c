#!/usr/bin/env bash
# What the .xls sandbox costs: a 65,535-row x 8-column workbook (xlwt, the most rows an .xls
# holds), read through the reader process and in process as before (bench_xls, best of 5).
# Needs -DVALUESCOPE_BUILD_BENCHMARKS=ON. Usage: bench/compare-xls.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
/usr/bin/python3 - "$dir/big.xls" <<'PY'
import random, sys, xlwt
random.seed(1)
wb = xlwt.Workbook(encoding="utf-8")
ws = wb.add_sheet("customers")
for c, h in enumerate(["customer_id", "region", "revenue", "cost", "orders", "lifetime", "satisfaction", "loyalty"]):
    ws.write(0, c, h)
regions = ["North", "South", "East", "West", "华东", "华南"]
for r in range(1, 65536):
    ws.write(r, 0, "C%06d" % r)
    ws.write(r, 1, random.choice(regions))
    ws.write(r, 2, round(random.uniform(10, 5000), 2))
    ws.write(r, 3, round(random.uniform(5, 2000), 2))
    for c in range(4, 8):
        ws.write(r, c, random.randint(1, 50))
wb.save(sys.argv[1])
PY
ls -l "$dir/big.xls" | awk '{printf "big.xls: %.1f MB\n", $5 / 1e6}'
"$build/bench/bench_xls" "$build/app/valuescope" "$dir/big.xls" 5
