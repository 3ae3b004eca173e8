#include "report/report_assets.h"

namespace flexpipe {

// clang-format off
const std::string_view kReportCss = R"css(
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #2f6db5; --bad: #b03a2e; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 40px; }
h1 { font-size: 1.6rem; margin: 0.3rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
p { margin: 0.5rem 0; }
.meta, .note, .hint, footer { color: var(--muted); }
.note { font-size: 0.875rem; }
nav ul { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
a { color: var(--accent); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 10px; margin: 0; }
.figures div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.figures dt { color: var(--muted); font-size: 0.8rem; }
.figures dd { margin: 0; font-size: 1.3rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.figures dd small { display: block; font-size: 0.75rem; font-weight: 400; color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 16px; }
.charts .wide { grid-column: 1 / -1; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 6px; }
figure .note { margin: 6px 0 0; }
svg.chart { display: block; width: 100%; height: auto; }
svg.bars { max-width: 640px; }
svg.columns { max-width: 900px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding: 0 0 4px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--panel); white-space: nowrap; }
tfoot td, tfoot th { font-weight: 600; border-top: 2px solid var(--line); }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.wrap { overflow-wrap: break-word; }
th button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer;
  text-decoration: underline dotted; text-underline-offset: 3px; }
th[aria-sort="ascending"] button::after { content: " \25B2"; }
th[aria-sort="descending"] button::after { content: " \25BC"; }
.tools { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; margin: 0 0 8px; }
.tools input { font: inherit; padding: 4px 8px; width: min(100%, 22rem); border: 1px solid var(--line); border-radius: 4px; }
.tools [aria-live] { margin: 0; color: var(--muted); font-size: 0.875rem; }
.class { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 0.75rem; white-space: nowrap;
  border: 1px solid currentColor; }
.c-prime { color: #1b6b34; } .c-good { color: #3f7f1f; } .c-potential { color: #8a5a00; }
.c-possible { color: #9a4a1c; } .c-unlikely { color: #59636e; }
.failed { color: var(--bad); font-weight: 600; }
.ok { color: #1b6b34; }
code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 0.85em; overflow-wrap: break-word; }
footer { margin-top: 2.5rem; font-size: 0.8rem; border-top: 1px solid var(--line); padding-top: 8px; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 10px 12px 32px; }
  h1 { font-size: 1.3rem; }
  .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .figures dd { font-size: 1.1rem; }
  th, td { padding: 4px 6px; }
}
@media print {
  @page { margin: 12mm; }
  body { font-size: 9pt; }
  main { max-width: none; padding: 0; }
  nav, .tools { display: none !important; }
  h2 { break-after: avoid; margin-top: 1.2rem; }
  figure, tr, .figures div { break-inside: avoid; }
  .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .scroll { overflow: visible; }
  table { font-size: 7pt; }
  th, td { padding: 2px 3px; }
  thead { display: table-header-group; }
  thead th, .num, .class { white-space: normal; }
  td, td.wrap { overflow-wrap: anywhere; }
  th button { text-decoration: none; }
  a { color: inherit; text-decoration: none; }
}
)css";

const std::string_view kReportScript = R"js(
(function () {
  "use strict";
  var table = document.getElementById("top-table");
  var tools = document.getElementById("top-tools");
  if (!table || !tools || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var status = document.getElementById("top-status");
  var filter = document.getElementById("top-filter");
  var rows = Array.prototype.slice.call(body.rows);

  function key(row, col, numeric) {
    var cell = row.cells[col];
    if (!numeric) return cell.textContent.trim().toLowerCase();
    var v = cell.getAttribute("data-value");
    return v === null || v === "" ? null : parseFloat(v);
  }

  function announce() {
    var shown = rows.filter(function (r) { return !r.hidden; }).length;
    var sorted = table.querySelector("th[aria-sort]");
    var text = "Showing " + shown + " of " + rows.length + " candidates";
    if (sorted) text += ", sorted by " + sorted.textContent.trim() + " (" + sorted.getAttribute("aria-sort") + ")";
    status.textContent = text + ".";
  }

  function sortBy(col) {
    var th = heads[col];
    var numeric = th.getAttribute("data-sort") === "number";
    var current = th.getAttribute("aria-sort");
    var dir = current === "descending" ? "ascending"
      : current === "ascending" ? "descending"
      : numeric ? "descending" : "ascending";
    var sign = dir === "ascending" ? 1 : -1;
    rows.sort(function (a, b) {
      var ka = key(a, col, numeric);
      var kb = key(b, col, numeric);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;  // missing values last either way
      } else if (ka !== kb) {
        return (ka < kb ? -1 : 1) * sign;
      }
      return Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"));
    });
    rows.forEach(function (r) { body.appendChild(r); });
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir);
    announce();
  }

  Array.prototype.forEach.call(heads, function (th, col) {
    if (!th.hasAttribute("data-sort")) return;
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(col); });
  });

  filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    rows.forEach(function (r) {
      r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) === -1;
    });
    announce();
  });
  tools.hidden = false;
  announce();
})();
)js";
// clang-format on

const std::string_view kReportScriptSha256 = "Ng6N1UzhDPnn8npr2MkMNpRT2OYBo7JQ6nOhFeS4v6M=";

}  // namespace flexpipe
