#!/usr/bin/env bash
# Runs the fuzz harnesses long: fuzz/run.sh MINUTES [HARNESS...]  (default: all of them)
# Builds them first (clang, libFuzzer, ASan + UBSan, in build-fuzz/), then runs each for MINUTES
# at nice 15, JOBS at a time (default 1), on its committed corpus (fuzz/corpus/NAME) with its
# dictionary; new inputs go to build-fuzz/fuzz/found/NAME, findings (crashes, leaks, timeouts
# over 10 s, more than 2 GB) to build-fuzz/fuzz/findings/, the log to build-fuzz/fuzz/logs/NAME.log.
# Prints each harness's last coverage line (cov: edges, ft: features) and exits 1 on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:?usage: fuzz/run.sh MINUTES [csv xlsx xlsx_sheet ods xls project xml orders]}
shift
harnesses=("$@")
[[ ${#harnesses[@]} -eq 0 ]] && harnesses=(csv xlsx xlsx_sheet ods xls project xml orders)
jobs=${JOBS:-1}

if ! command -v clang++ >/dev/null; then
  bash packaging/install-deps.sh --fuzz
fi
if [[ ! -f build-fuzz/build.ninja ]]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
        -DVALUESCOPE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
nice -n 10 cmake --build build-fuzz

out=build-fuzz/fuzz
mkdir -p "$out/logs" "$out/findings"
declare -A dict=([xlsx]=xml [xlsx_sheet]=xml [orders]=csv)
run_one() {
  local name=$1
  mkdir -p "$out/found/$name"
  # the corpus found so far first (new inputs are written there), the committed seeds after
  nice -n 15 "$out/fuzz_$name" -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -dict="fuzz/dict/${dict[$name]:-$name}.dict" \
    -artifact_prefix="$out/findings/$name-" "$out/found/$name" "fuzz/corpus/$name" \
    > "$out/logs/$name.log" 2>&1
}
failed=0
running=0
for name in "${harnesses[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if (( running >= jobs )); then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while (( running > 0 )); do
  wait -n || failed=1
  running=$((running - 1))
done

for name in "${harnesses[@]}"; do
  log="$out/logs/$name.log"
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  runs=$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
  echo "$name: ${last:-no coverage line} (runs: ${runs:-?})"
done
ls "$out/findings" | sed 's/^/finding: /'
if (( failed )) || [[ -n "$(ls "$out/findings")" ]]; then
  echo "fuzz/run.sh: a harness found something (build-fuzz/fuzz/findings, logs in $out/logs)" >&2
  exit 1
fi
