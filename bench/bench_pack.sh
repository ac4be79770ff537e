#!/usr/bin/env bash
# Benchmarks the tender pack (docs/BENCHMARKS.md records the figures):
#  1. one full pack per sample: median wall time of N runs and peak RSS;
#  2. batch throughput over 500 generated profiles on all cores;
#  3. what a user would do instead: LibreOffice headless converting the pack's
#     own ODT to PDF and to DOCX (median of 3).
# Usage: bench/bench_pack.sh [BUILD_DIR] [RUNS]   (a Release build is best)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-rel}
runs=${2:-21}
tp="$build/tenderpack"
[ -x "$tp" ] || { echo "no $tp: cmake -S . -B $build -DCMAKE_BUILD_TYPE=Release && cmake --build $build" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

ms_now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

echo "== warm: packs in one process (once-per-process costs paid first and shown apart)"
"$build/bench/bench_pack" "$runs" samples/*.xml
echo
echo "== cold: one 'tenderpack pack' process per pack ($runs runs each; $(nproc) cores; $(date -u +%F))"
printf "%-45s %10s %10s %8s\n" sample "median ms" "peak RSS" pages
all=()
for s in samples/*.xml; do
  name=$(basename "$s" .xml)
  for i in $(seq "$runs"); do
    t0=$(ms_now); "$tp" pack -o "$work/p.zip" "$s"; t1=$(ms_now)
    echo $(( (t1 - t0) / 1000 ))
  done | awk '{print $1/1000}' >"$work/times"
  med=$(median <"$work/times"); all+=("$med")
  rss=$(/usr/bin/time -f %M "$tp" pack -o "$work/p.zip" "$s" 2>&1 >/dev/null | tail -n 1)
  pages=$(unzip -p "$work/p.zip" cahier-special-des-charges.pdf >"$work/p.pdf"; pdfinfo "$work/p.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  printf "%-45s %10s %8s kB %8s\n" "$name" "$med" "$rss" "${pages:-?}"
done
printf "median over samples: %s ms\n" "$(printf '%s\n' "${all[@]}" | median)"

echo
echo "== batch: 500 generated profiles, -j $(nproc)"
mkdir -p "$work/profiles"
i=0
for n in $(seq 500); do
  for s in samples/*.xml; do
    i=$((i + 1)); [ $i -gt 500 ] && break 2
    sed "s|<reference>\([^<]*\)</reference>|<reference>B$i-\1</reference>|" "$s" >"$work/profiles/p$i.xml"
  done
done
t0=$(ms_now)
/usr/bin/time -f %M -o "$work/batch.rss" "$tp" pack --batch -o "$work/out" "$work"/profiles/*.xml 2>/dev/null
t1=$(ms_now)
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
echo "500 packs in $secs s: $(awk -v s="$secs" 'BEGIN {printf "%.0f", 500 / s}') packs/s, parent peak RSS $(cat "$work/batch.rss") kB"

echo
echo "== LibreOffice headless on the pack's own ODT (what a user would do instead)"
if command -v soffice >/dev/null; then
  s=samples/03-provincial-multi-school-pndapp.xml
  "$tp" pack -o "$work/p.zip" "$s"
  unzip -p "$work/p.zip" cahier-special-des-charges.odt >"$work/csc.odt"
  for target in pdf docx; do
    for i in 1 2 3; do
      rm -rf "$work/lo"; mkdir "$work/lo"
      t0=$(ms_now)
      soffice --headless -env:UserInstallation=file://$work/lo/profile --convert-to $target \
        --outdir "$work/lo" "$work/csc.odt" >/dev/null 2>&1
      t1=$(ms_now)
      echo $(( (t1 - t0) / 1000000 ))
    done >"$work/lo.times"
    lo=$(median <"$work/lo.times")
    t0=$(ms_now); for i in $(seq 5); do "$tp" pack -o "$work/p.zip" "$s"; done; t1=$(ms_now)
    ours=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b - a) / 5e6}')
    echo "ODT → $target: LibreOffice median $lo ms; tenderpack full pack (PDF+ODT+DOCX+…) $ours ms; ratio $(awk -v a="$lo" -v b="$ours" 'BEGIN {printf "%.0f", a / b}')×"
  done
else
  echo "soffice not installed: skipped (apt-get install libreoffice-writer-nogui)"
fi
