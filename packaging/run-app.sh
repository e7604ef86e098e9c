#!/usr/bin/env bash
# Installs what is needed, builds, and opens ValueScope on the bundled sample project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --target valuescope
exec ./build/app/valuescope resources/sample/sample.valuescope.json "$@"
