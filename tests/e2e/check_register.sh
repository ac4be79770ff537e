#!/usr/bin/env bash
# The register end to end: register (profile with its pack, or tender XML),
# receive (numbering, duplicates, late bids, any file kept), evaluate --db
# (the same result as evaluating the files, plus a filled-in offer form from
# the pack), list and show (text and XML), several receivers at once, and
# receivers killed with SIGKILL leaving the register consistent.
set -euo pipefail
tp=$1 src=$2
. "$(dirname "$0")/lib.sh"
db=$tmpdir/reg.db
sample=$src/samples/04-wbe-open-ted.xml
bids=$src/samples/bids/04-wbe-open-ted
ref=WBE-NAM-2026-003
received_of() { sed -n 's/.*receivedAt="\([^"]*\)".*/\1/p' "$1" | head -n 1; }

# --- usage and errors
expect_exit 0 -- "$tp" register --help;        expect_stdout "Usage: tenderpack register"
expect_exit 0 -- "$tp" receive --help;         expect_stdout "Usage: tenderpack receive"
expect_exit 2 -- "$tp" register --db "$db";    expect_stderr "give a profile or tender file"
expect_exit 2 -- "$tp" receive --db "$db" $ref; expect_stderr "give the tender reference and the bid file"
expect_exit 2 -- "$tp" receive --db "$db" --received yesterday $ref "$bids/01-mosane.xml"
expect_stderr "is not a date and time"
expect_exit 3 -- "$tp" list --db "$db";        expect_stderr "no register here"
[ ! -e "$db" ] || fail "list created a register"
expect_exit 3 -- "$tp" register --db "$db" /nonexistent/profile.xml

# --- register: from the profile (pack hashes kept), idempotent
expect_exit 0 -- env SOURCE_DATE_EPOCH=1780272000 "$tp" register --db "$db" "$sample"
expect_stdout "$ref: registered"; expect_stdout "pack hashes kept"
expect_exit 0 -- env SOURCE_DATE_EPOCH=1780272000 "$tp" register --db "$db" "$sample"
expect_stdout "already registered"
SOURCE_DATE_EPOCH=1780272000 "$tp" pack -o "$tmpdir/pack.zip" "$sample"
expect_exit 0 -- "$tp" show --db "$db" --format xml $ref
pack_sha=$(sha256sum "$tmpdir/pack.zip" | cut -d' ' -f1)
expect_stdout "packSha256=\"$pack_sha\""   # the pack suppliers get is the one registered
expect_stdout "name=\"offres/formulaire-lot-1.ods\""
# from a tender XML too; a different tender under a taken reference is refused
"$tp" tender "$src/samples/02-communal-chromebooks-pnspp.xml" >"$tmpdir/t02.xml"
expect_exit 0 -- "$tp" register --db "$db" "$tmpdir/t02.xml"; expect_stdout "from the tender XML"
sed 's/quantity="140"/quantity="141"/' "$tmpdir/t02.xml" >"$tmpdir/t02b.xml"
expect_exit 1 -- "$tp" register --db "$db" "$tmpdir/t02b.xml"
expect_stderr "already registered with another content"

# --- receive every sample bid at the time it says, in file order
n=0
for f in "$bids"/[0-9]*.xml; do
  n=$((n + 1))
  expect_exit 0 -- "$tp" receive --db "$db" --received "$(received_of "$f")" $ref "$f"
  expect_stdout "$ref: bid $n received"
done
grep -q LATE <("$tp" show --db "$db" $ref) || fail "the late sample bid is not marked late"
expect_exit 0 -- "$tp" receive --db "$db" $ref "$bids/01-mosane.xml"
expect_stdout "duplicate of bid 1"
expect_exit 1 -- "$tp" receive --db "$db" NO-SUCH-REF "$bids/01-mosane.xml"
expect_stderr "no tender 'NO-SUCH-REF'"

