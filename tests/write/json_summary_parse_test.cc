#include "write/json_summary_parse.h"

#include <cmath>
#include <limits>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "write/json_summary.h"

namespace flexpipe {
namespace json_summary_parse_test {
namespace {

// Text that JSON has to escape, or that is not UTF-8 at all.
std::string Awkward(std::string_view name) {
  return std::string(name) + " \"q\" \\ \t\x01 é \xE2\x82\xAC <b>";
}

Problem MakeProblem(std::string_view tag, uint64_t row, std::string column, std::string value = {}) {
  return Problem{Awkward(tag), "BAD_VALUE",       "data_format",   Awkward(std::string(tag) + " message"),
                 row,          std::move(column), std::move(value)};
}

// Every field of a RunSummary set to something other than its default,
// with unrounded figures, text that needs escaping, and the optional keys.
RunSummary EverythingSummary() {
  RunSummary s;
  s.flexpipe_version = "9.8.7";
  s.started_at = "2025-06-01T12:00:00Z";
  s.model = "industrial";
  s.as_of = "2025-05-31";
  s.min_flex_score = 3.456;
  s.deduplication = false;
  s.duplicate_fields = {"address", Awkward("field")};
  s.files_found = 4;
  s.files_processed = 3;
  s.files_succeeded = 2;
  s.files_failed = 1;
  s.files_reused = 2;
  s.skipped = {MakeProblem("skipped", 0, "")};

  FileReport a;
  a.path = Awkward("a.csv");
  a.ordinal = 0;
  a.format = "csv";
  a.size_bytes = 123456789012;
  a.succeeded = true;
  a.rows_read = 100;
  a.rows_scored = 97;
  a.rows_set_aside = 3;
  a.candidates = 40;
  a.duplicates_in_file = 5;
  a.ragged_rows = 2;
  a.value_problems = 30;
  a.seconds = 0.1234567;
  a.reused = true;
  a.attempts = 3;
  a.columns = {{"Site Address", "address"}, {Awkward("header"), ""}, {"", ""}};
  a.mapping_notes = {Awkward("note"), ""};
  for (uint64_t row = 2; row < 40; ++row)  // more than the summary lists
    a.row_problems.push_back(MakeProblem("a.csv", row, row % 2 ? "Acres" : "", row % 3 ? "12x" : ""));
  a.rejects_not_listed = 17;
  FileReport b = a;
  b.path = "b.xlsx#Sheet 2";
  b.ordinal = 1;
  b.format = "xlsx";
  b.reused = false;
  b.row_problems.resize(1);
  b.rejects_not_listed = 0;
  FileReport c;
  c.path = "c.csv";
  c.ordinal = 2;
  c.format = "";
  c.succeeded = false;
  c.error_code = "MISSING_REQUIRED_COLUMNS";
  c.error_category = "schema";
  c.error_message = Awkward("no address column");
  c.seconds = 1e-9;
  s.files = {a, b, c};
  s.failures = {Problem{c.path, c.error_code, c.error_category, c.error_message, 0, "", ""}};

  s.rows_read = 200;
  s.rows_scored = 194;
  s.rows_set_aside = 6;
  s.rejects = 112;
  s.candidates_before_dedup = 80;
  s.candidates_unique = 70;
  s.duplicates_removed = 10;
  s.score_average = 6.123456;
  s.score_median = 5.955;
  s.score_min = 3.5;
  s.score_max = 10.0;
  s.score_distribution = {{"8-10", 10}, {"6-8", 25}, {"4-6", 30}, {"below-4", 5}};
  for (size_t i = 0; i < kScoreHistogramBins; ++i) s.score_histogram[i] = i * 3;
  s.classification_counts = {{"PRIME_FLEX", 10},
                             {"GOOD_FLEX", 25},
                             {"POTENTIAL_FLEX", 30},
                             {"POSSIBLE_FLEX", 4},
                             {"UNLIKELY_FLEX", 1}};
  s.component_means = {{"size_score", 7.3333333}, {"type_score", 6.5}, {"lot_score", 0.005}};
  s.states = {{"FL", 69}, {"GA", 1}, {Awkward("state"), 1}};
  s.counties = {{"Palm Beach", 50}, {"Broward", 20}};
  s.cities = {{"Jupiter", 10}, {"Boca Raton", 30}, {"Delray Beach", 10}, {"", 20}};
  s.average_building_sqft = 24567.891;
  s.average_acres = 2.345678;

  for (uint32_t rank = 1; rank <= 3; ++rank) {
    CandidateSummary c1;
    c1.rank = rank;
    c1.score = 10.0 / rank;
    c1.classification = "GOOD_FLEX";
    c1.address = Awkward("address");
    c1.city = rank == 2 ? "" : "Boca Raton";
    c1.state = "FL";
    c1.county = "Palm Beach";
    c1.zip = "33431-1234";
    c1.parcel_id = "00424701000000010";
    c1.property_type = "Warehouse";
    c1.zoning = "IL";
    c1.owner_name = Awkward("owner");
    c1.acres = 2.2957668;
    c1.has_acres = rank != 2;
    c1.building_sqft = 25000.125;
    c1.has_building_sqft = rank != 3;
    c1.improvement_value = 2569458.4;
    c1.has_improvement_value = rank == 1;
    c1.flags =
        rank == 1 ? std::vector<std::string>{"HIGH_POTENTIAL", "IDEAL_BUILDING"} : std::vector<std::string>{};
    c1.source_file = a.path;
    c1.source_row = 1000 + rank;
    s.top_candidates.push_back(c1);
  }
  s.schema_differences = {SchemaDifference{"b.csv", {"zoning"}, {}}, SchemaDifference{"a.csv", {}, {"X"}}};
  s.data_quality = {FieldQuality{"acres", 200, 180, 4}, FieldQuality{"zip", 1, 0, 0},
                    FieldQuality{"sale_date", 5, 4, 1}};
  s.data_quality[0].has_range = true;
  s.data_quality[0].min = 0.123456;
  s.data_quality[0].max = 1234.5;
  s.data_quality[1].has_distinct = true;
  s.data_quality[1].distinct = 1000;
  s.data_quality[1].distinct_over_cap = true;
  s.data_quality[2].has_range = true;
  s.data_quality[2].is_date = true;
  s.data_quality[2].min = 19000;
  s.data_quality[2].max = 20000;
  s.master_csv = "out/all.csv";
  s.master_xlsx = "out/all.xlsx";
  s.report_file = "reports/summary.json";
  s.html_report = Awkward("out/report.html");
  s.rejects_file = "out/all_rejects.csv";
  s.seconds = 1.23456;
  s.rows_per_second = 162.0021;
  s.stage_seconds = {{"write", 0.1}, {"merge", 0.05}, {"read_score", 1.08456}, {"store", 2.5}, {"zzz", 1}};
  return s;
}

// JSON → struct → JSON.
std::string Again(const std::string& json) {
  auto parsed = ParseSummaryJson(json);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? SummaryToJson(*parsed) : std::string();
}

TEST(ParseSummaryJson, EveryFieldSurvivesTheRoundTripByteForByte) {
  const std::string json = SummaryToJson(EverythingSummary());
  EXPECT_EQ(Again(json), json);
}

TEST(ParseSummaryJson, EachFieldIsRead) {
  // A field the parser skipped would come back at its default: changing it
  // alone must change the JSON, and the change must survive.
  const RunSummary base = EverythingSummary();
  const std::string base_json = SummaryToJson(base);
  std::vector<std::pair<const char*, void (*)(RunSummary*)>> changes = {
      {"version", [](RunSummary* s) { s->flexpipe_version = "1.0"; }},
      {"started_at", [](RunSummary* s) { s->started_at = ""; }},
      {"as_of", [](RunSummary* s) { s->as_of = ""; }},
      {"dedup", [](RunSummary* s) { s->deduplication = true; }},
      {"reused", [](RunSummary* s) { s->files_reused = 0; }},
      {"file seconds", [](RunSummary* s) { s->files[0].seconds = 7; }},
      {"file reused", [](RunSummary* s) { s->files[0].reused = false; }},
      {"attempts", [](RunSummary* s) { s->files[0].attempts = 1; }},
      {"file error", [](RunSummary* s) { s->files[2].error_category = "usage"; }},
      {"ragged", [](RunSummary* s) { s->files[1].ragged_rows = 0; }},
      {"not listed", [](RunSummary* s) { s->files[0].rejects_not_listed = 0; }},
      {"value", [](RunSummary* s) { s->files[1].row_problems[0].value = "zz"; }},
      {"row", [](RunSummary* s) { s->files[1].row_problems[0].row = 0; }},
      {"rejects", [](RunSummary* s) { s->rejects = 0; }},
      {"median", [](RunSummary* s) { s->score_median = 1; }},
      {"histogram", [](RunSummary* s) { s->score_histogram[19] = 0; }},
      {"means", [](RunSummary* s) { s->component_means.pop_back(); }},
      {"counties", [](RunSummary* s) { s->counties["X"] = 99; }},
      {"acres", [](RunSummary* s) { s->average_acres = 0; }},
      {"top acres", [](RunSummary* s) { s->top_candidates[0].has_acres = false; }},
      {"top flags", [](RunSummary* s) { s->top_candidates[0].flags.clear(); }},
      {"quality", [](RunSummary* s) { s->data_quality[1].present = 1; }},
      {"distinct", [](RunSummary* s) { s->data_quality[1].distinct = 7; }},
      {"over cap", [](RunSummary* s) { s->data_quality[1].distinct_over_cap = false; }},
      {"range", [](RunSummary* s) { s->data_quality[0].max = 99; }},
      {"date range", [](RunSummary* s) { s->data_quality[2].min = 18000; }},
      {"xlsx", [](RunSummary* s) { s->master_xlsx.clear(); }},
      {"rejects file", [](RunSummary* s) { s->rejects_file.clear(); }},
      {"rows/s", [](RunSummary* s) { s->rows_per_second = 5; }},
      {"stage", [](RunSummary* s) { s->stage_seconds.erase("zzz"); }},
  };
  for (const auto& [name, change] : changes) {
    RunSummary s = base;
    change(&s);
    const std::string json = SummaryToJson(s);
    EXPECT_NE(json, base_json) << name;
    EXPECT_EQ(Again(json), json) << name;
  }
}

// Every key path of `j` ("files.details[].path"), arrays as "[]". Objects
// keyed by data (geography, distributions, timing stages) count as one key.
void KeyPaths(const nlohmann::ordered_json& j, const std::string& path, std::set<std::string>* out) {
  static const std::set<std::string> kDataKeyed = {
      "score_distribution", "classifications",  "component_means", "geography.states",
      "geography.counties", "geography.cities", "timing.stages"};
  out->insert(path);
  if (kDataKeyed.count(path) != 0) return;
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) KeyPaths(value, path.empty() ? key : path + "." + key, out);
  } else if (j.is_array()) {
    for (const auto& e : j) KeyPaths(e, path + "[]", out);
  }
}

TEST(ParseSummaryJson, KnowsEveryKeyTheWriterWrites) {
  // A key added to SummaryToJson must be read by ParseSummaryJson too, or
  // `flexpipe report` writes the summary without it: add it to
  // write/json_summary_parse.cc, to EverythingSummary and to this list.
  const std::set<std::string> known = {"",
                                       "summary_version",
                                       "run",
                                       "run.flexpipe_version",
                                       "run.started_at",
                                       "run.model",
                                       "run.as_of",
                                       "run.min_flex_score",
                                       "run.deduplication",
                                       "run.duplicate_fields",
                                       "run.duplicate_fields[]",
                                       "files",
                                       "files.found",
                                       "files.processed",
                                       "files.succeeded",
                                       "files.failed",
                                       "files.failures",
                                       "files.failures[]",
                                       "files.failures[].file",
                                       "files.failures[].row",
                                       "files.failures[].column",
                                       "files.failures[].code",
                                       "files.failures[].category",
                                       "files.failures[].message",
                                       "files.skipped",
                                       "files.skipped[]",
                                       "files.skipped[].file",
                                       "files.skipped[].row",
                                       "files.skipped[].column",
                                       "files.skipped[].code",
                                       "files.skipped[].category",
                                       "files.skipped[].message",
                                       "files.details",
                                       "files.details[]",
                                       "files.details[].path",
                                       "files.details[].ordinal",
                                       "files.details[].format",
                                       "files.details[].size_bytes",
                                       "files.details[].status",
                                       "files.details[].error",
                                       "files.details[].error.code",
                                       "files.details[].error.category",
                                       "files.details[].error.message",
                                       "files.details[].rows_read",
                                       "files.details[].rows_scored",
                                       "files.details[].rows_set_aside",
                                       "files.details[].candidates",
                                       "files.details[].duplicates_in_file",
                                       "files.details[].ragged_rows",
                                       "files.details[].value_problems",
                                       "files.details[].seconds",
                                       "files.details[].reused",
                                       "files.details[].attempts",
                                       "files.details[].columns",
                                       "files.details[].columns[]",
                                       "files.details[].columns[].header",
                                       "files.details[].columns[].field",
                                       "files.details[].unmapped",
                                       "files.details[].unmapped[]",
                                       "files.details[].notes",
                                       "files.details[].notes[]",
                                       "files.details[].rejects",
                                       "files.details[].row_problems",
                                       "files.details[].row_problems[]",
                                       "files.details[].row_problems[].file",
                                       "files.details[].row_problems[].row",
                                       "files.details[].row_problems[].column",
                                       "files.details[].row_problems[].code",
                                       "files.details[].row_problems[].category",
                                       "files.details[].row_problems[].message",
                                       "files.details[].row_problems[].value",
                                       "files.reused",
                                       "rows",
                                       "rows.read",
                                       "rows.scored",
                                       "rows.set_aside",
                                       "rows.rejects",
                                       "candidates",
                                       "candidates.before_dedup",
                                       "candidates.unique",
                                       "candidates.duplicates_removed",
                                       "scores",
                                       "scores.average",
                                       "scores.median",
                                       "scores.min",
                                       "scores.max",
                                       "score_distribution",
                                       "score_histogram",
                                       "score_histogram.bin_width",
                                       "score_histogram.counts",
                                       "score_histogram.counts[]",
                                       "classifications",
                                       "component_means",
                                       "geography",
                                       "geography.unique_states",
                                       "geography.unique_counties",
                                       "geography.unique_cities",
                                       "geography.states",
                                       "geography.counties",
                                       "geography.cities",
                                       "averages",
                                       "averages.building_sqft",
                                       "averages.acres",
                                       "top_candidates",
                                       "top_candidates[]",
                                       "top_candidates[].rank",
                                       "top_candidates[].score",
                                       "top_candidates[].classification",
                                       "top_candidates[].address",
                                       "top_candidates[].city",
                                       "top_candidates[].state",
                                       "top_candidates[].county",
                                       "top_candidates[].zip",
                                       "top_candidates[].parcel_id",
                                       "top_candidates[].property_type",
                                       "top_candidates[].zoning",
                                       "top_candidates[].owner_name",
                                       "top_candidates[].acres",
                                       "top_candidates[].building_sqft",
                                       "top_candidates[].improvement_value",
                                       "top_candidates[].flags",
                                       "top_candidates[].flags[]",
                                       "top_candidates[].source_file",
                                       "top_candidates[].source_row",
                                       "schema_differences",
                                       "schema_differences[]",
                                       "schema_differences[].file",
                                       "schema_differences[].missing_fields",
                                       "schema_differences[].missing_fields[]",
                                       "schema_differences[].extra_columns",
                                       "schema_differences[].extra_columns[]",
                                       "data_quality",
                                       "data_quality[]",
                                       "data_quality[].field",
                                       "data_quality[].rows_with_column",
                                       "data_quality[].present",
                                       "data_quality[].parse_failures",
                                       "data_quality[].distinct",
                                       "data_quality[].distinct_over_cap",
                                       "data_quality[].min",
                                       "data_quality[].max",
                                       "data_quality[].distinct",
                                       "data_quality[].distinct_over_cap",
                                       "data_quality[].min",
                                       "data_quality[].max",
                                       "outputs",
                                       "outputs.master_csv",
                                       "outputs.master_xlsx",
                                       "outputs.html_report",
                                       "outputs.rejects",
                                       "outputs.report",
                                       "timing",
                                       "timing.seconds",
                                       "timing.rows_per_second",
                                       "timing.stages"};
  std::set<std::string> written;
  KeyPaths(nlohmann::ordered_json::parse(SummaryToJson(EverythingSummary())), "", &written);
  for (const std::string& key : written) EXPECT_EQ(known.count(key), 1u) << "new key: " << key;
  for (const std::string& key : known) EXPECT_EQ(written.count(key), 1u) << "not written: " << key;
}

TEST(ParseSummaryJson, ReadsBackTheFiguresAsWritten) {
  auto s = ParseSummaryJson(SummaryToJson(EverythingSummary()));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->model, "industrial");
  EXPECT_DOUBLE_EQ(s->min_flex_score, 3.46);  // rounded to 2 decimals
  EXPECT_DOUBLE_EQ(s->score_average, 6.12);
  ASSERT_EQ(s->files.size(), 3u);
  EXPECT_EQ(s->files[0].path, Awkward("a.csv"));
  EXPECT_EQ(s->files[0].columns[1].header, Awkward("header"));
  EXPECT_EQ(s->files[0].columns[1].field, "");
  EXPECT_EQ(s->files[0].row_problems.size(), kRowProblemSamples);
  EXPECT_EQ(s->files[0].row_problems.size() + s->files[0].rejects_not_listed, 38u + 17u);
  EXPECT_FALSE(s->files[2].succeeded);
  EXPECT_EQ(s->files[2].error_message, Awkward("no address column"));
  EXPECT_DOUBLE_EQ(s->files[0].seconds, 0.123);
  EXPECT_TRUE(s->files[0].reused);
  EXPECT_EQ(s->component_means[2].first, "lot_score");
  EXPECT_FALSE(s->top_candidates[1].has_acres);
  EXPECT_DOUBLE_EQ(s->top_candidates[0].acres, 2.2958);
  EXPECT_EQ(s->cities.count(""), 0u);  // not a place: not in the JSON
  EXPECT_EQ(s->stage_seconds.size(), 5u);
  EXPECT_DOUBLE_EQ(s->rows_per_second, 162);
}

