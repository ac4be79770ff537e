#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs the whole test suite twice:
# a normal build, then a build under -fsanitize=address,undefined.
# Warnings are errors. ../shared (validators, eForms SDK) is used when present.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh --test
jobs=$(nproc)

run_suite() { # build-dir, extra cmake args...
  local dir=$1; shift
  cmake -S . -B "$dir" -DTP_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  (cd "$dir" && ctest --output-on-failure -j"$jobs")
}

echo "== normal build" >&2
run_suite build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "== sanitizer build (address, undefined)" >&2
# check-doc's LibreOffice round trip already ran on the normal build's output.
TP_CHECKDOC_FAST=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DTP_SANITIZE=ON
