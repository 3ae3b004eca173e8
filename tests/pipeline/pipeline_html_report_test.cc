// A run writes the HTML report (report/html_report.h) beside the master file,
// names it in the summary, and fills the score histogram it draws.
#include <gtest/gtest.h>

#include <numeric>

#include <nlohmann/json.hpp>

#include "flexpipe/pipeline.h"
#include "report/html_report.h"
#include "test_util.h"
#include "write/json_summary_parse.h"

namespace flexpipe {
namespace pipeline_html_report_test {
namespace {

using testing::ReadFileToString;
using testing::TempDir;

constexpr const char* kCsv =
    "Property Address,City,State,Zoning,Lot Size Acres,Building SqFt,Office SqFt,Warehouse SqFt,Improvement "
    "Value,Land Value,Sale Date,Owner Name\n"
    "100 Industrial Street,Boca Raton,FL,IL,2.5,25000,5000,20000,\"$1,200,000\",400000,2025-01-01,"
    "<script>x</script> LLC\n"
    "200 Commerce Way,Miami,FL,CG,1.3,,,,300000,0,2025-01-01,Smith & Co\n"
    "300 Nowhere Rd,Orlando,FL,RS,0.1,,,,,,,Low Holdings\n";

PipelineOptions Options(const TempDir& dir) {
  PipelineOptions o;
  o.input.paths = {(dir.path() / "in").string()};
  o.output.master_file = (dir.path() / "out" / "master.xlsx").string();
  o.output.report_file = (dir.path() / "reports" / "summary.json").string();
  o.store = (dir.path() / "flexpipe.db").string();  // docs/store.md
  o.output.enable_xlsx_export = false;
  o.logging.file = "";
  o.scoring.as_of = "2025-06-30";
  o.processing.max_workers = 1;
  return o;
}

TEST(PipelineHtmlReport, WrittenBesideTheMasterFileAndNamedInTheSummary) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  auto summary = RunPipeline(Options(dir));
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const auto html_path = dir.path() / "out" / "report.html";
  EXPECT_EQ(summary->html_report, html_path.string());
  // Rendered from the summary as the JSON has it (what `flexpipe report` renders again).
  EXPECT_EQ(ReadFileToString(html_path), RenderHtmlReport(*SummaryAsWritten(*summary)));
  const auto json = nlohmann::json::parse(ReadFileToString(dir.path() / "reports" / "summary.json"));
  EXPECT_EQ(json["outputs"]["html_report"], html_path.string());
  EXPECT_EQ(json["top_candidates"][0]["owner_name"], "<script>x</script> LLC");
  const std::string html = ReadFileToString(html_path);
  EXPECT_NE(html.find("&lt;script&gt;x&lt;/script&gt; LLC"), std::string::npos);
  EXPECT_EQ(html.find("<script>x"), std::string::npos);
}

TEST(PipelineHtmlReport, TheHistogramCountsEveryUniqueCandidateInItsHalfPointBin) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  PipelineOptions o = Options(dir);
  o.filtering.min_flex_score = 0;  // every row is a candidate
  auto summary = RunPipeline(o);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const auto& h = summary->score_histogram;
  EXPECT_EQ(std::accumulate(h.begin(), h.end(), uint64_t{0}), summary->candidates_unique);
  EXPECT_EQ(summary->candidates_unique, 3u);
  EXPECT_EQ(h[19], 1u);  // 10.00 (docs/scoring.md's worked example) is in the last bin
  EXPECT_EQ(h[9], 1u);   // 4.82 in [4.5, 5.0)
  for (const CandidateSummary& c : summary->top_candidates) {
    const auto bin = std::min<size_t>(19, static_cast<size_t>(c.score / 0.5));
    EXPECT_GE(h[bin], 1u) << c.score;
  }
}

TEST(PipelineHtmlReport, HtmlFlagsMoveOrSkipTheReport) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  PipelineOptions o = Options(dir);
  o.output.html_file = (dir.path() / "elsewhere" / "run.html").string();
  auto moved = RunPipeline(o);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "elsewhere" / "run.html"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out" / "report.html"));

  TempDir other;
  other.Write("in/a.csv", kCsv);
  PipelineOptions off = Options(other);
  off.output.enable_html = false;
  auto skipped = RunPipeline(off);
  ASSERT_TRUE(skipped.ok()) << skipped.status().ToString();
  EXPECT_TRUE(skipped->html_report.empty());
  EXPECT_FALSE(std::filesystem::exists(other.path() / "out" / "report.html"));
  const auto json = nlohmann::json::parse(ReadFileToString(other.path() / "reports" / "summary.json"));
  EXPECT_TRUE(json["outputs"]["html_report"].is_null());
}

}  // namespace
}  // namespace pipeline_html_report_test
}  // namespace flexpipe
