// Charts as inline SVG, drawn by flexpipe itself (no script, no network):
// horizontal bar charts (one labelled row per bar) and column charts
// (histograms). The output is well-formed XML and valid inside HTML; every
// label is escaped (report/html_escape.h), so labels may come from input
// files. Charts carry role="img", a <title> and a <desc> (their accessible
// name and description) and a <title> on every bar. They scale to their
// container's width (viewBox, no fixed size). Pure and deterministic: the
// same chart gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace flexpipe {

struct ChartBar {
  std::string label;       // row label (bar chart) or tooltip label (column chart)
  double value = 0;        // ≥ 0; negative and non-finite values draw as 0
  std::string value_text;  // shown at the bar's end and in its tooltip, e.g. "1,234"
  std::string color;       // fill, "#rrggbb"; "" = the chart's default colour
};

struct BarChart {
  std::string id;           // unique within the page; letters, digits and '-' only
  std::string title;        // accessible name, e.g. "Candidates by city (top 15)"
  std::string description;  // the figures in words, for screen readers
  std::vector<ChartBar> bars;
  double max_value = 0;  // the value of a full-length bar; 0 = the largest value
};

struct ColumnChart {
  std::string id;
  std::string title;
  std::string description;
  std::vector<ChartBar> columns;  // left to right, equally wide
  // Labels under the boundaries between columns: columns.size() + 1 entries
  // (the left edge first); "" leaves a boundary unlabelled.
  std::vector<std::string> edge_labels;
  std::string x_title;  // under the axis, e.g. "Flex score"
  std::string y_title;  // above the axis, e.g. "Candidates"
  // A dashed vertical line at this position, in columns from the left edge
  // (2.5 = halfway through the third column), labelled marker_label.
  std::optional<double> marker;
  std::string marker_label;
};

// One row per bar: label on the left (cut to 24 characters; the full label is
// in the bar's tooltip), bar, value text.
std::string RenderBarChart(const BarChart& chart);

// Columns over a baseline with a count axis (round tick values) on the left.
std::string RenderColumnChart(const ColumnChart& chart);

}  // namespace flexpipe
