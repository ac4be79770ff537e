#!/usr/bin/env bash
# The tender pack of a sample: deterministic, complete (manifest sizes and
# SHA-256 match), its tender equal to the golden tender, every document valid
# for check-doc (../shared/validators; full mode with LibreOffice, or --fast
# when TP_CHECKDOC_FAST=1), and, for samples with a tests/golden/pack/NAME/
# folder, equal part by part to the golden copy (UPDATE_GOLDEN=1 rewrites it).
#   check_pack.sh TP SAMPLE.xml SOURCE_DIR SHARED_DIR
set -euo pipefail
tp=$1 sample=$2 src=$3 shared=$4
. "$(dirname "$0")/lib.sh"
name=$(basename "$sample" .xml)

expect_exit 0 -- "$tp" pack -o "$tmpdir/a.zip" "$sample"
expect_no_stdout
"$tp" pack -o - - <"$sample" >"$tmpdir/b.zip"
cmp -s "$tmpdir/a.zip" "$tmpdir/b.zip" || fail "two packs of $name differ (file vs stdin)"
SOURCE_DATE_EPOCH=1767225600 "$tp" pack -o "$tmpdir/c.zip" "$sample"
cmp -s "$tmpdir/a.zip" "$tmpdir/c.zip" && fail "SOURCE_DATE_EPOCH did not change the zip dates"
listing=$(unzip -l "$tmpdir/c.zip")
[[ "$listing" == *"2026-01-01 00:00"* ]] || fail "zip dates do not follow SOURCE_DATE_EPOCH"

x="$tmpdir/x"; mkdir "$x"
(cd "$x" && unzip -q "$tmpdir/a.zip")
entries=$(unzip -Z1 "$tmpdir/a.zip")
first=$(printf '%s\n' "$entries" | head -n 2 | tr '\n' ' ')
[ "$first" = "LISEZMOI.txt cahier-special-des-charges.pdf " ] || fail "pack starts with: $first"
for f in LISEZMOI.txt cahier-special-des-charges.pdf cahier-special-des-charges.odt \
         cahier-special-des-charges.docx tender.xml manifest.xml; do
  [ -s "$x/$f" ] || fail "$name pack lacks $f"
done
[ "$(printf '%s\n' "$entries" | tail -n 1)" = manifest.xml ] || fail "manifest.xml is not last"

# The manifest lists every other file with its real size and SHA-256.
listed=0
while IFS='|' read -r file size sum; do
  [ -f "$x/$file" ] || fail "manifest lists missing $file"
  [ "$(stat -c %s "$x/$file")" = "$size" ] || fail "size of $file differs from the manifest"
  [ "$(sha256sum "$x/$file" | cut -d' ' -f1)" = "$sum" ] || fail "SHA-256 of $file differs"
  listed=$((listed + 1))
done < <(sed -n 's/.*<file name="\([^"]*\)" size="\([0-9]*\)" sha256="\([0-9a-f]*\)".*/\1|\2|\3/p' "$x/manifest.xml")
[ "$listed" = "$(( $(printf '%s\n' "$entries" | grep -cv '/$') - 1 ))" ] \
  || fail "manifest lists $listed files, the zip has more"

diff -q "$src/tests/golden/$name.tender.xml" "$x/tender.xml" >/dev/null \
  || fail "tender.xml in the pack differs from the golden tender"
# The notice in the pack is the one 'tenderpack notice' gives (validated by e2e.notice.*);
# an unpublished procedure has none and its README says why.
if "$tp" notice "$sample" >"$tmpdir/notice.xml" 2>/dev/null; then
  cmp -s "$tmpdir/notice.xml" "$x/avis-de-marche-eforms.xml" || fail "the pack's notice differs"
else
  [ ! -e "$x/avis-de-marche-eforms.xml" ] || fail "unpublished procedure with a notice"
  grep -q "aucun avis de marché" "$x/LISEZMOI.txt" || fail "README does not say why there is no notice"
fi
reference=$(sed -n 's:.*<reference>\(.*\)</reference>.*:\1:p' "$x/tender.xml" | head -n 1)

# Golden parts (normalised: text of the PDF, XML of the editable copies).
golden="$src/tests/golden/pack/$name"
if [ -d "$golden" ] || [ "${UPDATE_GOLDEN:-}" = 1 -a -d "$src/tests/golden/pack/$name" ]; then
  pdftotext -layout "$x/cahier-special-des-charges.pdf" "$tmpdir/pdf.txt"
  pdfinfo "$x/cahier-special-des-charges.pdf" | sed -n 's/^Pages: *//p' >"$tmpdir/pages.txt"
  unzip -p "$x/cahier-special-des-charges.odt" content.xml | xmllint --format - >"$tmpdir/odt-content.xml"
  unzip -p "$x/cahier-special-des-charges.docx" word/document.xml | xmllint --format - >"$tmpdir/docx-document.xml"
  cp "$x/LISEZMOI.txt" "$tmpdir/LISEZMOI.txt"
  for part in LISEZMOI.txt pdf.txt pages.txt odt-content.xml docx-document.xml; do
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmpdir/$part" "$golden/$part"; fi
    cmp -s "$golden/$part" "$tmpdir/$part" || { diff -u "$golden/$part" "$tmpdir/$part" | head -40 >&2; fail "$part of $name differs from $golden"; }
  done
fi

checkdoc="$shared/validators/check-doc"
if [ ! -x "$checkdoc" ]; then
  echo "skip: no $checkdoc (the structural checks passed)"; exit 77
fi
mode=""; [ "${TP_CHECKDOC_FAST:-}" = 1 ] && mode=--fast
for f in pdf odt docx; do
  fonts=""; [ $f = pdf ] && fonts=--require-embedded-fonts
  /usr/bin/python3 "$checkdoc" $mode $fonts --expect-text "$reference" \
    --expect-text "Cahier spécial des charges" "$x/cahier-special-des-charges.$f" >"$tmpdir/cd.log" 2>&1 \
    || { cat "$tmpdir/cd.log" >&2; fail "check-doc rejects the $f of $name"; }
done
# Offer forms: one ODS and one XLSX per lot (LibreOffice round trip in test_forms_office).
nlots=$(grep -c '<lot number=' "$x/tender.xml")
for n in $(seq "$nlots"); do
  for f in "$x/offres/formulaire-lot-$n.ods" "$x/offres/formulaire-lot-$n.xlsx"; do
    /usr/bin/python3 "$checkdoc" --fast --expect-text "$reference" "$f" >"$tmpdir/cd.log" 2>&1 \
      || { cat "$tmpdir/cd.log" >&2; fail "check-doc rejects $(basename "$f") of $name"; }
  done
  [ -s "$x/offres/offre-lot-$n.xml" ] || fail "no bid template for lot $n"
  xmllint --noout --nonet "$x/offres/offre-lot-$n.xml" || fail "bid template of lot $n is not XML"
  grep -qF "$reference" "$x/offres/offre-lot-$n.xml" || fail "bid template of lot $n lacks the reference"
done
echo "ok $name"
