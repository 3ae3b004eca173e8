#include "write/json_summary.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace json_summary_test {
namespace {

using nlohmann::json;
using testing::DefaultFs;
using testing::ReadFileToString;
using testing::TempDir;

RunSummary MakeSummary() {
  RunSummary s;
  s.flexpipe_version = "0.1.0";
  s.started_at = "2025-06-01T12:00:00Z";
  s.model = "weighted";
  s.as_of = "2025-06-01";
  s.min_flex_score = 4.0;
  s.duplicate_fields = {"address", "city", "state"};
  s.files_found = 3;
  s.files_processed = 3;
  s.files_succeeded = 2;
  s.files_failed = 1;
  s.skipped.push_back(Problem{"raw/empty.csv", "EMPTY_FILE", "file_access", "file is empty", 0, "", ""});

  FileReport a;
  a.path = "raw/a.csv";
  a.ordinal = 0;
  a.format = "csv";
  a.size_bytes = 12345;
  a.succeeded = true;
  a.rows_read = 100;
  a.rows_scored = 98;
  a.rows_set_aside = 2;
  a.candidates = 40;
  a.duplicates_in_file = 3;
  a.ragged_rows = 1;
  a.value_problems = 4;
  a.seconds = 0.123456;
  a.columns = {{"Site Address", "address"}, {"City", "city"}, {"Broker Notes", ""}};
  a.mapping_notes = {"'Address 2' also maps to address; the first column wins"};
  a.row_problems.push_back(
      Problem{"raw/a.csv", "BAD_VALUE", "data_format", "'abc' is not a number", 7, "Acres", "abc"});
  FileReport b = a;
  b.path = "raw/b.csv";
  b.ordinal = 1;
  b.columns = {{"Address", "address"}, {"City", "city"}};
  b.mapping_notes.clear();
  b.row_problems.clear();
  FileReport c;
  c.path = "raw/c.csv";
  c.ordinal = 2;
  c.format = "csv";
  c.succeeded = false;
  c.error_code = "MISSING_REQUIRED_COLUMNS";
  c.error_category = "schema";
  c.error_message = "no address column; headers: Foo, Bar";
  s.files = {a, b, c};
  s.failures.push_back(Problem{c.path, c.error_code, c.error_category, c.error_message, 0, "", ""});

  s.rows_read = 200;
  s.rows_scored = 196;
  s.rows_set_aside = 4;
  s.candidates_before_dedup = 80;
  s.candidates_unique = 70;
  s.duplicates_removed = 10;
  s.score_average = 6.123456;
  s.score_median = 5.955;
  s.score_min = 4.0;
  s.score_max = 10.0;
  s.score_distribution = {{"8-10", 10}, {"6-8", 25}, {"4-6", 35}};
  s.classification_counts = {{"GOOD_FLEX", 25}, {"POTENTIAL_FLEX", 35}, {"PRIME_FLEX", 10}};
  s.component_means = {{"zoning_score", 7.3333333}, {"size_score", 6.5},     {"building_score", 5.0},
                       {"location_score", 6.25},    {"activity_score", 5.5}, {"value_score", 6.0}};
  s.states = {{"FL", 69}, {"GA", 1}};
  s.counties = {{"Palm Beach", 50}, {"Broward", 20}};
  s.cities = {{"Jupiter", 10}, {"Boca Raton", 30}, {"Delray Beach", 10}, {"", 20}};
  s.average_building_sqft = 24567.891;
  s.average_acres = 2.345678;

  CandidateSummary top;
  top.rank = 1;
  top.score = 10.0;
  top.classification = "PRIME_FLEX";
  top.address = "100 Industrial Way";
  top.city = "Boca Raton";
  top.state = "FL";
  top.zip = "33431";
  top.parcel_id = "00424701000000010";
  top.zoning = "IL";
  top.acres = 2.5;
  top.has_acres = true;
  top.building_sqft = 25000;
  top.has_building_sqft = true;
  top.flags = {"HIGH_POTENTIAL", "IDEAL_BUILDING"};
  top.source_file = "raw/a.csv";
  top.source_row = 2;
  s.top_candidates = {top};

  s.schema_differences.push_back(SchemaDifference{"raw/b.csv", {"zoning"}, {}});
  s.schema_differences.push_back(SchemaDifference{"raw/a.csv", {}, {"Broker Notes"}});
  s.data_quality.push_back(FieldQuality{"acres", 200, 180, 4});
  s.master_csv = "data/exports/all_flex_properties.csv";
  s.report_file = "data/reports/pipeline_summary.json";
  s.seconds = 1.23456;
  s.rows_per_second = 162.0021;
  s.stage_seconds = {{"write", 0.1}, {"merge", 0.05}, {"read_score", 1.08456}};
  return s;
}

json Parse(const std::string& text) { return json::parse(text); }

// Keys in file order (parse with ordered_json to keep it).
std::vector<std::string> Keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : object.items()) keys.push_back(k);
  return keys;
}

