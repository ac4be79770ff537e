#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and builds tenderpack into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "built: build/tenderpack ($(build/tenderpack --version))" >&2
