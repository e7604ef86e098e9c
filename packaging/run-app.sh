#!/usr/bin/env bash
# Installs what is needed, builds, and opens ValueScope on the bundled sample project.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --target valuescope
# no file named: the window opens the bundled sample in the interface's language (ui/ResourcePaths.cpp)
exec ./build/app/valuescope "$@"