TEST(JsonSummary, HasEveryKeyOfTheContract) {
  const json j = Parse(SummaryToJson(MakeSummary()));
  const std::vector<std::string> pointers = {
      "/summary_version",
      "/run/flexpipe_version",
      "/run/started_at",
      "/run/model",
      "/run/as_of",
      "/run/min_flex_score",
      "/run/deduplication",
      "/run/duplicate_fields",
      "/files/found",
      "/files/processed",
      "/files/succeeded",
      "/files/failed",
      "/files/failures/0/file",
      "/files/failures/0/code",
      "/files/failures/0/message",
      "/files/skipped/0/file",
      "/files/details/0/path",
      "/files/details/0/format",
      "/files/details/0/size_bytes",
      "/files/details/0/status",
      "/files/details/0/rows_read",
      "/files/details/0/rows_scored",
      "/files/details/0/rows_set_aside",
      "/files/details/0/candidates",
      "/files/details/0/duplicates_in_file",
      "/files/details/0/ragged_rows",
      "/files/details/0/value_problems",
      "/files/details/0/seconds",
      "/files/details/0/columns/0/header",
      "/files/details/0/columns/0/field",
      "/files/details/0/unmapped",
      "/files/details/0/notes",
      "/files/details/0/row_problems/0/row",
      "/rows/read",
      "/rows/scored",
      "/rows/set_aside",
      "/candidates/before_dedup",
      "/candidates/unique",
      "/candidates/duplicates_removed",
      "/scores/average",
      "/scores/median",
      "/scores/min",
      "/scores/max",
      "/score_distribution/8-10",
      "/score_distribution/6-8",
      "/score_distribution/4-6",
      "/score_histogram/bin_width",
      "/score_histogram/counts",
      "/classifications/PRIME_FLEX",
      "/component_means/zoning_score",
      "/geography/states",
      "/geography/counties",
      "/geography/cities",
      "/geography/unique_states",
      "/geography/unique_counties",
      "/geography/unique_cities",
      "/averages/building_sqft",
      "/averages/acres",
      "/top_candidates/0/rank",
      "/top_candidates/0/score",
      "/top_candidates/0/flags",
      "/top_candidates/0/owner_name",
      "/schema_differences/0/file",
      "/schema_differences/0/missing_fields",
      "/schema_differences/0/extra_columns",
      "/data_quality/0/field",
      "/outputs/master_csv",
      "/outputs/master_xlsx",
      "/outputs/html_report",
      "/outputs/report",
      "/timing/seconds",
      "/timing/rows_per_second",
      "/timing/stages/read_score",
  };
  for (const std::string& p : pointers) EXPECT_TRUE(j.contains(json::json_pointer(p))) << p;
}

TEST(JsonSummary, TopLevelKeysComeInAFixedReadableOrder) {
  const auto j = nlohmann::ordered_json::parse(SummaryToJson(MakeSummary()));
  EXPECT_EQ(Keys(j),
            (std::vector<std::string>{"summary_version", "run", "files", "rows", "candidates", "scores",
                                      "score_distribution", "score_histogram", "classifications",
                                      "component_means", "geography", "averages", "top_candidates",
                                      "schema_differences", "data_quality", "outputs", "timing"}));
  EXPECT_EQ(Keys(j["component_means"]),
            (std::vector<std::string>{"zoning_score", "size_score", "building_score", "location_score",
                                      "activity_score", "value_score"}));
  EXPECT_EQ(Keys(j["timing"]["stages"]), (std::vector<std::string>{"read_score", "merge", "write"}));
}

