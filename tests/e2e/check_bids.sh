#!/usr/bin/env bash
# Bid evaluation end to end. With a bid set samples/bids/<sample>/ (bids as
# [0-9]*.xml files, or one <bids> stream bids.xml read from stdin) and the
# tender of samples/<sample>.xml: the evaluation is valid against
# schemas/evaluation.xsd, deterministic, byte-equal to expected.evaluation.xml
# (UPDATE_GOLDEN=1 rewrites it), contains every hand-checked line of
# checks.txt; text and CSV run; and the C bid reader agrees with
# schemas/bid.xsd on which bids are valid.
# With "cli" instead of a set: the command-line contract of 'evaluate'.
set -euo pipefail
tp=$1 set=$2 src=$3
. "$(dirname "$0")/lib.sh"
norm() { sed 's|<generator name="tenderpack" version="[^"]*"/>|<generator name="tenderpack" version="VERSION"/>|'; }

if [ "$set" = big ]; then
  # 3 000 generated bids (~6 MB): a mapped file is read by two threads and
  # merged, a pipe is streamed by one; both must give the same evaluation,
  # and so must a stream whose first half sends the reader to libxml2.
  gen=$4
  "$tp" tender "$src/samples/04-wbe-open-ted.xml" >"$tmpdir/tender.xml"
  "$gen" 3000 >"$tmpdir/big.xml"
  [ "$(stat -c %s "$tmpdir/big.xml")" -gt $((4 << 20)) ] || fail "the big stream is too small to be mapped"
  "$tp" evaluate "$tmpdir/tender.xml" "$tmpdir/big.xml" >"$tmpdir/mapped.xml" 2>"$tmpdir/err" || true
  cat "$tmpdir/big.xml" | "$tp" evaluate "$tmpdir/tender.xml" - >"$tmpdir/piped.xml" 2>>"$tmpdir/err" || true
  "$tp" evaluate "$tmpdir/tender.xml" - <"$tmpdir/big.xml" >"$tmpdir/stdin.xml" 2>>"$tmpdir/err" || true
  [ -s "$tmpdir/mapped.xml" ] || fail "no evaluation of the big stream: $(cat "$tmpdir/err")"
  nosrc() { sed 's/ source="[^"]*"//' "$1"; }
  cmp -s <(nosrc "$tmpdir/mapped.xml") <(nosrc "$tmpdir/piped.xml") ||
    fail "two threads and one differ on the big stream"
  cmp -s "$tmpdir/piped.xml" "$tmpdir/stdin.xml" || fail "a redirected stdin differs from a pipe"
  [ "$(grep -c '<bid ' "$tmpdir/mapped.xml")" -eq 3000 ] || fail "not 3000 bids in the evaluation"
  awk 'NR == 100 { $0 = $0 "<!-- a comment: libxml2 reads from here -->" } { print }' \
    "$tmpdir/big.xml" >"$tmpdir/commented.xml"
  "$tp" evaluate "$tmpdir/tender.xml" "$tmpdir/commented.xml" >"$tmpdir/commented.out" 2>/dev/null || true
  cmp -s <(nosrc "$tmpdir/mapped.xml") <(nosrc "$tmpdir/commented.out") ||
    fail "a comment changed the evaluation"
  exit 0
fi

if [ "$set" = cli ]; then
  sample=$src/samples/04-wbe-open-ted.xml
  bids=$src/samples/bids/04-wbe-open-ted
  "$tp" tender "$sample" >"$tmpdir/tender.xml"
  expect_exit 0 -- "$tp" evaluate --help;        expect_stdout "Usage: tenderpack evaluate"
  expect_exit 2 -- "$tp" evaluate;               expect_stderr "no tender given"
  expect_exit 2 -- "$tp" evaluate "$tmpdir/tender.xml"; expect_stderr "no bid given"
  expect_exit 2 -- "$tp" evaluate -f pdf "$tmpdir/tender.xml" "$bids/01-mosane.xml"
  expect_stderr "unknown format"
  expect_exit 2 -- "$tp" evaluate --bogus "$tmpdir/tender.xml"; expect_stderr "unknown option '--bogus'"
  expect_exit 2 -- "$tp" evaluate - -;           expect_stderr "only once"
  # A profile is not a tender: schema errors, exit 1, nothing on stdout.
  expect_exit 1 -- "$tp" evaluate "$sample" "$bids/01-mosane.xml"; expect_no_stdout
  expect_exit 3 -- "$tp" evaluate "$tmpdir/tender.xml" /nonexistent/bid.xml
  expect_stderr "cannot open"; expect_no_stdout
  # -o writes atomically; a failure leaves nothing.
  expect_exit 0 -- "$tp" evaluate -o "$tmpdir/ev.xml" "$tmpdir/tender.xml" "$bids/01-mosane.xml"
  expect_no_stdout; [ -s "$tmpdir/ev.xml" ] || fail "-o wrote nothing"
  expect_exit 3 -- "$tp" evaluate -o "$tmpdir/ev2.xml" "$tmpdir/tender.xml" /nonexistent/bid.xml
  [ ! -e "$tmpdir/ev2.xml" ] || fail "a failed run left an output file"
  # A broken <bids> stream is an error (the bids after the break are lost).
  printf '<bids xmlns="urn:tenderpack:bid:1"><bid version="1"' >"$tmpdir/broken.xml"
  expect_exit 1 -- "$tp" evaluate "$tmpdir/tender.xml" "$tmpdir/broken.xml"
  expect_stderr "stream is not well-formed"; expect_no_stdout
  # One <bid> on stdin works as well as a file; a DOCTYPE is refused as a finding.
  expect_exit 0 -- "$tp" evaluate "$tmpdir/tender.xml" - <"$bids/01-mosane.xml"
  expect_stdout 'source="&lt;stdin&gt;"'
  { echo '<?xml version="1.0"?><!DOCTYPE bid [<!ENTITY a "aaaa">]>'; tail -n +2 "$bids/01-mosane.xml"; } >"$tmpdir/dtd.xml"
  expect_exit 0 -- "$tp" evaluate "$tmpdir/tender.xml" "$tmpdir/dtd.xml"
  expect_stdout 'code="BID-XML"'; expect_stdout "DOCTYPE"
  echo "ok evaluate cli"
  exit 0
