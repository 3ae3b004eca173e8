#include "write/json_summary_parse.h"

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "flexpipe/fields.h"
#include "write/json_summary.h"

namespace flexpipe {
namespace {

using Json = nlohmann::ordered_json;

// A value that is not what the schema says, with where it is
// ("files.details[2].rows_read"). Thrown inside this file only.
struct BadValue {
  std::string path;
  std::string what;
};

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// A JSON value and where it is.
class Node {
 public:
  Node(const Json& j, std::string path) : j_(&j), path_(std::move(path)) {}

  [[noreturn]] void Fail(std::string_view what) const { throw BadValue{path_, std::string(what)}; }

  const Json& json() const { return *j_; }
  bool is_null() const { return j_->is_null(); }
  bool Has(std::string_view key) const { return j_->is_object() && j_->contains(key); }

  Node operator[](std::string_view key) const {
    if (!j_->is_object()) Fail("not an object");
    const auto it = j_->find(key);
    if (it == j_->end()) throw BadValue{Join(path_, key), "missing"};
    return Node(*it, Join(path_, key));
  }

  // The elements of an array, each with its index in the path.
  template <typename F>
  void ForEach(F f) const {
    if (!j_->is_array()) Fail("not an array");
    for (size_t i = 0; i < j_->size(); ++i) f(Node((*j_)[i], fmt::format("{}[{}]", path_, i)));
  }
  // The members of an object, in order.
  template <typename F>
  void ForEachMember(F f) const {
    if (!j_->is_object()) Fail("not an object");
    for (const auto& [key, value] : j_->items()) f(key, Node(value, Join(path_, key)));
  }

  std::string Text() const {
    if (!j_->is_string()) Fail("not a string");
    return j_->get<std::string>();
  }
  // null reads as "" (the writer's TextOrNull).
  std::string TextOrEmpty() const { return is_null() ? std::string() : Text(); }
  uint64_t Count() const {
    if (!j_->is_number_unsigned()) Fail("not a whole number of 0 or more");
    return j_->get<uint64_t>();
  }
  double Number() const {
    if (!j_->is_number()) Fail("not a number");
    return j_->get<double>();
  }
  // null reads as `absent`.
  double NumberOr(double absent) const { return is_null() ? absent : Number(); }
  bool Bool() const {
    if (!j_->is_boolean()) Fail("not true or false");
    return j_->get<bool>();
  }
  std::vector<std::string> Strings() const {
    std::vector<std::string> v;
    ForEach([&v](const Node& n) { v.push_back(n.Text()); });
    return v;
  }
  std::map<std::string, uint64_t> Counts() const {
    std::map<std::string, uint64_t> m;
    ForEachMember([&m](const std::string& key, const Node& n) { m[key] = n.Count(); });
    return m;
  }

