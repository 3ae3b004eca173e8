#include "report/svg_chart.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "core/human_number.h"
#include "report/html_escape.h"

namespace flexpipe {
namespace {

constexpr std::string_view kDefaultColor = "#2f6db5";
constexpr std::string_view kInk = "#333333";
constexpr std::string_view kGrid = "#d9d9d9";

// Bar chart geometry (SVG user units; the chart scales to its container).
constexpr double kBarWidth = 480;
constexpr double kLabelWidth = 150;
constexpr double kValueWidth = 100;
constexpr double kRowHeight = 22;
constexpr double kBarThickness = 15;
constexpr size_t kLabelChars = 24;

// Column chart geometry.
constexpr double kColWidth = 640;
constexpr double kColHeight = 260;
constexpr double kPlotLeft = 60;
constexpr double kPlotRight = 12;
constexpr double kPlotTop = 24;
constexpr double kPlotBottom = 44;

// Coordinates with one decimal, locale-independent.
std::string N(double x) {
  if (!std::isfinite(x)) x = 0;
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, 1);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

double Clean(double v) { return std::isfinite(v) && v > 0 ? v : 0; }

std::string SafeId(std::string_view id) {
  std::string out;
  for (const char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')
      out.push_back(c);
  }
  return out.empty() ? "chart" : out;
}

std::string ColorOf(const ChartBar& bar) { return HtmlEscape(bar.color.empty() ? kDefaultColor : bar.color); }

// <svg ...><title/><desc/> opening shared by both kinds.
std::string Open(std::string_view kind, std::string_view id_text, std::string_view title,
                 std::string_view description, double width, double height) {
  const std::string id = SafeId(id_text);
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " + std::string(kind) +
                  "\" id=\"" + id + "\" viewBox=\"0 0 " + N(width) + " " + N(height) +
                  "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                  "-desc\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">";
  s += "<title id=\"" + id + "-title\">" + HtmlEscape(title) + "</title>";
  s += "<desc id=\"" + id + "-desc\">" + HtmlEscape(description) + "</desc>";
  return s;
}

// The bar's tooltip: "label: value".
std::string Tooltip(const ChartBar& bar) {
  return "<title>" + HtmlEscape(bar.label) + ": " + HtmlEscape(bar.value_text) + "</title>";
}

// A round step for about `target` ticks up to `max` (1, 2 or 5 × 10^k; at least 1).
double NiceStep(double max, int target) {
  if (max <= 0) return 1;
  const double raw = max / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  const double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
  return std::max(1.0, step);
}

}  // namespace

std::string RenderBarChart(const BarChart& chart) {
  double max = Clean(chart.max_value);
  if (max == 0) {
    for (const ChartBar& b : chart.bars) max = std::max(max, Clean(b.value));
  }
  const double height = kRowHeight * static_cast<double>(chart.bars.size()) + 8;
  const double track = kBarWidth - kLabelWidth - kValueWidth;
  std::string s = Open("bars", chart.id, chart.title, chart.description, kBarWidth, height);
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const ChartBar& bar = chart.bars[i];
    const double y = 4 + kRowHeight * static_cast<double>(i);
    const double mid = y + kRowHeight / 2;
    const double length = max > 0 ? track * std::min(1.0, Clean(bar.value) / max) : 0;
    s += "<g>" + Tooltip(bar);
    s += "<text x=\"" + N(kLabelWidth - 8) + "\" y=\"" + N(mid) +
         "\" dy=\"0.35em\" text-anchor=\"end\" fill=\"" + std::string(kInk) + "\">" +
         HtmlEscape(TruncateText(bar.label, kLabelChars)) + "</text>";
    s += "<rect x=\"" + N(kLabelWidth) + "\" y=\"" + N(mid - kBarThickness / 2) + "\" width=\"" + N(length) +
         "\" height=\"" + N(kBarThickness) + "\" fill=\"" + ColorOf(bar) + "\"/>";
    s += "<text x=\"" + N(kLabelWidth + length + 6) + "\" y=\"" + N(mid) + "\" dy=\"0.35em\" fill=\"" +
         std::string(kInk) + "\">" + HtmlEscape(bar.value_text) + "</text></g>";
  }
  s += "</svg>";
  return s;
}

