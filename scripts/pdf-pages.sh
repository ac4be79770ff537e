#!/bin/sh
# Renders every page of a PDF to PNG (poppler's pdftoppm) so a person can look
# at the layout: page breaks, tables, headers and footers.
#
#   scripts/pdf-pages.sh FILE.pdf [OUTDIR] [DPI]
#
# Writes OUTDIR/page-N.png for every page (pdftoppm pads N with zeros to the
# width of the last page number), then prints the files it wrote. OUTDIR
# defaults to FILE without .pdf plus "-pages", DPI to 80.
set -eu

usage() {
    echo "usage: $0 FILE.pdf [OUTDIR] [DPI]" >&2
    exit 2
}

[ $# -ge 1 ] && [ $# -le 3 ] || usage
pdf=$1
[ -r "$pdf" ] || { echo "$0: cannot read $pdf" >&2; exit 1; }
out=${2:-${pdf%.pdf}-pages}
dpi=${3:-80}
case $dpi in *[!0-9]* | '') echo "$0: DPI must be a number" >&2; exit 2 ;; esac
command -v pdftoppm >/dev/null 2>&1 || {
    echo "$0: pdftoppm not found (Debian: apt-get install poppler-utils)" >&2
    exit 1
}

mkdir -p "$out"
# Old pages of a previous, longer render would mislead: remove them first.
rm -f "$out"/page-*.png
pdftoppm -r "$dpi" -png "$pdf" "$out/page"
ls "$out"/page-*.png
