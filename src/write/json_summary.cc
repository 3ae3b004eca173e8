#include "write/json_summary.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "write/atomic_file.h"

namespace flexpipe {
namespace {

// Insertion-ordered, so the key order below is the order in the file.
using Json = nlohmann::ordered_json;

constexpr int kScoreDecimals = 2;
constexpr int kQuantityDecimals = 2;  // square feet, dollars
constexpr int kAcreDecimals = 4;      // 0.0001 acre ≈ 4 square feet
constexpr int kSecondsDecimals = 3;
constexpr int kRangeDecimals = 4;  // data-quality min/max of numbers

// Rounds the way Python's round(x, decimals) does: from the exact binary
// value, ties to even (std::to_chars is correctly rounded and, unlike
// printf, independent of the locale). Non-finite → null; -0 → 0.
Json Rounded(double x, int decimals) {
  if (!std::isfinite(x)) return nullptr;
  char buf[400];  // fixed notation of the largest double: 309 digits + decimals
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
  if (ec != std::errc()) return nullptr;
  double r = 0;
  std::from_chars(buf, end, r);
  return r == 0 ? 0.0 : r;
}

// Missing text is null rather than "".
Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json Strings(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const std::string& s : v) a.push_back(s);
  return a;
}

Json ProblemJson(const Problem& p) {
  Json j{{"file", p.file},
         {"row", p.row == 0 ? Json(nullptr) : Json(p.row)},
         {"column", TextOrNull(p.column)},
         {"code", p.code},
         {"category", p.category},
         {"message", p.message}};
  if (!p.value.empty()) j["value"] = p.value;
  return j;
}

// The first `limit` problems (all when limit is 0).
Json Problems(const std::vector<Problem>& problems, size_t limit = 0) {
  Json a = Json::array();
  for (const Problem& p : problems) {
    if (limit != 0 && a.size() == limit) break;
    a.push_back(ProblemJson(p));
  }
  return a;
}

// The keys of `named` in `order` first (always when `always`, else when
// present), then any others in the map's own order.
template <typename Value, typename Render>
Json InOrder(const std::map<std::string, Value>& named, std::span<const std::string_view> order,
             size_t always, Render render) {
  Json o = Json::object();
  for (size_t i = 0; i < order.size(); ++i) {
    const auto it = named.find(std::string(order[i]));
    if (it != named.end()) {
      o[it->first] = render(it->second);
    } else if (i < always) {
      o[std::string(order[i])] = render(Value{});
    }
  }
  for (const auto& [key, value] : named) {
    if (std::find(order.begin(), order.end(), key) == order.end()) o[key] = render(value);
  }
  return o;
}

// value → count, most frequent first, ties by name; empty values are not places.
Json ByCount(const std::map<std::string, uint64_t>& counts) {
  std::vector<std::pair<std::string_view, uint64_t>> v;
  v.reserve(counts.size());
  for (const auto& [name, n] : counts) {
    if (!name.empty()) v.emplace_back(name, n);
  }
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  Json o = Json::object();
  for (const auto& [name, n] : v) o[std::string(name)] = n;
  return o;
}

uint64_t NonEmptyKeys(const std::map<std::string, uint64_t>& counts) {
  return static_cast<uint64_t>(
      std::count_if(counts.begin(), counts.end(), [](const auto& kv) { return !kv.first.empty(); }));
}

Json RunJson(const RunSummary& s, bool include_volatile) {
  Json run;
  run["flexpipe_version"] = s.flexpipe_version;
  if (include_volatile) run["started_at"] = TextOrNull(s.started_at);
  run["model"] = s.model;
  run["as_of"] = TextOrNull(s.as_of);
  run["min_flex_score"] = Rounded(s.min_flex_score, kScoreDecimals);
  run["deduplication"] = s.deduplication;
  run["duplicate_fields"] = Strings(s.duplicate_fields);
  return run;
}

Json FileDetail(const FileReport& r, bool include_volatile) {
  Json d;
  d["path"] = r.path;
  d["ordinal"] = r.ordinal;
  d["format"] = TextOrNull(r.format);
  d["size_bytes"] = r.size_bytes;
  d["status"] = r.succeeded ? "succeeded" : "failed";
  d["error"] =
      r.succeeded
          ? Json(nullptr)
          : Json{{"code", r.error_code}, {"category", r.error_category}, {"message", r.error_message}};
  d["rows_read"] = r.rows_read;
  d["rows_scored"] = r.rows_scored;
  d["rows_set_aside"] = r.rows_set_aside;
  d["candidates"] = r.candidates;
  d["duplicates_in_file"] = r.duplicates_in_file;
  d["ragged_rows"] = r.ragged_rows;
  d["value_problems"] = r.value_problems;
  if (include_volatile) d["seconds"] = Rounded(r.seconds, kSecondsDecimals);
  if (include_volatile) d["reused"] = r.reused;
  if (include_volatile) d["attempts"] = r.attempts;
  Json columns = Json::array();
  Json unmapped = Json::array();
  for (const ColumnReport& c : r.columns) {
    columns.push_back(Json{{"header", c.header}, {"field", TextOrNull(c.field)}});
    if (c.field.empty()) unmapped.push_back(c.header);
  }
  d["columns"] = std::move(columns);
  d["unmapped"] = std::move(unmapped);
  d["notes"] = Strings(r.mapping_notes);
  d["rejects"] = r.row_problems.size() + r.rejects_not_listed;
  d["row_problems"] = Problems(r.row_problems, kRowProblemSamples);
  return d;
}

Json FilesJson(const RunSummary& s, bool include_volatile) {
  Json details = Json::array();
  for (const FileReport& r : s.files) details.push_back(FileDetail(r, include_volatile));
  Json files{{"found", s.files_found},           {"processed", s.files_processed},
             {"succeeded", s.files_succeeded},   {"failed", s.files_failed},
             {"failures", Problems(s.failures)}, {"skipped", Problems(s.skipped)},
             {"details", std::move(details)}};
  if (include_volatile) files["reused"] = s.files_reused;  // how the run went, not what it found
  return files;
}

Json ScoresJson(const RunSummary& s) {
  const bool any = s.candidates_unique > 0;
  auto score = [any](double x) { return any ? Rounded(x, kScoreDecimals) : Json(nullptr); };
  return Json{{"average", score(s.score_average)},
              {"median", score(s.score_median)},
              {"min", score(s.score_min)},
              {"max", score(s.score_max)}};
}

Json CandidateJson(const CandidateSummary& c) {
  auto quantity = [](bool has, double x, int decimals) { return has ? Rounded(x, decimals) : Json(nullptr); };
  return Json{
      {"rank", c.rank},
      {"score", Rounded(c.score, kScoreDecimals)},
      {"classification", c.classification},
      {"address", TextOrNull(c.address)},
      {"city", TextOrNull(c.city)},
      {"state", TextOrNull(c.state)},
      {"county", TextOrNull(c.county)},
      {"zip", TextOrNull(c.zip)},
      {"parcel_id", TextOrNull(c.parcel_id)},
      {"property_type", TextOrNull(c.property_type)},
      {"zoning", TextOrNull(c.zoning)},
      {"owner_name", TextOrNull(c.owner_name)},
      {"acres", quantity(c.has_acres, c.acres, kAcreDecimals)},
      {"building_sqft", quantity(c.has_building_sqft, c.building_sqft, kQuantityDecimals)},
      {"improvement_value", quantity(c.has_improvement_value, c.improvement_value, kQuantityDecimals)},
      {"flags", Strings(c.flags)},
      {"source_file", c.source_file},
      {"source_row", c.source_row}};
}

Json TimingJson(const RunSummary& s) {
  static constexpr std::array<std::string_view, 4> kStages = {"discover", "read_score", "merge", "write"};
  Json rps = nullptr;
  if (std::isfinite(s.rows_per_second) && s.rows_per_second >= 0) {
    rps = static_cast<uint64_t>(std::llround(s.rows_per_second));
  }
  return Json{{"seconds", Rounded(s.seconds, kSecondsDecimals)},
              {"rows_per_second", std::move(rps)},
              {"stages",
               InOrder(s.stage_seconds, kStages, 0, [](double x) { return Rounded(x, kSecondsDecimals); })}};
}

}  // namespace

