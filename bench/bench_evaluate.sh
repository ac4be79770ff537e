#!/usr/bin/env bash
# Bid evaluation benchmark: 1 k, 10 k and 100 k bids × 20 requirements,
# one <bids> stream on stdin, XML written to /dev/null. Median of 5 runs
# (wall seconds) and peak RSS (/usr/bin/time -v), as a Markdown table, with
# the time of xmllint's XSD validation of the same bids (when installed).
# Usage: bench/bench_evaluate.sh [BUILD_DIR]   (default build-release, a
#   cmake -B build-release -DCMAKE_BUILD_TYPE=Release build)
# With CALLGRIND=1, also counts the instructions of each stage at 10 000 bids
#   (valgrind --tool=callgrind: repeatable whatever the machine's load).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-release}
tp=$build/tenderpack
[ -x "$tp" ] || { echo "no $tp: build it first (cmake -B build-release -DCMAKE_BUILD_TYPE=Release)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/gen_bids" "$src/bench/gen_bids.c"

# The tender of samples/04 with five extra minimum requirements in lot 1: 20 in all.
extra=""
for k in 1 2 3 4 5; do
  extra="$extra<requirement id=\"bench-extra-$k\" op=\"ge\" min=\"10\" tightened=\"false\"><label>Exigence de test $k</label></requirement>"
done
"$tp" tender "$src/samples/04-wbe-open-ted.xml" \
  | awk -v extra="$extra" '/<\/requirements>/ && !done { print extra; done = 1 } { print }' >"$tmp/tender.xml"
[ "$(grep -o "<requirement " "$tmp/tender.xml" | wc -l)" -ge 25 ] || { echo "tender edit failed" >&2; exit 1; }

# The alternative a user would pick to check bids: xmllint's streaming XSD
# validation against schemas/bid.xsd, which checks the form only (no
# requirement, price, score or ranking). Median of 3.
have_xmllint=0
command -v xmllint >/dev/null && have_xmllint=1

wall_of() { # the wall seconds in a /usr/bin/time -v report
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"
}

echo "| bids | input | median wall (s) of 5 | peak RSS (MiB) | xmllint --schema (s) | ratio |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in 1000 10000 100000; do
  "$tmp/gen_bids" "$n" >"$tmp/bids.xml"
  size=$(( $(stat -c %s "$tmp/bids.xml") / 1048576 ))
  : >"$tmp/runs"
  for i in 1 2 3 4 5; do
    /usr/bin/time -v "$tp" evaluate "$tmp/tender.xml" - <"$tmp/bids.xml" >/dev/null 2>"$tmp/time"
    wall=$(wall_of "$tmp/time")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
    echo "$wall $rss" >>"$tmp/runs"
  done
  median=$(sort -n "$tmp/runs" | awk 'NR == 3 { print $1 }')
  rss=$(sort -n -k2 "$tmp/runs" | awk 'NR == 5 { printf "%.1f", $2 / 1024 }')
  alt="-" ratio="-"
  if [ $have_xmllint = 1 ]; then
    : >"$tmp/alt"
    for i in 1 2 3; do
      /usr/bin/time -v xmllint --noout --stream --schema "$src/schemas/bid.xsd" "$tmp/bids.xml" \
        >/dev/null 2>"$tmp/time" || { echo "xmllint rejects the generated bids" >&2; exit 1; }
      wall_of "$tmp/time" >>"$tmp/alt"
    done
    alt=$(sort -n "$tmp/alt" | awk 'NR == 2')
    ratio=$(awk -v a="$alt" -v b="$median" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "-" }')
  fi
  echo "| $n | $size MiB | $median | $rss | $alt | $ratio |"
done

if [ "${CALLGRIND:-0}" = 1 ]; then
  "$tmp/gen_bids" 10000 >"$tmp/bids.xml"
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    "$tp" evaluate "$tmp/tender.xml" - <"$tmp/bids.xml" >/dev/null 2>"$tmp/cg.err"
  echo
  echo "Instructions at 10 000 bids (callgrind, inclusive):"
  callgrind_annotate --inclusive=yes "$tmp/cg.out" 2>/dev/null |
    grep -E "PROGRAM TOTALS|tp_bid_read_(file|memory|parallel)|read_part|tp_evaluation_(add|finish|write_xml)|tp_evaluation_merge" |
    sed 's/ \[.*//'
fi
