#!/usr/bin/env bash
# The browser test (ctest label `browser`): runs a shipped scenario with its report, then opens
# report.html in headless chromium (check_page.sh). The run's folder, and the screenshot
# OUT/report.png, stay in the build tree as the test's artefacts.
#   report_in_chromium.sh LINKSIM SCENARIO OUT [EXPECTED_EXIT]
set -uo pipefail
linksim=$1 scenario=$2 out=$3 expect=${4:-0}
here=$(dirname "$0")
rm -rf "$out" && mkdir -p "$out"
"$linksim" run "$scenario" --out "$out/run" --quiet
code=$?
if [ "$code" != "$expect" ]; then
  echo "report_in_chromium: linksim run $scenario exited $code, expected $expect" >&2
  exit 1
fi
exec bash "$here/check_page.sh" "$out/run/report.html" "$out/report.png"
