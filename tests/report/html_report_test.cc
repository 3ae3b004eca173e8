#include "report/html_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/report_assets.h"
#include "report/report_test_util.h"
#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace html_report_test {
namespace {

using testing::FullSummary;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ParseWithPython;

// Text that breaks out of any HTML context it is not escaped for: element
// text, double- and single-quoted attributes, entities.
std::string Hostile(const std::string& name) {
  return "<script>alert('" + name + "')</script> LLC & \"q\" <b onmouseover=\"x()\">" + name + "</b> &amp;";
}

std::string Plain(const std::string& name) { return "v-" + name; }

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(HtmlReport, HostileTextAppearsAsTextEverywhereAndNeverAsMarkup) {
  const std::string html = RenderHtmlReport(FullSummary(Hostile));
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html, Not(HasSubstr("<b ")));
  const auto page = ParseWithPython(html);
  ASSERT_FALSE(page.is_null());
  EXPECT_EQ(page["tags"]["script"], 1) << "only the report's own script";
  EXPECT_FALSE(page["tags"].contains("b"));
  for (const auto& attr : page["attrs"]) {
    EXPECT_FALSE(attr[1].get<std::string>().starts_with("on")) << attr.dump();
  }
  // Every text field of the summary is shown, decoded back to exactly itself.
  const std::string text = page["text"];
  for (const char* name :
       {"version",       "model",         "as_of",      "dup_field",    "skipped_file", "skipped_msg",
        "skipped_code",  "file_path",     "format",     "mapping_note", "row_msg",      "row_column",
        "failed_path",   "failed_msg",    "state",      "county",       "city",         "address",
        "property_type", "zoning",        "owner",      "flag",         "diff_file",    "diff_field",
        "diff_column",   "quality_field", "master_csv", "master_xlsx",  "report_file",  "html_report"}) {
    EXPECT_TRUE(Contains(text, Hostile(name))) << name;
  }
  // In attributes too: the source cell's tooltip reads back whole.
  bool found = false;
  for (const auto& attr : page["attrs"]) {
    if (attr[0] == "td" && attr[1] == "title") found = found || attr[2] == Hostile("source_file") + ", row 2";
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(page["bad_svgs"].size(), 0u) << page["bad_svgs"].dump();
}

TEST(HtmlReport, EveryChartIsWellFormedSvgWithATitleAndDescription) {
  const std::string html = RenderHtmlReport(FullSummary(Hostile));
  const auto page = ParseWithPython(html);
  ASSERT_FALSE(page.is_null());
  EXPECT_EQ(page["svgs"], 6);  // histogram, classes, states, counties, cities, components
  EXPECT_EQ(page["tags"]["svg"], 6);
  EXPECT_EQ(page["bad_svgs"].size(), 0u) << page["bad_svgs"].dump();
  for (const char* id : {"chart-histogram", "chart-classes", "chart-states", "chart-counties", "chart-cities",
                         "chart-components"}) {
    EXPECT_THAT(html, HasSubstr("id=\"" + std::string(id) + "\" viewBox=")) << id;
    EXPECT_THAT(html, HasSubstr("<title id=\"" + std::string(id) + "-title\">")) << id;
    EXPECT_THAT(html, HasSubstr("<desc id=\"" + std::string(id) + "-desc\">")) << id;
  }
}

TEST(HtmlReport, SameSummaryGivesTheSameBytes) {
  const RunSummary s = FullSummary(Plain);
  const RunSummary copy = s;
  const std::string first = RenderHtmlReport(s);
  EXPECT_EQ(first, RenderHtmlReport(copy));
  EXPECT_EQ(first, RenderHtmlReport(s));
  // The run's own start time is the only clock reading on the page.
  RunSummary later = s;
  later.started_at = "2025-06-02T08:30:00Z";
  std::string other = RenderHtmlReport(later);
  EXPECT_NE(first, other);
  for (size_t at; (at = other.find("2025-06-02 08:30:00")) != std::string::npos;)
    other.replace(at, 19, "2025-06-01 12:00:00");
  EXPECT_EQ(first, other);
}

TEST(HtmlReport, NumbersAreFormattedForPeople) {
  const std::string html = RenderHtmlReport(FullSummary(Plain));
  const auto page = ParseWithPython(html);
  ASSERT_FALSE(page.is_null());
  const std::string text = page["text"];
  for (const char* shown : {"1,234,567",      // rows read
                            "$2,569,458",     // improvement value, whole dollars
                            "2.50",           // acres
                            "50,000",         // building square feet
                            "12.3 MB",        // file size
                            "2 min 05 s",     // run time
                            "9,876 rows/s",   // throughput
                            "81.0%",          // usable values of a field
                            "10.00", "7.25",  // scores, two decimals
                            "33.3%"}) {       // share of a class
    EXPECT_TRUE(Contains(text, shown)) << shown;
  }
}

TEST(HtmlReport, TheTopTableIsSortableMarkupThatReadsWithoutTheScript) {
  const std::string html = RenderHtmlReport(FullSummary(Plain));
  EXPECT_THAT(html, HasSubstr("<table id=\"top-table\">"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\" class=\"num\" data-sort=\"number\">Score</th>"));
  EXPECT_THAT(
      html,
      HasSubstr("<th scope=\"col\" class=\"num\" data-sort=\"number\" aria-sort=\"ascending\">Rank</th>"));
  EXPECT_THAT(html, HasSubstr("<tr data-rank=\"1\"><td class=\"num\" data-value=\"1\">1</td>"
                              "<td class=\"num\" data-value=\"10\">10.00</td>"));
  // A missing value is an empty cell that sorts last.
  EXPECT_THAT(html, HasSubstr("<td class=\"num\" data-value=\"\"></td>"));
  // The filter needs the script: hidden until the script shows it.
  EXPECT_THAT(html, HasSubstr("<div class=\"tools\" id=\"top-tools\" hidden=\"hidden\">"));
  // Ranks in order without any script.
  EXPECT_LT(html.find("data-rank=\"1\""), html.find("data-rank=\"2\""));
  EXPECT_LT(html.find("data-rank=\"2\""), html.find("data-rank=\"3\""));
}

TEST(HtmlReport, OnlyItsOwnScriptMayRunAndNothingIsLoaded) {
  const std::string html = RenderHtmlReport(FullSummary(Plain));
  EXPECT_THAT(html, HasSubstr("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" +
                              std::string(kReportScriptSha256) + "'"));
  EXPECT_THAT(html, HasSubstr("<script>" + std::string(kReportScript) + "</script>"));
  for (const char* remote :
       {"https:", "src=", "href=\"http", "@import", "url(", "<link", "<img", "<iframe"}) {
    EXPECT_THAT(html, Not(HasSubstr(remote))) << remote;
  }
  // "http:" only as the SVG namespace name (an identifier, never fetched).
  size_t http = 0, namespaces = 0;
  for (size_t at = 0; (at = html.find("http:", at)) != std::string::npos; ++at) ++http;
  for (size_t at = 0; (at = html.find("xmlns=\"http://www.w3.org/2000/svg\"", at)) != std::string::npos; ++at)
    ++namespaces;
  EXPECT_EQ(http, namespaces);
}

TEST(HtmlReport, ARunWithoutCandidatesOrFilesStillRenders) {
  RunSummary s;
  s.flexpipe_version = "0.1.0";
  s.model = "weighted";
  s.min_flex_score = 4;
  const std::string html = RenderHtmlReport(s);
  const auto page = ParseWithPython(html);
  ASSERT_FALSE(page.is_null());
  const std::string text = page["text"];
  EXPECT_TRUE(Contains(text, "No candidates: no row scored at least 4.00.")) << text;
  EXPECT_TRUE(Contains(text, "No files were processed."));
  EXPECT_EQ(page["svgs"], 0);
  EXPECT_THAT(html, Not(HasSubstr("<table id=\"top-table\"")));
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST(HtmlReport, ProblemsComeWithTheirHints) {
  const auto page = ParseWithPython(RenderHtmlReport(FullSummary(Plain)));
  ASSERT_FALSE(page.is_null());
  const std::string text = page["text"];
  EXPECT_TRUE(
      Contains(text, "map the columns with `columns:` in the config file"));  // MISSING_REQUIRED_COLUMNS
  EXPECT_TRUE(Contains(text, "Failed files (1)"));
  EXPECT_TRUE(Contains(text, "Row problems (samples)"));
  EXPECT_TRUE(Contains(text, "v-mapping_note"));
}

TEST(HtmlReport, DefaultPathIsBesideTheMasterFile) {
  OutputOptions o;
  EXPECT_EQ(HtmlReportPath(o), std::filesystem::path("data/exports/report.html"));
  o.master_file = "master.xlsx";
  EXPECT_EQ(HtmlReportPath(o), std::filesystem::path("report.html"));
  o.html_file = "out/run.html";
  EXPECT_EQ(HtmlReportPath(o), std::filesystem::path("out/run.html"));
}

TEST(HtmlReport, WrittenWholeOrNotAtAll) {
  testing::TempDir dir;
  const RunSummary s = FullSummary(Plain);
  const auto path = dir.path() / "reports" / "report.html";
  ASSERT_TRUE(WriteHtmlReport(testing::DefaultFs(), path, s).ok());
  EXPECT_EQ(testing::ReadFileToString(path), RenderHtmlReport(s));

  const auto previous = dir.Write("old/report.html", "previous");
  testing::FaultInjectionFileSystem fs;
  fs.FailNth(testing::FsOp::kSync, 1);
  EXPECT_EQ(WriteHtmlReport(&fs, previous, s).code(), ErrorCode::kOutputError);
  EXPECT_EQ(testing::ReadFileToString(previous), "previous");
}

}  // namespace
}  // namespace html_report_test
}  // namespace flexpipe
