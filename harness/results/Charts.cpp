#include "harness/results/Charts.hpp"

#include "harness/results/Format.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#ifndef LINKSIM_CHARTJS
#define LINKSIM_CHARTJS "/usr/share/javascript/chart.js/chart.min.js"
#endif

namespace linksim {

namespace {

using ojson = nlohmann::ordered_json;

/// JSON for a <script> element (no "</" that would end it).
std::string script_json(const ojson& j)
{
  std::string s = j.dump();
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/')
      out += "\\";
  }
  return out;
}

/// Runs before anything else: every script error and console.error call ends up on the page.
const char* ERROR_TRAP = R"JS(
(function () {
  var errors = [];
  function note(msg) {
    errors.push(String(msg));
    var show = function () {
      document.body.setAttribute('data-js-errors', String(errors.length));
      var p = document.getElementById('js-errors');
      if (p) { p.hidden = false; p.textContent = errors.join('\n'); }
    };
    if (document.body) show(); else document.addEventListener('DOMContentLoaded', show);
  }
  window.linksimError = note;
  window.addEventListener('error', function (e) { note((e.message || 'error') + (e.lineno ? ' (line ' + e.lineno + ')' : '')); });
  window.addEventListener('unhandledrejection', function (e) { note('unhandled rejection: ' + e.reason); });
  var original = console.error;
  console.error = function () { note(Array.prototype.join.call(arguments, ' ')); if (original) original.apply(console, arguments); };
})();
)JS";

