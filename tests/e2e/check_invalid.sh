#!/usr/bin/env bash
# An invalid profile: the exit code and every expected stderr line of its .expect
# file, and nothing on stdout, for both validate and tender.
set -euo pipefail
tp=$1 profile=$2
. "$(dirname "$0")/lib.sh"
expect=${profile%.xml}.expect
[ -f "$expect" ] || fail "missing $expect"
code=$(head -n 1 "$expect")
for cmd in validate tender; do
  expect_exit "$code" -- "$tp" $cmd "$profile"
  expect_no_stdout
  tail -n +2 "$expect" | while IFS= read -r line; do
    [ -n "$line" ] && expect_stderr "$line"
  done
done
echo "ok $(basename "$profile")"
