#!/usr/bin/env bash
# Installs what is needed, builds everything, and runs every test (ctest prints the summary).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
cd build
QT_QPA_PLATFORM=offscreen QTEST_DISABLE_STACK_DUMP=1 ctest --output-on-failure --timeout 600