# --- evaluate --db gives what evaluating the same files gives
expect_exit 0 -- "$tp" evaluate --db "$db" $ref
sed 's/ source="[^"]*"//' "$tmpdir/out" >"$tmpdir/from-db.xml"
"$tp" tender "$sample" >"$tmpdir/t04.xml"
"$tp" evaluate "$tmpdir/t04.xml" "$bids"/[0-9]*.xml | sed 's/ source="[^"]*"//' >"$tmpdir/from-files.xml"
diff "$tmpdir/from-files.xml" "$tmpdir/from-db.xml" >&2 || fail "evaluate --db differs from evaluate of the files"
expect_exit 0 -- "$tp" evaluate --db "$db" -f text $ref; expect_stdout "Attribution proposée"
expect_exit 2 -- "$tp" evaluate --db "$db" "$tmpdir/t04.xml" "$bids/01-mosane.xml"
expect_stderr "give one tender reference"

# --- an offer form from the pack, received blank: read, and excluded cell by cell
unzip -p "$tmpdir/pack.zip" offres/formulaire-lot-1.xlsx >"$tmpdir/offre-vierge.xlsx"
expect_exit 0 -- "$tp" receive --db "$db" --received 2026-12-01T12:00:00+01:00 $ref "$tmpdir/offre-vierge.xlsx"
expect_stdout "(xlsx,"
expect_exit 0 -- "$tp" evaluate --db "$db" $ref
expect_stdout "Lot 1!F11 : le nom du soumissionnaire manque"
# and given to evaluate directly, detected by content whatever its name
cp "$tmpdir/offre-vierge.xlsx" "$tmpdir/offre.bin"
expect_exit 0 -- "$tp" evaluate "$tmpdir/t04.xml" "$tmpdir/offre.bin"
expect_stdout "Lot 1!F11"
# any file is kept (a bid is never lost): the evaluation says it cannot be read
printf 'not a bid' >"$tmpdir/note.txt"
expect_exit 0 -- "$tp" receive --db "$db" $ref "$tmpdir/note.txt"; expect_stdout "(other,"

# --- list and show, text and XML
expect_exit 0 -- "$tp" list --db "$db"; expect_stdout "$ref"; expect_stdout "IXL-ENS-2026-07"
expect_exit 0 -- "$tp" list --db "$db" --format xml
xmllint --noout "$tmpdir/out" || fail "list --format xml is not well-formed"
expect_stdout "<register xmlns=\"urn:tenderpack:register:1\""
expect_exit 0 -- "$tp" show --db "$db" -f xml $ref
xmllint --noout "$tmpdir/out" || fail "show --format xml is not well-formed"
expect_stdout "evaluations=\"3\""; expect_stdout "duplicates=\"1\""; expect_stdout "<duplicate of=\"1\""
expect_exit 1 -- "$tp" show --db "$db" NO-SUCH-REF; expect_stderr "no tender 'NO-SUCH-REF'"

# --- several receivers at once lose nothing
before=$(sqlite3 "$db" "SELECT count(*) FROM bid")
for p in 1 2 3 4 5 6; do
  (for i in 1 2 3 4 5 6 7 8; do
     f=$tmpdir/c-$p-$i.xml
     { cat "$bids/01-mosane.xml"; echo "<!-- copy $p.$i -->"; } >"$f"
     "$tp" receive --db "$db" $ref "$f" >/dev/null || exit 1
   done) &
done
wait_all=0; for j in $(jobs -p); do wait "$j" || wait_all=1; done
[ $wait_all = 0 ] || fail "a concurrent receiver failed"
after=$(sqlite3 "$db" "SELECT count(*) FROM bid")
[ $((after - before)) = 48 ] || fail "concurrent receivers stored $((after - before)) bids, not 48"
[ "$(sqlite3 "$db" "SELECT count(DISTINCT seq) = count(*) AND max(seq) = count(*) FROM bid b JOIN tender t ON t.id = b.tender_id WHERE t.reference = '$ref'")" = 1 ] \
  || fail "bid numbers are not 1..n"

# --- receivers killed with SIGKILL at random moments
for k in $(seq 1 12); do
  { cat "$bids/01-mosane.xml"; echo "<!-- killed $k -->"; } >"$tmpdir/k-$k.xml"
  "$tp" receive --db "$db" $ref "$tmpdir/k-$k.xml" >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$((RANDOM % 9))"
  kill -9 $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
done
[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after kills"
expect_exit 0 -- "$tp" show --db "$db" $ref   # re-hashes every stored bid
expect_exit 0 -- "$tp" receive --db "$db" $ref "$bids/02-brabant-late.xml"
echo "ok register"