TEST(JsonSummary, SameSummaryGivesTheSameBytes) {
  const RunSummary s = MakeSummary();
  const RunSummary copy = s;
  const std::string first = SummaryToJson(s);
  EXPECT_EQ(first, SummaryToJson(copy));
  EXPECT_EQ(first, SummaryToJson(s));
  EXPECT_EQ(first.back(), '\n');
  EXPECT_EQ(
      first.rfind("{\n  \"summary_version\": 1,\n  \"run\": {\n    \"flexpipe_version\": \"0.1.0\",", 0), 0u)
      << first.substr(0, 120);
}

TEST(JsonSummary, WithoutVolatilePartsTwoRunsCompareByteForByte) {
  RunSummary first = MakeSummary();
  RunSummary second = MakeSummary();
  second.started_at = "2025-06-02T08:30:00Z";
  second.seconds = 9.5;
  second.rows_per_second = 21;
  second.stage_seconds["merge"] = 3;
  second.files[0].seconds = 7.25;
  EXPECT_NE(SummaryToJson(first), SummaryToJson(second));
  const std::string stable = SummaryToJson(first, /*include_volatile=*/false);
  EXPECT_EQ(stable, SummaryToJson(second, /*include_volatile=*/false));
  const json j = Parse(stable);
  EXPECT_FALSE(j.contains("timing"));
  EXPECT_FALSE(j["run"].contains("started_at"));
  EXPECT_FALSE(j["files"]["details"][0].contains("seconds"));
  EXPECT_TRUE(j["run"].contains("as_of"));  // as_of is a setting, not a clock reading
}

TEST(JsonSummary, RoundsScoresToTwoDecimalsLikePythonAndSecondsToThree) {
  RunSummary s = MakeSummary();
  s.score_average = 2.675;  // the double is just below 2.675: Python's round gives 2.67
  s.score_median = 0.125;   // an exact tie: to even
  s.score_min = 0.375;      // an exact tie: to even
  s.score_max = 9.999;
  const json j = Parse(SummaryToJson(s));
  EXPECT_EQ(j["scores"]["average"].get<double>(), 2.67);
  EXPECT_EQ(j["scores"]["median"].get<double>(), 0.12);
  EXPECT_EQ(j["scores"]["min"].get<double>(), 0.38);
  EXPECT_EQ(j["scores"]["max"].get<double>(), 10.0);
  EXPECT_EQ(j["component_means"]["zoning_score"].get<double>(), 7.33);
  EXPECT_EQ(j["timing"]["seconds"].get<double>(), 1.235);
  EXPECT_EQ(j["timing"]["stages"]["read_score"].get<double>(), 1.085);
  EXPECT_EQ(j["timing"]["rows_per_second"].get<uint64_t>(), 162u);
  EXPECT_EQ(j["files"]["details"][0]["seconds"].get<double>(), 0.123);
  EXPECT_EQ(j["averages"]["building_sqft"].get<double>(), 24567.89);
  EXPECT_EQ(j["averages"]["acres"].get<double>(), 2.3457);
  // The text is the short form, not 2.6699999999999999.
  EXPECT_NE(SummaryToJson(s).find("\"average\": 2.67,"), std::string::npos);
}

TEST(JsonSummary, NeverWritesNanOrInfinity) {
  RunSummary s = MakeSummary();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  s.score_average = nan;
  s.score_max = inf;
  s.average_acres = -inf;
  s.average_building_sqft = nan;
  s.component_means[0].second = nan;
  s.seconds = nan;
  s.rows_per_second = inf;
  s.stage_seconds["merge"] = -inf;
  s.top_candidates[0].score = nan;
  s.top_candidates[0].acres = inf;
  const std::string text = SummaryToJson(s);
  for (const char* bad : {"nan", "NaN", "inf", "Infinity"})
    EXPECT_EQ(text.find(bad), std::string::npos) << bad;
  const json j = Parse(text);  // strict JSON
  EXPECT_TRUE(j["scores"]["average"].is_null());
  EXPECT_TRUE(j["scores"]["max"].is_null());
  EXPECT_TRUE(j["averages"]["acres"].is_null());
  EXPECT_TRUE(j["timing"]["rows_per_second"].is_null());
  EXPECT_TRUE(j["top_candidates"][0]["acres"].is_null());
  EXPECT_EQ(j["scores"]["min"].get<double>(), 4.0);
}

