#!/usr/bin/env bash
# Regenerates templates/fonts/: DejaVu Sans (fonts-dejavu-core/-extra) cut down
# to the Windows-1252 characters the PDF renderer can encode. A full DejaVu
# face carries ~6 000 glyphs that libharu embeds and compresses on every PDF
# (~35 ms); the subsets make that ~1 ms. Needs fonttools (Debian: fonttools).
# DejaVu's licence (Bitstream Vera + public domain changes) allows modified copies.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-/usr/share/fonts/truetype/dejavu}
cp1252="U+0020-007E,U+00A0-00FF,U+20AC,U+201A,U+0192,U+201E,U+2026,U+2020,U+2021,U+02C6,U+2030"
cp1252+=",U+0160,U+2039,U+0152,U+017D,U+2018,U+2019,U+201C,U+201D,U+2022,U+2013,U+2014,U+02DC"
cp1252+=",U+2122,U+0161,U+203A,U+0153,U+017E,U+0178"
for f in DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique DejaVuSans-BoldOblique; do
  pyftsubset "$src/$f.ttf" --unicodes="$cp1252" --output-file="templates/fonts/$f.ttf" \
    --layout-features='' --no-hinting --desubroutinize
done
ls -l templates/fonts
