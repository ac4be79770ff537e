#!/usr/bin/env bash
# The eForms contract notice (docs/NOTICE.md).
#   check_notice.sh sample TP SAMPLE.xml SHARED_DIR
#     Published sample (PNDAPP, open): the notice is the same from the profile, its
#     tender and stdin, byte-identical across runs, of the right subtype, and passes
#     SHARED_DIR/eforms/validate -r (XSD and Schematron; a skip is a failure). Without
#     the validator the test reports itself skipped (77) after the other checks.
#     Unpublished sample (faible montant, PNSPP): exit 1, nothing on stdout, the reason.
#   check_notice.sh refuse TP SOURCE_DIR
#     Broken or unpublishable input: exit code, message, nothing written.
set -euo pipefail
mode=$1 tp=$2
. "$(dirname "$0")/lib.sh"

procedure_of() { sed -n 's/.*<procedure code="\([^"]*\)".*/\1/p' "$1"; }

if [ "$mode" = sample ]; then
  sample=$3 shared=$4
  name=$(basename "$sample" .xml)
  expect_exit 0 -- "$tp" tender "$sample"
  cp "$tmpdir/out" "$tmpdir/tender.xml"
  code=$(procedure_of "$tmpdir/tender.xml")
  case "$code" in
    faible-montant|pnspp)
      for input in "$sample" "$tmpdir/tender.xml"; do
        expect_exit 1 -- "$tp" notice "$input"
        expect_no_stdout
        expect_stderr "no contract notice"
        expect_stderr "aucun avis de marché n'est publié"
      done
      echo "ok $name (procedure $code: no notice)"; exit 0 ;;
    pndapp|open) ;;
    *) fail "unknown procedure '$code' in the tender of $name" ;;
  esac
  notice="$tmpdir/$name.notice.xml"
  expect_exit 0 -- "$tp" notice "$sample"
  cp "$tmpdir/out" "$notice"
  "$tp" notice "$tmpdir/tender.xml" > "$tmpdir/n2.xml"
  cmp -s "$notice" "$tmpdir/n2.xml" || fail "notice from the profile and from its tender differ ($name)"
  "$tp" notice - < "$sample" > "$tmpdir/n3.xml"
  cmp -s "$notice" "$tmpdir/n3.xml" || fail "two runs (file, stdin) differ for $name"
  "$tp" notice -o "$tmpdir/n4.xml" "$sample"
  cmp -s "$notice" "$tmpdir/n4.xml" || fail "-o output differs from stdout for $name"
  if grep -q 'aboveEuThreshold="true"' "$tmpdir/tender.xml"; then want=16; else want=E3; fi
  grep -q "<cbc:SubTypeCode listName=\"notice-subtype\">$want</cbc:SubTypeCode>" "$notice" \
    || fail "notice of $name is not of subtype $want"
  validator="$shared/eforms/validate"
  if [ ! -x "$validator" ]; then
    echo "SKIP $name: $validator not found (XSD checked by tenderpack only)"; exit 77
  fi
  "$validator" -r "$notice" >&2 || fail "notice of $name fails the eForms validator"
  echo "ok $name (subtype $want, XSD and Schematron)"
  exit 0
fi

[ "$mode" = refuse ] || fail "unknown mode '$mode'"
src=$3
published="" unpublished=""
for s in "$src"/samples/*.xml; do
  "$tp" tender "$s" > "$tmpdir/t.xml" 2>/dev/null || continue
  case "$(procedure_of "$tmpdir/t.xml")" in
    open) [ -n "$published" ] || { published=$s; cp "$tmpdir/t.xml" "$tmpdir/open.xml"; } ;;
    pnspp|faible-montant) [ -n "$unpublished" ] || { unpublished=$s; cp "$tmpdir/t.xml" "$tmpdir/unpub.xml"; } ;;
  esac
done
[ -n "$published" ] && [ -n "$unpublished" ] || fail "samples/ needs an open and an unpublished procedure"

expect_exit 0 -- "$tp" notice --help;        expect_stdout "Usage: tenderpack notice"
expect_exit 2 -- "$tp" notice;               expect_stderr "no profile or tender given"
expect_exit 2 -- "$tp" notice --subtype 29 "$published"; expect_stderr "--subtype must be 16 or E3"
expect_exit 2 -- "$tp" notice --bogus "$published";      expect_stderr "unknown option '--bogus'"

# A tender breaking a rule (a 7-digit CPV code): refused before anything is written.
sed 's/main="30213100-6"/main="3021310-6"/' "$tmpdir/open.xml" > "$tmpdir/bad-cpv.xml"
expect_exit 1 -- "$tp" notice "$tmpdir/bad-cpv.xml"
expect_no_stdout
expect_stderr "3021310-6"
expect_exit 1 -- "$tp" notice -o "$tmpdir/n.xml" "$tmpdir/bad-cpv.xml"
[ ! -e "$tmpdir/n.xml" ] || fail "a refused notice left an output file"

# Paper submission cannot be published by this template.
sed 's/electronicSubmission="true"/electronicSubmission="false"/' "$tmpdir/open.xml" > "$tmpdir/paper.xml"
expect_exit 1 -- "$tp" notice "$tmpdir/paper.xml"
expect_no_stdout
expect_stderr "dates/@electronicSubmission"

# No notice for an unpublished procedure, even when a subtype is forced.
expect_exit 1 -- "$tp" notice "$tmpdir/unpub.xml";              expect_no_stdout
expect_stderr "no contract notice"
expect_exit 1 -- "$tp" notice --subtype E3 "$tmpdir/unpub.xml"; expect_no_stdout
expect_stderr "cannot publish a notice"

# Neither a profile nor a tender.
echo '<bid xmlns="urn:example"/>' > "$tmpdir/other.xml"
expect_exit 1 -- "$tp" notice "$tmpdir/other.xml"; expect_no_stdout
expect_stderr "neither a school profile nor a tender"

# Forcing the subtype of a published procedure.
expect_exit 0 -- "$tp" notice --subtype E3 "$tmpdir/open.xml"
grep -q '>E3</cbc:SubTypeCode>' "$tmpdir/out" || fail "--subtype E3 was not applied"
echo "ok notice refusals"