TEST(JsonSummary, ARunWithoutCandidatesHasNullScoresAndEmptyLists) {
  RunSummary s;
  s.flexpipe_version = "0.1.0";
  s.model = "weighted";
  const json j = Parse(SummaryToJson(s));
  for (const char* k : {"average", "median", "min", "max"}) EXPECT_TRUE(j["scores"][k].is_null()) << k;
  EXPECT_EQ(j["score_distribution"], json({{"8-10", 0}, {"6-8", 0}, {"4-6", 0}}));
  EXPECT_EQ(j["classifications"], json({{"PRIME_FLEX", 0}, {"GOOD_FLEX", 0}, {"POTENTIAL_FLEX", 0}}));
  EXPECT_TRUE(j["top_candidates"].is_array() && j["top_candidates"].empty());
  EXPECT_TRUE(j["files"]["details"].is_array() && j["files"]["details"].empty());
  EXPECT_TRUE(j["geography"]["cities"].is_object() && j["geography"]["cities"].empty());
  EXPECT_EQ(j["geography"]["unique_cities"], 0);
  EXPECT_TRUE(j["outputs"]["master_csv"].is_null());
  EXPECT_TRUE(j["run"]["as_of"].is_null());
}

TEST(JsonSummary, DistributionAndClassesKeepTheirNaturalOrder) {
  RunSummary s = MakeSummary();
  s.score_distribution["below-4"] = 5;
  s.classification_counts["UNLIKELY_FLEX"] = 2;
  const auto j = nlohmann::ordered_json::parse(SummaryToJson(s));
  EXPECT_EQ(Keys(j["score_distribution"]), (std::vector<std::string>{"8-10", "6-8", "4-6", "below-4"}));
  EXPECT_EQ(j["score_distribution"]["below-4"], 5);
  EXPECT_EQ(Keys(j["classifications"]),
            (std::vector<std::string>{"PRIME_FLEX", "GOOD_FLEX", "POTENTIAL_FLEX", "UNLIKELY_FLEX"}));
  const json without = Parse(SummaryToJson(MakeSummary()));
  EXPECT_FALSE(without["score_distribution"].contains("below-4"));
}

TEST(JsonSummary, TheScoreHistogramHasTwentyHalfPointBins) {
  RunSummary s = MakeSummary();
  s.score_histogram[8] = 35;   // 4.0-4.5
  s.score_histogram[19] = 10;  // 9.5-10
  s.html_report = "data/exports/report.html";
  s.top_candidates[0].owner_name = "<script>x</script> LLC";
  const auto j = nlohmann::ordered_json::parse(SummaryToJson(s));
  EXPECT_EQ(j["score_histogram"]["bin_width"].get<double>(), 0.5);
  ASSERT_EQ(j["score_histogram"]["counts"].size(), 20u);
  EXPECT_EQ(j["score_histogram"]["counts"][8], 35);
  EXPECT_EQ(j["score_histogram"]["counts"][19], 10);
  EXPECT_EQ(j["score_histogram"]["counts"][0], 0);
  EXPECT_EQ(Keys(j["outputs"]),
            (std::vector<std::string>{"master_csv", "master_xlsx", "html_report", "rejects", "report"}));
  EXPECT_EQ(j["outputs"]["html_report"], "data/exports/report.html");
  EXPECT_EQ(j["top_candidates"][0]["owner_name"], "<script>x</script> LLC");
  EXPECT_TRUE(Parse(SummaryToJson(MakeSummary()))["outputs"]["html_report"].is_null());
}

