#!/usr/bin/env bash
# Opens an HTML page in Debian's headless chromium and fails (exit 1) unless the page drew every
# chart it meant to and had no script error:
#   - <body data-charts-expected="N"> with N >= 1, and data-charts-rendered equal to N;
#   - <body data-js-errors="0"> (report.html's error trap counts window errors and console.error);
#   - no "Uncaught" error in chromium's own console log (errors before the trap was installed).
# Keeps a screenshot of the page at SCREENSHOT and prints its path.
#   check_page.sh PAGE.html SCREENSHOT.png
set -uo pipefail
page=$(realpath "$1")
shot=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "check_page: chromium not found (Debian package chromium; .ci/setup installs it)" >&2
  exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --user-data-dir="$profile"
       --enable-logging=stderr --v=0 --virtual-time-budget=10000)
dom=$("$browser" "${flags[@]}" --dump-dom "file://$page" 2>"$profile/console.log")
status=0
body=$(grep -o '<body[^>]*>' <<<"$dom" | head -1)
attr() { sed -n "s/.*$1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$body"; }
expected=$(attr data-charts-expected)
rendered=$(attr data-charts-rendered)
errors=$(attr data-js-errors)
echo "check_page: $page: charts expected ${expected:-?}, rendered ${rendered:-?}; script errors ${errors:-?}"
if [ -z "$expected" ] || [ "$expected" -lt 1 ]; then
  echo "check_page: FAIL: the page meant to draw no chart (no Chart.js, or no data-charts-expected)" >&2
  status=1
fi
if [ "${rendered:-x}" != "${expected:-y}" ]; then
  echo "check_page: FAIL: ${rendered:-no} chart(s) rendered of ${expected:-?}" >&2
  status=1
fi
if [ "${errors:-x}" != "0" ]; then
  echo "check_page: FAIL: ${errors:-unknown number of} script error(s):" >&2
  sed -n 's/.*<pre id="js-errors"[^>]*>\(.*\)/\1/p' <<<"$dom" | sed 's/<\/pre>.*//' | head -20 >&2
  status=1
fi
if grep -q "Uncaught" "$profile/console.log"; then
  echo "check_page: FAIL: chromium's console log has errors:" >&2
  grep "Uncaught" "$profile/console.log" | head -10 >&2
  status=1
fi
mkdir -p "$(dirname "$shot")"
"$browser" "${flags[@]}" --hide-scrollbars --window-size=1200,6000 --screenshot="$(realpath -m "$shot")" "file://$page" \
  >/dev/null 2>&1
if [ -s "$shot" ]; then
  echo "check_page: screenshot $(realpath "$shot")"
else
  echo "check_page: FAIL: no screenshot written at $shot" >&2
  status=1
fi
exit $status
