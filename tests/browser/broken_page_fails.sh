#!/usr/bin/env bash
# The browser check can fail: check_page.sh must reject a page with a script error, a page whose
# chart does not render, and a report without its charts (Chart.js missing), and accept a good one.
#   broken_page_fails.sh LINKSIM SCENARIO OUT
set -uo pipefail
linksim=$1 scenario=$2 out=$3
here=$(dirname "$0")
rm -rf "$out" && mkdir -p "$out"
fail=0
expect() { # expect STATUS MESSAGE-FRAGMENT PAGE
  local want=$1 fragment=$2 page=$3 log="$out/$(basename "$3").log"
  bash "$here/check_page.sh" "$page" "$out/$(basename "$3").png" >"$log" 2>&1
  local got=$?
  if [ "$got" != "$want" ] || ! grep -q -- "$fragment" "$log"; then
    echo "broken_page_fails: $page: exit $got (want $want), output lacks '$fragment':" >&2
    cat "$log" >&2
    fail=1
  else
    echo "broken_page_fails: $(basename "$page"): exit $got as expected ($fragment)"
  fi
}
# A good report, then the same report with an error injected, a chart that cannot draw, and none.
"$linksim" run "$scenario" --out "$out/good" --quiet >/dev/null
expect 0 "rendered" "$out/good/report.html"
sed 's|<script type=.application/json. id=.chart-data.>|<script>undefinedFunction();</script>&|' "$out/good/report.html" >"$out/script-error.html"
expect 1 "script error" "$out/script-error.html"
sed 's|"canvas":"chart-volume"|"canvas":"no-such-canvas"|' "$out/good/report.html" >"$out/chart-missing.html"
expect 1 "chart(s) rendered" "$out/chart-missing.html"
LINKSIM_CHARTJS=/nonexistent/chart.min.js "$linksim" run "$scenario" --out "$out/no-chartjs" --quiet >/dev/null 2>&1
expect 1 "meant to draw no chart" "$out/no-chartjs/report.html"
exit $fail