std::string SummaryToJson(const RunSummary& s, bool include_volatile) {
  static constexpr std::array<std::string_view, 4> kBands = {"8-10", "6-8", "4-6", "below-4"};
  static constexpr std::array<std::string_view, 5> kClasses = {"PRIME_FLEX", "GOOD_FLEX", "POTENTIAL_FLEX",
                                                               "POSSIBLE_FLEX", "UNLIKELY_FLEX"};
  auto count = [](uint64_t n) { return Json(n); };

  Json j;
  j["summary_version"] = kSummaryVersion;
  j["run"] = RunJson(s, include_volatile);
  j["files"] = FilesJson(s, include_volatile);
  j["rows"] = Json{{"read", s.rows_read},
                   {"scored", s.rows_scored},
                   {"set_aside", s.rows_set_aside},
                   {"rejects", s.rejects}};
  j["candidates"] = Json{{"before_dedup", s.candidates_before_dedup},
                         {"unique", s.candidates_unique},
                         {"duplicates_removed", s.duplicates_removed}};
  j["scores"] = ScoresJson(s);
  j["score_distribution"] = InOrder(s.score_distribution, kBands, 3, count);
  Json histogram = Json::array();
  for (const uint64_t n : s.score_histogram) histogram.push_back(n);
  j["score_histogram"] = Json{{"bin_width", kScoreHistogramBinWidth}, {"counts", std::move(histogram)}};
  j["classifications"] = InOrder(s.classification_counts, kClasses, 3, count);
  Json means = Json::object();
  for (const auto& [name, mean] : s.component_means) means[name] = Rounded(mean, kScoreDecimals);
  j["component_means"] = std::move(means);
  j["geography"] =
      Json{{"unique_states", NonEmptyKeys(s.states)}, {"unique_counties", NonEmptyKeys(s.counties)},
           {"unique_cities", NonEmptyKeys(s.cities)}, {"states", ByCount(s.states)},
           {"counties", ByCount(s.counties)},         {"cities", ByCount(s.cities)}};
  j["averages"] = Json{{"building_sqft", Rounded(s.average_building_sqft, kQuantityDecimals)},
                       {"acres", Rounded(s.average_acres, kAcreDecimals)}};
  Json top = Json::array();
  for (const CandidateSummary& c : s.top_candidates) top.push_back(CandidateJson(c));
  j["top_candidates"] = std::move(top);
  Json differences = Json::array();
  for (const SchemaDifference& d : s.schema_differences) {
    differences.push_back(Json{{"file", d.file},
                               {"missing_fields", Strings(d.missing_fields)},
                               {"extra_columns", Strings(d.extra_columns)}});
  }
  j["schema_differences"] = std::move(differences);
  Json quality = Json::array();
  for (const FieldQuality& q : s.data_quality) {
    Json range_min = nullptr;
    Json range_max = nullptr;
    if (q.has_range && q.is_date) {
      range_min = FormatIso(Date{static_cast<int32_t>(q.min)});
      range_max = FormatIso(Date{static_cast<int32_t>(q.max)});
    } else if (q.has_range) {
      range_min = Rounded(q.min, kRangeDecimals);
      range_max = Rounded(q.max, kRangeDecimals);
    }
    quality.push_back(Json{{"field", q.field},
                           {"rows_with_column", q.rows_with_column},
                           {"present", q.present},
                           {"parse_failures", q.parse_failures},
                           {"distinct", q.has_distinct ? Json(q.distinct) : Json(nullptr)},
                           {"distinct_over_cap", q.distinct_over_cap},
                           {"min", std::move(range_min)},
                           {"max", std::move(range_max)}});
  }
  j["data_quality"] = std::move(quality);
  j["outputs"] = Json{{"master_csv", TextOrNull(s.master_csv)},
                      {"master_xlsx", TextOrNull(s.master_xlsx)},
                      {"html_report", TextOrNull(s.html_report)},
                      {"rejects", TextOrNull(s.rejects_file)},
                      {"report", TextOrNull(s.report_file)}};
  if (include_volatile) j["timing"] = TimingJson(s);

  std::string out = j.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
  out.push_back('\n');
  return out;
}

Status WriteSummaryJson(FileSystem* fs, const std::filesystem::path& path, const RunSummary& summary,
                        std::string backup_stamp) {
  const std::string json = SummaryToJson(summary);
  FP_ASSIGN_OR_RETURN(auto file, AtomicFile::Create(fs, path));
  if (!backup_stamp.empty()) file->KeepExistingAsBackup(std::move(backup_stamp));
  FP_RETURN_IF_ERROR(file->Append(json));
  return file->Commit();
}

}  // namespace flexpipe
