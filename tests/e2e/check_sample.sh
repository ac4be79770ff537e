#!/usr/bin/env bash
# A sample profile validates, gives a tender valid against schemas/tender.xsd,
# byte-identical across runs and equal to its golden copy (UPDATE_GOLDEN=1 rewrites it).
set -euo pipefail
tp=$1 sample=$2 src=$3
. "$(dirname "$0")/lib.sh"
name=$(basename "$sample" .xml)
golden="$src/tests/golden/$name.tender.xml"

expect_exit 0 -- "$tp" validate "$sample"
expect_stdout "valid ("
expect_exit 0 -- "$tp" tender "$sample"
cp "$tmpdir/out" "$tmpdir/t1.xml"
xmllint --noout --nonet --schema "$src/schemas/tender.xsd" "$tmpdir/t1.xml" 2>"$tmpdir/xsd" \
  || { cat "$tmpdir/xsd" >&2; fail "tender of $name is not valid against tender.xsd"; }
# Determinism, and stdin gives the same result as a file.
"$tp" tender - <"$sample" >"$tmpdir/t2.xml"
cmp -s "$tmpdir/t1.xml" "$tmpdir/t2.xml" || fail "two runs (file, stdin) differ for $name"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$tmpdir/t1.xml" "$golden"; echo "updated $golden" >&2
fi
[ -f "$golden" ] || fail "no golden file $golden (run with UPDATE_GOLDEN=1 and review it)"
diff -u "$golden" "$tmpdir/t1.xml" >&2 || fail "tender of $name differs from $golden"
echo "ok $name"
