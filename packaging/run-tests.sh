#!/usr/bin/env bash
# Installs what is needed, builds everything, and runs every test (ctest prints the summary).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
# every visible string has its Simplified Chinese translation
report=$(/usr/lib/qt6/bin/lrelease resources/i18n/valuescope_zh_CN.ts -qm build/lrelease-check.qm)
echo "$report" | tail -1
if ! echo "$report" | grep -q " 0 unfinished"; then
  echo "run-tests: resources/i18n/valuescope_zh_CN.ts has unfinished translations" >&2
  exit 1
fi
cd build
QT_QPA_PLATFORM=offscreen QTEST_DISABLE_STACK_DUMP=1 ctest --output-on-failure --timeout 600
