#!/usr/bin/env bash
# The browser test of an exercise's after-action report (ctest label `browser`): replays an actions
# file with `linksim exercise` (exit 1 expected: the late answer scores below 100 %), then opens
# after-action.html in headless chromium (check_page.sh).
#   exercise_in_chromium.sh LINKSIM SCENARIO ACTIONS OUT [EXPECTED_EXIT]
set -uo pipefail
linksim=$1 scenario=$2 actions=$3 out=$4 expect=${5:-1}
here=$(dirname "$0")
rm -rf "$out" && mkdir -p "$out"
"$linksim" exercise "$scenario" --actions "$actions" --out "$out/run" --quiet
code=$?
if [ "$code" != "$expect" ]; then
  echo "exercise_in_chromium: linksim exercise $scenario --actions $actions exited $code, expected $expect" >&2
  exit 1
fi
exec bash "$here/check_page.sh" "$out/run/after-action.html" "$out/after-action.png"
