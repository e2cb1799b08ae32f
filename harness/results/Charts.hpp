// Charts in linksim's pages (report.html, compare.html), drawn by Chart.js 3 from Debian's
// libjs-chart.js. Its minified file is read when a page is written and inlined into it, so the page
// stays one self-contained file that opens offline. Where it is read from: the environment variable
// LINKSIM_CHARTJS, else the build's default (CMake cache variable LINKSIM_CHARTJS, by default
// /usr/share/javascript/chart.js/chart.min.js). If the file is missing the page is still written,
// with every table, a visible notice in place of the charts and a warning on stderr: results never
// depend on a charting library.
//
// A page tells the browser test (tests/browser/check_page.sh) on <body>: data-charts-expected (the
// charts it meant to draw), data-charts-rendered (those Chart.js drew with a non-empty plot area)
// and data-js-errors (script errors and console.error calls, also listed in <pre id="js-errors">).
//
//   std::string notice;
//   page << "<head>" << chart_scripts("report.html", notice) << "</head><body>" << notice;
//   ... page << "<div class='chart'><canvas id='c1'></canvas></div>" ...
//   page << chart_render({{"charts", notice.empty() ? charts : ojson::array()}}) << "</body>";
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace linksim {

/// The <script> elements of a page's <head>: the error trap, then Chart.js inlined. Without the
/// Chart.js file, only the trap, and `notice` is the HTML of a visible notice (else empty).
std::string chart_scripts(const std::string& page, std::string& notice);
/// The charts' data and the script that draws them, for the end of <body>. `meta`: {"charts": [{kind,
/// canvas, ...}], and "origin"/"origin_t" (a JST date-time and its simulated second) for date axes}.
/// Kinds: volume, cdf, hops, timeline, ackcurve (report.html), deltas (compare.html).
std::string chart_render(const nlohmann::ordered_json& meta);

} // namespace linksim
