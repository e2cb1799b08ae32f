#!/usr/bin/env bash
# The browser test of compare.html (ctest label `browser`): runs `linksim compare BASE VARIANT
# --seeds 2`, then opens compare.html in headless chromium (check_page.sh). The compare's folder and
# the screenshot OUT/compare.png stay in the build tree as the test's artefacts.
#   compare_in_chromium.sh LINKSIM BASE VARIANT OUT
set -uo pipefail
linksim=$1 base=$2 variant=$3 out=$4
here=$(dirname "$0")
rm -rf "$out" && mkdir -p "$out"
"$linksim" compare "$base" "$variant" --seeds 2 --out "$out/compare" --quiet
code=$?
if [ "$code" != 0 ] && [ "$code" != 1 ]; then # 1: the variant regressed, which a compare may well show
  echo "compare_in_chromium: linksim compare exited $code" >&2
  exit 1
fi
exec bash "$here/check_page.sh" "$out/compare/compare.html" "$out/compare.png"
