#!/usr/bin/env bash
# The evaluation report end to end: with a bid set samples/bids/<sample>/,
# 'evaluate -o DIR' writes DIR/evaluation.xml (the same bytes as on stdout)
# and DIR/rapport-evaluation.pdf/.odt/.docx; two runs are byte-identical;
# SOURCE_DATE_EPOCH dates the report; a failed run leaves no file; then
# check-doc (../shared/validators; full mode, or --fast when
# TP_CHECKDOC_FAST=1; exit 77 when absent) on the three documents, which
# must name the first lot's proposed winner.
set -euo pipefail
tp=$1 set=$2 src=$3 shared=$4
. "$(dirname "$0")/lib.sh"

name=$(basename "$set")
"$tp" tender "$src/samples/$name.xml" >"$tmpdir/tender.xml"
cd "$set"
if [ -f bids.xml ]; then
  inputs=(-); stdin=bids.xml
else
  inputs=($(LC_ALL=C ls [0-9]*.xml)); stdin=/dev/null
fi
run() { "$tp" evaluate "$@" "$tmpdir/tender.xml" "${inputs[@]}" <"$stdin"; }
files="evaluation.xml rapport-evaluation.pdf rapport-evaluation.odt rapport-evaluation.docx"

expect_exit 0 -- run; cp "$tmpdir/out" "$tmpdir/stdout.xml"
expect_exit 0 -- run -o "$tmpdir/r1/"; expect_no_stdout
mkdir "$tmpdir/r2"
expect_exit 0 -- run -o "$tmpdir/r2"
for f in $files; do
  [ -s "$tmpdir/r1/$f" ] || fail "$name: -o DIR wrote no $f"
  cmp -s "$tmpdir/r1/$f" "$tmpdir/r2/$f" || fail "$name: two runs give different $f"
done
[ "$(ls "$tmpdir/r1" | wc -l)" = 4 ] || fail "$name: -o DIR wrote other files: $(ls "$tmpdir/r1")"
cmp -s "$tmpdir/stdout.xml" "$tmpdir/r1/evaluation.xml" || fail "$name: DIR/evaluation.xml differs from stdout"

# The date: the deadline's day by default, SOURCE_DATE_EPOCH when set.
deadline=$(sed -n 's/.*<tender [^>]*deadline="\([0-9-]*\)T.*/\1/p' "$tmpdir/stdout.xml")
pdfinfo -isodates "$tmpdir/r1/rapport-evaluation.pdf" | grep -q "CreationDate: *${deadline}T00:00:00" \
  || { pdfinfo -isodates "$tmpdir/r1/rapport-evaluation.pdf" >&2; fail "$name: PDF not dated $deadline"; }
SOURCE_DATE_EPOCH=1800000000 expect_exit 0 -- run -o "$tmpdir/r3/"
pdfinfo -isodates "$tmpdir/r3/rapport-evaluation.pdf" | grep -q "CreationDate: *2027-01-15T08:00:00" \
  || fail "$name: SOURCE_DATE_EPOCH ignored"
SOURCE_DATE_EPOCH=soon expect_exit 2 -- run -o "$tmpdir/r4/"; expect_stderr "SOURCE_DATE_EPOCH"
expect_exit 2 -- run -f csv -o "$tmpdir/r4/"; expect_stderr "-o DIR writes evaluation.xml"
# A failure leaves nothing: an unreadable bid.
expect_exit 3 -- "$tp" evaluate -o "$tmpdir/r5/" "$tmpdir/tender.xml" /nonexistent/bid.xml
[ ! -e "$tmpdir/r5" ] || fail "$name: a failed run left $(ls -A "$tmpdir/r5")"

winner=$(awk '/<award /{getline; sub(/^ *<supplier>/, ""); sub(/<\/supplier>.*/, ""); print; exit}' "$tmpdir/stdout.xml" \
         | sed "s/&apos;/'/g; s/&amp;/\&/g")
[ -n "$winner" ] || fail "$name: no proposed award in the evaluation"
for f in pdf odt docx; do
  grep -q . "$tmpdir/r1/rapport-evaluation.$f" || fail "empty $f"
done
checkdoc="$shared/validators/check-doc"
if [ ! -x "$checkdoc" ]; then
  echo "skip: no $checkdoc (the structural checks passed)"; exit 77
fi
mode=""; [ "${TP_CHECKDOC_FAST:-}" = 1 ] && mode=--fast
for f in pdf odt docx; do
  fonts=""; [ $f = pdf ] && fonts=--require-embedded-fonts
  /usr/bin/python3 "$checkdoc" $mode $fonts --expect-text "$winner" \
    --expect-text "Rapport d’évaluation des offres" "$tmpdir/r1/rapport-evaluation.$f" >"$tmpdir/cd.log" 2>&1 \
    || { cat "$tmpdir/cd.log" >&2; fail "check-doc rejects the $f report of $name"; }
done
echo "ok report $name"