fi

name=$(basename "$set")
"$tp" tender "$src/samples/$name.xml" >"$tmpdir/tender.xml"
cd "$set"
if [ -f bids.xml ]; then
  inputs=(-); stdin=bids.xml
else
  inputs=($(LC_ALL=C ls [0-9]*.xml)); stdin=/dev/null
fi
run() { "$tp" evaluate "$@" "$tmpdir/tender.xml" "${inputs[@]}" <"$stdin"; }

expect_exit 0 -- run
norm <"$tmpdir/out" >"$tmpdir/ev1.xml"
xmllint --noout --nonet --schema "$src/schemas/evaluation.xsd" "$tmpdir/ev1.xml" 2>"$tmpdir/xsd" \
  || { cat "$tmpdir/xsd" >&2; fail "evaluation of $name is not valid against evaluation.xsd"; }
run | norm >"$tmpdir/ev2.xml"
cmp -s "$tmpdir/ev1.xml" "$tmpdir/ev2.xml" || fail "two runs differ for $name"
golden=expected.evaluation.xml
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$tmpdir/ev1.xml" "$golden"; echo "updated $set/$golden" >&2
fi
[ -f "$golden" ] || fail "no $set/$golden (run with UPDATE_GOLDEN=1 and review it)"
diff -u "$golden" "$tmpdir/ev1.xml" >&2 || fail "evaluation of $name differs from $golden"

# Hand-checked figures: every line of checks.txt appears in the XML.
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  grep -qF -- "$line" "$tmpdir/ev1.xml" || fail "$name: evaluation lacks: $line"
done <checks.txt

# Text and CSV: same offers, same winners.
expect_exit 0 -- run -f text
expect_stdout "Attribution proposée"
expect_exit 0 -- run -f csv
head -n 1 "$tmpdir/out" | grep -q '^lot,rank,bid,supplier,vat,status' || fail "CSV header"
offers=$(grep -c '<offer ' "$tmpdir/ev1.xml")
[ "$(($(wc -l <"$tmpdir/out") - 1))" = "$offers" ] || fail "CSV rows differ from the $offers offers"

# The C reader and the schema agree: a bid has a form finding iff xmllint
# rejects it (a stream: any form finding iff the stream is rejected).
if [ "${inputs[0]}" = - ]; then
  if xmllint --noout --nonet --schema "$src/schemas/bid.xsd" bids.xml 2>/dev/null; then xsd=valid; else xsd=invalid; fi
  if grep -qE 'code="BID-(SCHEMA|XML)"' "$tmpdir/ev1.xml"; then reader=invalid; else reader=valid; fi
  [ "$xsd" = "$reader" ] || fail "bids.xml: bid.xsd says $xsd, the reader says $reader"
  inputs=()
fi
i=0
for f in "${inputs[@]}"; do
  i=$((i + 1))
  id=$(printf 'B%04d' "$i")
  if xmllint --noout --nonet --schema "$src/schemas/bid.xsd" "$f" 2>/dev/null; then xsd=valid; else xsd=invalid; fi
  if awk -v id="$id" '/<bid id=/{on = index($0, "id=\"" id "\"") > 0} on && /code="BID-(SCHEMA|XML)"/{f=1} END{exit !f}' "$tmpdir/ev1.xml"
  then reader=invalid; else reader=valid; fi
  [ "$xsd" = "$reader" ] || fail "$f: bid.xsd says $xsd, the reader says $reader"
done
echo "ok bids $name"
