#!/usr/bin/env bash
# Installs the Debian 12 packages tenderpack needs, only those missing.
#   scripts/deps.sh          build dependencies
#   scripts/deps.sh --test   plus what the test suite's validators need
set -euo pipefail

build_pkgs=(build-essential cmake pkg-config libxml2-dev libxslt1-dev libhpdf-dev libzip-dev
            libsqlite3-dev libcmocka-dev zlib1g-dev libxml2-utils unzip)
# ../shared/validators/check-doc and ../shared/eforms/validate (see their READMEs)
test_pkgs=(jing python3-lxml python3-odf python3-docx python3-openpyxl poppler-utils qpdf
           libreoffice-writer-nogui libreoffice-calc-nogui default-jre-headless libsaxonhe-java)

pkgs=("${build_pkgs[@]}")
[ "${1:-}" = "--test" ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