TEST(ParseSummaryJson, RoundTripsARunWithoutCandidatesOrFigures) {
  RunSummary s;
  s.rows_per_second = std::numeric_limits<double>::quiet_NaN();
  s.score_average = std::numeric_limits<double>::infinity();
  s.seconds = -0.0;
  const std::string json = SummaryToJson(s);
  EXPECT_EQ(Again(json), json);
}

TEST(ParseSummaryJson, RoundTripsTextThatIsNotUtf8AsTheJsonShowsIt) {
  RunSummary s = EverythingSummary();
  s.files[0].path = "caf\xE9.csv";  // Latin-1
  const std::string json = SummaryToJson(s);
  EXPECT_EQ(Again(json), json);
  auto parsed = ParseSummaryJson(json);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->files[0].path, "caf\xEF\xBF\xBD.csv");  // U+FFFD, as in the JSON
}

TEST(ParseSummaryJson, TheFormWithoutVolatileKeysRoundTrips) {
  const std::string json = SummaryToJson(EverythingSummary(), /*include_volatile=*/false);
  auto parsed = ParseSummaryJson(json);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->started_at, "");
  EXPECT_EQ(parsed->seconds, 0);
  EXPECT_EQ(SummaryToJson(*parsed, /*include_volatile=*/false), json);
}

TEST(ParseSummaryJson, NamesWhatIsWrong) {
  auto bad = ParseSummaryJson("{not json");
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);

  std::string json = SummaryToJson(EverythingSummary());
  const std::string key = "\"rows_read\": 100";
  json.replace(json.find(key), key.size(), "\"rows_read\": \"many\"");
  bad = ParseSummaryJson(json);
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("files.details[0].rows_read: not a whole number"), std::string::npos)
      << bad.status().message();

  bad = ParseSummaryJson(R"({"summary_version": 1})");
  EXPECT_NE(bad.status().message().find("run: missing"), std::string::npos) << bad.status().message();
}

TEST(ParseSummaryJson, RefusesANewerSummaryVersion) {
  std::string json = SummaryToJson(EverythingSummary());
  json.replace(json.find("\"summary_version\": 1"), 20, "\"summary_version\": 2");
  auto bad = ParseSummaryJson(json);
  EXPECT_EQ(bad.status().code(), ErrorCode::kUnsupportedFormat);
  EXPECT_NE(bad.status().message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace json_summary_parse_test
}  // namespace flexpipe