TEST(JsonSummary, GeographyIsMostFrequentFirstThenByNameAndSkipsMissingValues) {
  const auto j = nlohmann::ordered_json::parse(SummaryToJson(MakeSummary()));
  EXPECT_EQ(Keys(j["geography"]["cities"]),
            (std::vector<std::string>{"Boca Raton", "Delray Beach", "Jupiter"}));
  EXPECT_EQ(j["geography"]["cities"]["Boca Raton"], 30);
  EXPECT_EQ(j["geography"]["unique_cities"], 3);
  EXPECT_EQ(Keys(j["geography"]["counties"]), (std::vector<std::string>{"Palm Beach", "Broward"}));
  EXPECT_EQ(j["geography"]["unique_states"], 2);
}

TEST(JsonSummary, FileDetailsDescribeMappingAndFailure) {
  const json j = Parse(SummaryToJson(MakeSummary()));
  const json& a = j["files"]["details"][0];
  EXPECT_EQ(a["status"], "succeeded");
  EXPECT_TRUE(a["error"].is_null());
  EXPECT_EQ(a["columns"][2], json({{"header", "Broker Notes"}, {"field", nullptr}}));
  EXPECT_EQ(a["unmapped"], json({"Broker Notes"}));
  EXPECT_EQ(a["row_problems"][0]["row"], 7);
  EXPECT_EQ(a["row_problems"][0]["column"], "Acres");
  EXPECT_EQ(a["row_problems"][0]["code"], "BAD_VALUE");
  const json& c = j["files"]["details"][2];
  EXPECT_EQ(c["status"], "failed");
  EXPECT_EQ(c["error"]["code"], "MISSING_REQUIRED_COLUMNS");
  EXPECT_EQ(c["error"]["category"], "schema");
  EXPECT_EQ(j["files"]["failures"][0]["file"], "raw/c.csv");
  EXPECT_TRUE(j["files"]["failures"][0]["row"].is_null());
  EXPECT_EQ(j["files"]["skipped"][0]["code"], "EMPTY_FILE");
}

TEST(JsonSummary, TopCandidatesKeepIdsAsTextAndMissingValuesAsNull) {
  const json j = Parse(SummaryToJson(MakeSummary()));
  const json& top = j["top_candidates"][0];
  EXPECT_EQ(top["parcel_id"], "00424701000000010");
  EXPECT_EQ(top["zip"], "33431");
  EXPECT_EQ(top["score"].get<double>(), 10.0);
  EXPECT_EQ(top["acres"].get<double>(), 2.5);
  EXPECT_TRUE(top["improvement_value"].is_null());
  EXPECT_TRUE(top["county"].is_null());
  EXPECT_EQ(top["flags"], json({"HIGH_POTENTIAL", "IDEAL_BUILDING"}));
  EXPECT_EQ(top["source_row"], 2);
}

TEST(JsonSummary, TextThatIsNotUtf8IsReplacedInsteadOfFailing) {
  RunSummary s = MakeSummary();
  s.files[0].path = "raw/caf\xE9.csv";  // Latin-1 é in a file name
  const std::string text = SummaryToJson(s);
  const json j = Parse(text);
  EXPECT_EQ(j["files"]["details"][0]["path"], "raw/caf\xEF\xBF\xBD.csv");
}

TEST(JsonSummary, WriteSummaryJsonWritesTheSameBytesIntoPlace) {
  TempDir dir;
  const auto path = dir.path() / "reports" / "pipeline_summary.json";
  const RunSummary s = MakeSummary();
  ASSERT_TRUE(WriteSummaryJson(DefaultFs(), path, s).ok());
  EXPECT_EQ(ReadFileToString(path), SummaryToJson(s));
}

TEST(JsonSummary, AFailedWriteLeavesThePreviousSummary) {
  TempDir dir;
  const auto path = dir.Write("pipeline_summary.json", "{\"previous\": true}\n");
  testing::FaultInjectionFileSystem fs;
  fs.FailNth(testing::FsOp::kSync, 1);
  const Status s = WriteSummaryJson(&fs, path, MakeSummary());
  EXPECT_EQ(s.code(), ErrorCode::kOutputError);
  EXPECT_EQ(ReadFileToString(path), "{\"previous\": true}\n");
}

}  // namespace
}  // namespace json_summary_test
}  // namespace flexpipe