 private:
  const Json* j_;
  std::string path_;
};

Problem ReadProblem(const Node& n) {
  Problem p;
  p.file = n["file"].Text();
  p.row = n["row"].is_null() ? 0 : n["row"].Count();
  p.column = n["column"].TextOrEmpty();
  p.code = n["code"].Text();
  p.category = n["category"].Text();
  p.message = n["message"].Text();
  if (n.Has("value")) p.value = n["value"].Text();
  return p;
}

std::vector<Problem> ReadProblems(const Node& n) {
  std::vector<Problem> v;
  n.ForEach([&v](const Node& e) { v.push_back(ReadProblem(e)); });
  return v;
}

void ReadRun(const Node& run, RunSummary* s) {
  s->flexpipe_version = run["flexpipe_version"].Text();
  if (run.Has("started_at")) s->started_at = run["started_at"].TextOrEmpty();
  s->model = run["model"].Text();
  s->as_of = run["as_of"].TextOrEmpty();
  s->min_flex_score = run["min_flex_score"].NumberOr(0);
  s->deduplication = run["deduplication"].Bool();
  s->duplicate_fields = run["duplicate_fields"].Strings();
}

FileReport ReadFileDetail(const Node& d) {
  FileReport r;
  r.path = d["path"].Text();
  const uint64_t ordinal = d["ordinal"].Count();
  if (ordinal > std::numeric_limits<uint32_t>::max()) d["ordinal"].Fail("out of range");
  r.ordinal = static_cast<uint32_t>(ordinal);
  r.format = d["format"].TextOrEmpty();
  r.size_bytes = d["size_bytes"].Count();
  const std::string status = d["status"].Text();
  if (status != "succeeded" && status != "failed") d["status"].Fail("not succeeded or failed");
  r.succeeded = status == "succeeded";
  if (const Node error = d["error"]; !error.is_null()) {
    r.error_code = error["code"].Text();
    r.error_category = error["category"].Text();
    r.error_message = error["message"].Text();
  }
  r.rows_read = d["rows_read"].Count();
  r.rows_scored = d["rows_scored"].Count();
  r.rows_set_aside = d["rows_set_aside"].Count();
  r.candidates = d["candidates"].Count();
  r.duplicates_in_file = d["duplicates_in_file"].Count();
  r.ragged_rows = d["ragged_rows"].Count();
  r.value_problems = d["value_problems"].Count();
  if (d.Has("seconds")) r.seconds = d["seconds"].NumberOr(0);
  if (d.Has("reused")) r.reused = d["reused"].Bool();
  if (d.Has("attempts")) {
    const uint64_t attempts = d["attempts"].Count();
    if (attempts > std::numeric_limits<uint32_t>::max()) d["attempts"].Fail("out of range");
    r.attempts = static_cast<uint32_t>(attempts);
  }
  d["columns"].ForEach([&r](const Node& c) {
    r.columns.push_back(ColumnReport{c["header"].Text(), c["field"].TextOrEmpty()});
  });
  r.mapping_notes = d["notes"].Strings();
  r.row_problems = ReadProblems(d["row_problems"]);
  if (d.Has("rejects")) {  // every row problem, of which row_problems lists the first few
    const uint64_t rejects = d["rejects"].Count();
    if (rejects < r.row_problems.size()) d["rejects"].Fail("fewer than row_problems lists");
    r.rejects_not_listed = rejects - r.row_problems.size();
  }
  return r;
}

void ReadFiles(const Node& files, RunSummary* s) {
  s->files_found = files["found"].Count();
  s->files_processed = files["processed"].Count();
  s->files_succeeded = files["succeeded"].Count();
  s->files_failed = files["failed"].Count();
  s->failures = ReadProblems(files["failures"]);
  s->skipped = ReadProblems(files["skipped"]);
  files["details"].ForEach([s](const Node& d) { s->files.push_back(ReadFileDetail(d)); });
  if (files.Has("reused")) s->files_reused = files["reused"].Count();
}

void ReadScores(const Node& j, RunSummary* s) {
  const Node scores = j["scores"];
  s->score_average = scores["average"].NumberOr(0);
  s->score_median = scores["median"].NumberOr(0);
  s->score_min = scores["min"].NumberOr(0);
  s->score_max = scores["max"].NumberOr(0);
  s->score_distribution = j["score_distribution"].Counts();
  const Node counts = j["score_histogram"]["counts"];
  if (!counts.json().is_array() || counts.json().size() != kScoreHistogramBins)
    counts.Fail(fmt::format("not an array of {} counts", kScoreHistogramBins));
  size_t bin = 0;
  counts.ForEach([&](const Node& n) { s->score_histogram[bin++] = n.Count(); });
  s->classification_counts = j["classifications"].Counts();
  j["component_means"].ForEachMember(
      [s](const std::string& name, const Node& n) { s->component_means.emplace_back(name, n.Number()); });
}

CandidateSummary ReadCandidate(const Node& n) {
  CandidateSummary c;
  const uint64_t rank = n["rank"].Count();
  if (rank > std::numeric_limits<uint32_t>::max()) n["rank"].Fail("out of range");
  c.rank = static_cast<uint32_t>(rank);
  c.score = n["score"].Number();
  c.classification = n["classification"].Text();
  c.address = n["address"].TextOrEmpty();
  c.city = n["city"].TextOrEmpty();
  c.state = n["state"].TextOrEmpty();
  c.county = n["county"].TextOrEmpty();
  c.zip = n["zip"].TextOrEmpty();
  c.parcel_id = n["parcel_id"].TextOrEmpty();
  c.property_type = n["property_type"].TextOrEmpty();
  c.zoning = n["zoning"].TextOrEmpty();
  c.owner_name = n["owner_name"].TextOrEmpty();
  auto quantity = [&n](std::string_view key, double* value, bool* has) {
    *has = !n[key].is_null();
    if (*has) *value = n[key].Number();
  };
  quantity("acres", &c.acres, &c.has_acres);
  quantity("building_sqft", &c.building_sqft, &c.has_building_sqft);
  quantity("improvement_value", &c.improvement_value, &c.has_improvement_value);
  c.flags = n["flags"].Strings();
  c.source_file = n["source_file"].Text();
  c.source_row = n["source_row"].Count();
  return c;
}

void ReadTiming(const Node& timing, RunSummary* s) {
  s->seconds = timing["seconds"].NumberOr(0);
  // Written rounded to a whole number; null when it was not a figure.
  s->rows_per_second = timing["rows_per_second"].NumberOr(std::numeric_limits<double>::quiet_NaN());
  timing["stages"].ForEachMember(
      [s](const std::string& stage, const Node& n) { s->stage_seconds[stage] = n.NumberOr(0); });
}

RunSummary ReadSummary(const Node& j) {
  RunSummary s;
  ReadRun(j["run"], &s);
  ReadFiles(j["files"], &s);
  const Node rows = j["rows"];
  s.rows_read = rows["read"].Count();
  s.rows_scored = rows["scored"].Count();
  s.rows_set_aside = rows["set_aside"].Count();
  if (rows.Has("rejects")) s.rejects = rows["rejects"].Count();
  const Node candidates = j["candidates"];
  s.candidates_before_dedup = candidates["before_dedup"].Count();
  s.candidates_unique = candidates["unique"].Count();
  s.duplicates_removed = candidates["duplicates_removed"].Count();
  ReadScores(j, &s);
  const Node geography = j["geography"];
  s.states = geography["states"].Counts();
  s.counties = geography["counties"].Counts();
  s.cities = geography["cities"].Counts();
  s.average_building_sqft = j["averages"]["building_sqft"].NumberOr(0);
  s.average_acres = j["averages"]["acres"].NumberOr(0);
  j["top_candidates"].ForEach([&s](const Node& n) { s.top_candidates.push_back(ReadCandidate(n)); });
  j["schema_differences"].ForEach([&s](const Node& n) {
    s.schema_differences.push_back(
        SchemaDifference{n["file"].Text(), n["missing_fields"].Strings(), n["extra_columns"].Strings()});
  });
  j["data_quality"].ForEach([&s](const Node& n) {
    FieldQuality q;
    q.field = n["field"].Text();
    q.rows_with_column = n["rows_with_column"].Count();
    q.present = n["present"].Count();
    q.parse_failures = n["parse_failures"].Count();
    if (n.Has("distinct") && !n["distinct"].is_null()) {
      q.has_distinct = true;
      q.distinct = n["distinct"].Count();
      q.distinct_over_cap = n["distinct_over_cap"].Bool();
    }
    if (n.Has("min") && !n["min"].is_null()) {
      q.has_range = true;
      const std::optional<Field> field = FieldByName(q.field);
      q.is_date = field && InfoOf(*field).type == FieldType::kDate;
      const auto bound = [&q](const Node& b) {
        if (!q.is_date) return b.Number();
        const std::optional<Date> d = ParseIsoDate(b.Text());
        if (!d) b.Fail("not a date as YYYY-MM-DD");
        return static_cast<double>(d->days);
      };
      q.min = bound(n["min"]);
      q.max = bound(n["max"]);
    }
    s.data_quality.push_back(std::move(q));
  });
  const Node outputs = j["outputs"];
  s.master_csv = outputs["master_csv"].TextOrEmpty();
  s.master_xlsx = outputs["master_xlsx"].TextOrEmpty();
  s.html_report = outputs["html_report"].TextOrEmpty();
  if (outputs.Has("rejects")) s.rejects_file = outputs["rejects"].TextOrEmpty();
  s.report_file = outputs["report"].TextOrEmpty();
  if (j.Has("timing")) ReadTiming(j["timing"], &s);
  return s;
}

}  // namespace

Result<RunSummary> ParseSummaryJson(std::string_view json) {
  const Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status(ErrorCode::kInvalidArgument, "summary JSON: not valid JSON");
  try {
    const Node root(j, "");
    const uint64_t version = root["summary_version"].Count();
    if (version > static_cast<uint64_t>(kSummaryVersion)) {
      return Status(ErrorCode::kUnsupportedFormat,
                    fmt::format("summary JSON: summary_version {} is newer than this flexpipe's ({})",
                                version, kSummaryVersion));
    }
    return ReadSummary(root);
  } catch (const BadValue& e) {
    return Status(ErrorCode::kInvalidArgument, fmt::format("summary JSON: {}: {}", e.path, e.what));
  }
}

Result<RunSummary> SummaryAsWritten(const RunSummary& summary) {
  return ParseSummaryJson(SummaryToJson(summary));
}

}  // namespace flexpipe