/// Draws the charts described in #chart-data, then marks <body> with how many it drew.
const char* RENDER = R"JS(
(function () {
  var meta = JSON.parse(document.getElementById('chart-data').textContent);
  var body = document.body;
  body.setAttribute('data-charts-expected', String(meta.charts.length));
  if (!body.hasAttribute('data-js-errors')) body.setAttribute('data-js-errors', '0');
  if (typeof Chart === 'undefined') { body.setAttribute('data-charts-rendered', '0'); return; }
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false; // fill the .chart box's height
  Chart.defaults.font.family = 'system-ui, sans-serif';
  var startMs = meta.origin ? Date.parse(meta.origin) - meta.origin_t * 1000 : 0; // simulated second 0
  function human(ms) {
    function p(x) { return String(+x.toPrecision(3)); }
    if (ms >= 3600e3) return p(ms / 3600e3) + ' h';
    if (ms >= 60e3) return p(ms / 60e3) + ' min';
    if (ms >= 1e3) return p(ms / 1e3) + ' s';
    if (ms >= 1) return p(ms) + ' ms';
    return p(ms * 1e3) + ' µs';
  }
  // Ticks of a log time axis (ms) at round times (1-2-5 ms and s, then minutes, hours, days), at most 12.
  var NICE_MS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3,
                 5e3, 1e4, 2e4, 3e4, 6e4, 12e4, 3e5, 6e5, 12e5, 18e5, 36e5, 72e5, 144e5, 216e5, 432e5, 864e5, 1728e5,
                 6048e5];
  function niceTicks(axis) {
    var t = NICE_MS.filter(function (v) { return v >= axis.min * 0.999 && v <= axis.max * 1.001; });
    var k = Math.max(1, Math.ceil(t.length / 12));
    axis.ticks = t.filter(function (v, i) { return i % k === 0; }).map(function (v) { return { value: v }; });
  }
  function logTick(v) { return human(v); }
  function jst(t_s, withTime) { // "2019-06-17" or "2019-06-17 09:30" (JST)
    var s = new Date(startMs + t_s * 1000 + 9 * 3600e3).toISOString();
    return withTime ? s.slice(0, 10) + ' ' + s.slice(11, 16) : s.slice(0, 10);
  }
  // Windows (faults, incidents, ...) shaded behind a chart, each labelled. `edges(chart, w)` gives a
  // window's [x0, x1] in pixels: per-day bars (`from`/`to` are day indexes, a bar's width around
  // each) or a linear x scale (seconds, or hour indexes; a very short window stays 2 px wide).
  function windowsPlugin(id, edges) {
    return { id: id, beforeDatasetsDraw: function (chart, args, opts) {
      var a = chart.chartArea, c = chart.ctx;
      c.save();
      (opts.windows || []).forEach(function (w, i) {
        var e = edges(chart, w);
        c.fillStyle = 'rgba(214,39,40,0.13)';
        c.fillRect(e[0], a.top, e[1] - e[0], a.bottom - a.top);
        c.fillStyle = '#8b1a1a';
        c.font = '11px system-ui, sans-serif';
        c.fillText(w.label, e[0] + 3, a.top + 12 + 13 * (i % 4));
      });
      c.restore();
    } };
  }
  var shade = windowsPlugin('faultWindows', function (chart, w) {
    var x = chart.scales.x, a = chart.chartArea, half = (a.right - a.left) / chart.data.labels.length / 2;
    return [x.getPixelForValue(w.from) - half, x.getPixelForValue(w.to) + half];
  });
  var spans = windowsPlugin('timeWindows', function (chart, w) {
    var x = chart.scales.x, a = chart.chartArea;
    var x0 = Math.max(a.left, x.getPixelForValue(w.from)), x1 = Math.min(a.right, x.getPixelForValue(w.to));
    return [x0, Math.max(x1, x0 + 2)];
  });
  function axisTitle(text) { return { display: true, text: text }; }
  function build(s) {
    if (s.kind === 'volume') return {
      type: 'bar', plugins: [shade],
      data: { labels: s.days, datasets: [
        { label: '照会 issued', data: s.issued, backgroundColor: '#9ecae1' },
        { label: '提供 provided data', data: s.provided, backgroundColor: '#3182bd' }] },
      options: { plugins: { faultWindows: { windows: s.windows } },
                 scales: { x: { title: axisTitle('date (JST) 日付'), ticks: { autoSkip: true, maxTicksLimit: 16 } },
                           y: { beginAtZero: true, title: axisTitle('exchanges per day 件/日') } } } };
    if (s.kind === 'hourly') {
      var hours = []; for (var h = 0; h < 24; h++) hours.push((h < 10 ? '0' : '') + h + ':00');
      return {
        type: 'bar', plugins: [spans],
        data: { labels: hours, datasets: [
          { label: '照会 issued', data: s.issued, backgroundColor: '#9ecae1' },
          { label: '提供 provided data', data: s.provided, backgroundColor: '#3182bd' },
          { label: '正常以外 not correct', data: s.not_correct, backgroundColor: '#d62728' }] },
        options: { plugins: { timeWindows: { windows: s.windows } },
                   scales: { x: { title: axisTitle('hour of issue (JST) 時刻') },
                             y: { beginAtZero: true, title: axisTitle('exchanges per hour 件/時') } } } };
    }
    if (s.kind === 'cdf') return {
      type: 'scatter',
      data: { datasets: [{ label: s.label, data: s.points, showLine: true, pointRadius: 0, borderColor: '#3182bd', borderWidth: 2 }] },
      options: { scales: {
          x: { type: 'logarithmic', title: axisTitle('end-to-end latency 応答時間 (log scale)'), afterBuildTicks: niceTicks, ticks: { callback: logTick, autoSkip: false, maxRotation: 0 } },
          y: { min: 0, max: 100, title: axisTitle('share of exchanges 割合 (%)'), ticks: { stepSize: 10, callback: function (v) { return v + ' %'; } } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.parsed.y + ' % within ' + human(c.parsed.x); } } } } } };
    if (s.kind === 'hops') return {
      type: 'bar',
      data: { labels: s.labels, datasets: [
        { label: 'p50', data: s.p50, backgroundColor: '#9ecae1' },
        { label: 'p95', data: s.p95, backgroundColor: '#3182bd' }] },
      options: { indexAxis: 'y', scales: {
          x: { type: 'logarithmic', title: axisTitle('latency 所要時間 (log scale)'), afterBuildTicks: niceTicks, ticks: { callback: logTick, autoSkip: false, maxRotation: 0 } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ' ' + human(c.parsed.x); } } } } } };
    if (s.kind === 'timeline') return {
      type: 'scatter', plugins: [spans],
      data: { datasets: [{ label: 'applied changes 適用された変更', data: s.points, pointRadius: 5, backgroundColor: '#d62728' }] },
      options: { scales: {
          x: { type: 'linear', min: s.min, max: s.max, title: axisTitle('date (JST) 日付'), ticks: { maxTicksLimit: 10, callback: function (v) { return jst(v, false); } } },
          y: { type: 'linear', min: -0.5, max: s.kinds.length - 0.5, reverse: true,
               afterBuildTicks: function (axis) { axis.ticks = s.kinds.map(function (k, i) { return { value: i }; }); },
               ticks: { autoSkip: false, callback: function (v) { return s.kinds[v] || ''; } } } },
        plugins: { timeWindows: { windows: (s.windows || []).map(function (w) { return { from: w.from_s, to: w.to_s, label: w.label }; }) },
                   legend: { display: false }, tooltip: { callbacks: { label: function (c) { var e = s.events[c.dataIndex]; return jst(c.parsed.x, true) + ' ' + e; } } } } } };
    if (s.kind === 'deltas') return { // compare.html: mean delta per seed pair with its 95 % interval
      type: 'bar',
      data: { labels: s.labels, datasets: [
        { type: 'bar', label: '95 % interval 95%信頼区間', data: s.intervals, backgroundColor: 'rgba(49,130,189,0.35)', borderColor: '#3182bd', borderWidth: 1 },
        { type: 'line', label: 'mean delta 平均差', data: s.means, showLine: false, pointRadius: 5, pointStyle: 'rectRot', backgroundColor: '#d62728', borderColor: '#d62728' }] },
      options: { scales: { x: { ticks: { autoSkip: false } },
                           y: { title: axisTitle(s.unit) } } } };
    if (s.kind === 'ackcurve') return { // a drill's acknowledgement curve (訓練): cumulative share acknowledged
      type: 'scatter',
      data: { datasets: [{ label: s.label, data: s.points, showLine: true, stepped: true, pointRadius: 0, borderColor: '#3182bd', borderWidth: 2 }] },
      options: { scales: {
          x: { type: 'linear', min: 0, title: axisTitle('hours since the post 掲載からの時間 (h)') },
          y: { min: 0, max: 100, title: axisTitle('share of targeted agencies acknowledged 確認済み (%)'), ticks: { stepSize: 10, callback: function (v) { return v + ' %'; } } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.parsed.y + ' % by ' + c.parsed.x + ' h'; } } } } } };
    throw new Error('unknown chart kind ' + s.kind);
  }
  var rendered = 0;
  meta.charts.forEach(function (s) {
    try {
      var canvas = document.getElementById(s.canvas);
      var chart = new Chart(canvas, build(s));
      if (chart.chartArea && chart.chartArea.right - chart.chartArea.left > 0 && chart.chartArea.bottom - chart.chartArea.top > 0)
        rendered++;
      else
        window.linksimError('chart ' + s.canvas + ' has an empty plot area');
    } catch (e) { window.linksimError('chart ' + s.canvas + ': ' + e.message); }
  });
  body.setAttribute('data-charts-rendered', String(rendered));
})();
)JS";