std::string RenderColumnChart(const ColumnChart& chart) {
  double max = 0;
  for (const ChartBar& c : chart.columns) max = std::max(max, Clean(c.value));
  const double step = NiceStep(max, 4);
  const double top = std::max(step, std::ceil(max / step) * step);
  const double plot_w = kColWidth - kPlotLeft - kPlotRight;
  const double plot_h = kColHeight - kPlotTop - kPlotBottom;
  const double base = kPlotTop + plot_h;
  const double n = static_cast<double>(std::max<size_t>(1, chart.columns.size()));
  const double col_w = plot_w / n;
  auto x_at = [&](double columns) { return kPlotLeft + col_w * columns; };
  auto y_at = [&](double value) { return base - plot_h * (value / top); };

  std::string s = Open("columns", chart.id, chart.title, chart.description, kColWidth, kColHeight);
  // Count axis: grid lines and labels.
  s += "<g aria-hidden=\"true\" fill=\"" + std::string(kInk) + "\" font-size=\"11\">";
  for (double v = 0; v <= top + step / 2; v += step) {
    const double y = y_at(v);
    s += "<line x1=\"" + N(kPlotLeft) + "\" y1=\"" + N(y) + "\" x2=\"" + N(kColWidth - kPlotRight) +
         "\" y2=\"" + N(y) + "\" stroke=\"" + std::string(kGrid) + "\"/>";
    s += "<text x=\"" + N(kPlotLeft - 6) + "\" y=\"" + N(y) + "\" dy=\"0.35em\" text-anchor=\"end\">" +
         HtmlEscape(WithThousands(static_cast<uint64_t>(std::llround(v)))) + "</text>";
  }
  if (!chart.y_title.empty()) {
    s += "<text x=\"4\" y=\"" + N(kPlotTop - 10) + "\">" + HtmlEscape(chart.y_title) + "</text>";
  }
  for (size_t i = 0; i < chart.edge_labels.size() && i <= chart.columns.size(); ++i) {
    if (chart.edge_labels[i].empty()) continue;
    const double x = x_at(static_cast<double>(i));
    s += "<line x1=\"" + N(x) + "\" y1=\"" + N(base) + "\" x2=\"" + N(x) + "\" y2=\"" + N(base + 4) +
         "\" stroke=\"" + std::string(kInk) + "\"/>";
    s += "<text x=\"" + N(x) + "\" y=\"" + N(base + 16) + "\" text-anchor=\"middle\">" +
         HtmlEscape(chart.edge_labels[i]) + "</text>";
  }
  if (!chart.x_title.empty()) {
    s += "<text x=\"" + N(kPlotLeft + plot_w / 2) + "\" y=\"" + N(kColHeight - 6) +
         "\" text-anchor=\"middle\">" + HtmlEscape(chart.x_title) + "</text>";
  }
  s += "</g>";
  // Columns.
  for (size_t i = 0; i < chart.columns.size(); ++i) {
    const ChartBar& c = chart.columns[i];
    const double y = y_at(Clean(c.value));
    s += "<rect x=\"" + N(x_at(static_cast<double>(i)) + 1) + "\" y=\"" + N(y) + "\" width=\"" +
         N(std::max(0.0, col_w - 2)) + "\" height=\"" + N(base - y) + "\" fill=\"" + ColorOf(c) + "\">" +
         Tooltip(c) + "</rect>";
  }
  s += "<line x1=\"" + N(kPlotLeft) + "\" y1=\"" + N(base) + "\" x2=\"" + N(kColWidth - kPlotRight) +
       "\" y2=\"" + N(base) + "\" stroke=\"" + std::string(kInk) + "\"/>";
  if (chart.marker && std::isfinite(*chart.marker)) {
    const double x = x_at(std::clamp(*chart.marker, 0.0, n));
    s += "<g aria-hidden=\"true\"><line x1=\"" + N(x) + "\" y1=\"" + N(kPlotTop - 4) + "\" x2=\"" + N(x) +
         "\" y2=\"" + N(base) + "\" stroke=\"#b03a2e\" stroke-dasharray=\"4 3\"/>";
    s += "<text x=\"" + N(x + 4) + "\" y=\"" + N(kPlotTop + 4) + "\" font-size=\"11\" fill=\"#b03a2e\">" +
         HtmlEscape(chart.marker_label) + "</text></g>";
  }
  s += "</svg>";
  return s;
}

}  // namespace flexpipe
