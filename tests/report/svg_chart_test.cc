#include "report/svg_chart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_util.h"

namespace flexpipe {
namespace svg_chart_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Parses `svg` with Python's xml.etree; returns "" when well-formed, else the error.
std::string XmlError(const std::string& svg, const std::string& extra_check = "True") {
  testing::TempDir dir;
  const auto file = dir.Write("chart.svg", svg);
  std::string output;
  const int rc = testing::RunCommand(
      "python3 -c 'import sys, xml.etree.ElementTree as ET; root = ET.parse(sys.argv[1]).getroot(); "
      "ns = {\"s\": \"http://www.w3.org/2000/svg\"}; assert " +
          extra_check + ", \"check failed\"' '" + file.string() + "'",
      &output);
  return rc == 0 ? "" : output;
}

BarChart Cities() {
  BarChart c;
  c.id = "chart-cities";
  c.title = "Candidates by <city>";
  c.description = "A & B";
  c.bars = {{"<script>x</script> LLC", 156, "156", ""},
            {"A very long city name that does not fit the label column", 40, "40", "#5aae61"},
            {"O'Brien \"Park\"", 0, "0", ""}};
  return c;
}

TEST(SvgChart, BarChartIsWellFormedWithEscapedLabels) {
  const std::string svg = RenderBarChart(Cities());
  EXPECT_EQ(XmlError(svg,
                     "len(root.findall(\"s:g/s:rect\", ns)) == 3 and root.get(\"role\") == \"img\" and "
                     "root.find(\"s:title\", ns).text == \"Candidates by <city>\" and "
                     "root.find(\"s:g/s:title\", ns).text == \"<script>x</script> LLC: 156\""),
            "");
  EXPECT_THAT(svg, Not(HasSubstr("<script>")));
  EXPECT_THAT(svg, HasSubstr("aria-labelledby=\"chart-cities-title chart-cities-desc\""));
  // Long labels are cut in the chart; the tooltip has them whole.
  EXPECT_THAT(svg, HasSubstr(">A very long city name t\u2026</text>"));
  EXPECT_THAT(svg, HasSubstr("<title>A very long city name that does not fit the label column: 40</title>"));
}

TEST(SvgChart, BarLengthsFollowTheValues) {
  const std::string svg = RenderBarChart(Cities());
  EXPECT_THAT(svg, HasSubstr("width=\"230\""));  // the largest value: the whole track (480 - 150 - 100)
  EXPECT_THAT(svg, HasSubstr("width=\"59\""));   // 40 / 156 of it
  EXPECT_THAT(svg, HasSubstr("width=\"0\""));    // zero
  BarChart fixed = Cities();
  fixed.max_value = 312;  // a fixed scale: 156 is half
  EXPECT_THAT(RenderBarChart(fixed), HasSubstr("width=\"115\""));
}

TEST(SvgChart, ColumnChartHasAxisColumnsAndMarker) {
  ColumnChart c;
  c.id = "chart-histogram";
  c.title = "Histogram";
  c.description = "desc";
  for (int i = 0; i < 20; ++i)
    c.columns.push_back({"bin " + std::to_string(i), static_cast<double>(i * 37), "n", ""});
  for (int i = 0; i <= 20; ++i) c.edge_labels.push_back(i % 2 == 0 ? std::to_string(i / 2) : "");
  c.x_title = "Flex score";
  c.y_title = "Candidates";
  c.marker = 8;
  c.marker_label = "min score <4.00>";
  const std::string svg = RenderColumnChart(c);
  EXPECT_EQ(XmlError(svg, "len(root.findall(\"s:rect\", ns)) == 20"), "");
  EXPECT_THAT(svg, HasSubstr(">min score &lt;4.00&gt;</text>"));
  EXPECT_THAT(svg, HasSubstr(">800</text>"));  // round ticks up to the largest column (703)
  EXPECT_THAT(svg, Not(HasSubstr(">1,000</text>")));
  EXPECT_THAT(svg, HasSubstr(">10</text>"));  // the last edge label
}

TEST(SvgChart, BadValuesDrawAsZeroAndIdsAreSanitised) {
  BarChart c = Cities();
  c.id = "x\" onload=\"alert(1)";
  c.bars[0].value = -5;
  c.bars[1].value = std::numeric_limits<double>::quiet_NaN();
  const std::string svg = RenderBarChart(c);
  EXPECT_THAT(svg, HasSubstr("id=\"xonloadalert1\""));
  EXPECT_THAT(svg, Not(HasSubstr("nan")));
  EXPECT_EQ(XmlError(svg), "");
}

TEST(SvgChart, SameChartSameBytes) { EXPECT_EQ(RenderBarChart(Cities()), RenderBarChart(Cities())); }

}  // namespace
}  // namespace svg_chart_test
}  // namespace flexpipe