/// The Chart.js source to inline, or "" (with `path` set to where it was looked for).
std::string chartjs_source(std::string& path)
{
  const char* env = std::getenv("LINKSIM_CHARTJS");
  path            = env && *env ? env : LINKSIM_CHARTJS;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return "";
  std::ostringstream s;
  s << in.rdbuf();
  std::string js = s.str();
  // Inline: nothing in it may end the <script> element.
  for (size_t p = 0; (p = js.find("</script", p)) != std::string::npos; p += 2)
    js.replace(p, 2, "<\\/");
  return js;
}

} // namespace

std::string chart_scripts(const std::string& page, std::string& notice)
{
  std::string path;
  const std::string js = chartjs_source(path);
  std::string out      = std::string("<script>") + ERROR_TRAP + "</script>";
  notice.clear();
  if (js.empty()) {
    std::fprintf(stderr, "linksim: warning: %s not found (Debian package libjs-chart.js, or set LINKSIM_CHARTJS): "
                         "%s has its tables but no charts\n", path.c_str(), page.c_str());
    notice = "<p class='notice' id='charts-missing'>Charts are not shown: " + xml_escape(path) +
             " was not found when this page was written (install Debian's <code>libjs-chart.js</code>, or set "
             "<code>LINKSIM_CHARTJS</code> to a Chart.js 3 file). Every number is in the tables.</p>";
    return out;
  }
  return out + "<script>/* " + xml_escape(path) + " (Debian libjs-chart.js), inlined */\n" + js + "\n</script>";
}

std::string chart_render(const ojson& meta)
{
  return "<script type='application/json' id='chart-data'>" + script_json(meta) + "</script><script>" + RENDER +
         "</script>";
}

} // namespace linksim
