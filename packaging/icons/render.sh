#!/usr/bin/env bash
# Renders the application icon (resources/icons/valuescope.svg) to the PNG sizes of the hicolor
# theme. The PNGs are checked in; run this after changing the SVG (needs librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for n in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "${n}x${n}"
  rsvg-convert -w "$n" -h "$n" ../../resources/icons/valuescope.svg -o "${n}x${n}/org.valuescope.ValueScope.png"
done
