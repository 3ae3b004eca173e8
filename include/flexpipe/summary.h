// What a run produced, as data: the JSON summary, the console and the
// reports are all renderings of a RunSummary. docs/summary-schema.md
// documents the JSON form.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace flexpipe {

// The score histogram: unique candidates per 0.5-wide score bin over 0..10.
// Bin i holds scores in [i * 0.5, (i + 1) * 0.5); the last bin also holds 10.
inline constexpr double kScoreHistogramBinWidth = 0.5;
inline constexpr size_t kScoreHistogramBins = 20;

// One problem, as reported to people.
struct Problem {
  std::string file;
  std::string code;      // stable ErrorCodeName, e.g. "MISSING_REQUIRED_COLUMNS"
  std::string category;  // CategoryName, e.g. "schema"
  std::string message;
  uint64_t row = 0;  // 0 = whole file
  std::string column;
  std::string value;  // the cell's text as written, for a value that did not parse; "" otherwise
};

// How one source column was understood.
struct ColumnReport {
  std::string header;  // as written
  std::string field;   // canonical field, or "" for a pass-through column
};

struct FileReport {
  std::string path;  // as discovered (relative paths stay relative)
  uint32_t ordinal = 0;
  std::string format;      // "csv", "tsv", "xlsx"
  std::string sheet_name;  // the worksheet read, for workbooks; "" for text files
  uint64_t size_bytes = 0;
  bool succeeded = false;
  std::string error_code;  // when !succeeded
  std::string error_category;
  std::string error_message;
  uint64_t rows_read = 0;  // data rows (header excluded, blank rows excluded)
  uint64_t rows_scored = 0;
  uint64_t rows_set_aside = 0;  // read but not scored
  uint64_t candidates = 0;      // after de-duplication within the file
  uint64_t duplicates_in_file = 0;
  uint64_t ragged_rows = 0;
  uint64_t value_problems = 0;  // cells that did not parse as their field's type
  double seconds = 0;
  bool reused = false;    // taken unchanged from the store (docs/store.md), not read again
  uint32_t attempts = 1;  // reads of the file: more than 1 after transient failures (retries)
  std::vector<ColumnReport> columns;
  std::vector<std::string> mapping_notes;  // e.g. duplicate mappings
  // Every row-level problem (a value that did not parse, a row with a wrong
  // cell count) in row order, up to output.max_rejects_per_file: the rejects
  // file lists them all, summaries show the first few.
  std::vector<Problem> row_problems;
  uint64_t rejects_not_listed = 0;  // row-level problems beyond output.max_rejects_per_file
};

// Distinct values are counted up to this many per field (data quality).
inline constexpr size_t kDistinctValuesCap = 1000;

struct FieldQuality {
  std::string field;
  uint64_t rows_with_column = 0;  // rows from files that have this field
  uint64_t present = 0;           // rows with a usable value
  uint64_t parse_failures = 0;
  // Text and id fields: distinct usable values (exact text), counted up to
  // kDistinctValuesCap; distinct_over_cap when there are more.
  bool has_distinct = false;
  uint64_t distinct = 0;
  bool distinct_over_cap = false;
  // Numbers, money and dates: the range of usable values (dates as days
  // since 1970-01-01).
  bool has_range = false;
  bool is_date = false;
  double min = 0, max = 0;
};

// A candidate as listed in summaries (top N).
struct CandidateSummary {
  uint32_t rank = 0;
  double score = 0;
  std::string classification;
  std::string address, city, state, county, zip, parcel_id, property_type, zoning, owner_name;
  double acres = 0, building_sqft = 0, improvement_value = 0;
  bool has_acres = false, has_building_sqft = false, has_improvement_value = false;
  std::vector<std::string> flags;
  std::string source_file;
  uint64_t source_row = 0;
};

// Headers that differ between files: which canonical fields each file lacks
// that others have, and pass-through columns not shared by all files.
struct SchemaDifference {
  std::string file;
  std::vector<std::string> missing_fields;  // present in some other file
  std::vector<std::string> extra_columns;   // pass-through columns only some files have
};

struct RunSummary {
  std::string flexpipe_version;
  std::string started_at;  // UTC ISO time
  std::string model;
  std::string as_of;  // YYYY-MM-DD
  double min_flex_score = 0;
  bool deduplication = true;
  std::vector<std::string> duplicate_fields;

  // files
  uint64_t files_found = 0;
  uint64_t files_processed = 0;
  uint64_t files_succeeded = 0;
  uint64_t files_failed = 0;
  uint64_t files_reused = 0;     // of files_processed: taken from the store, not read again
  std::vector<Problem> skipped;  // zero-byte files, unreadable entries found while discovering
  std::vector<FileReport> files;
  std::vector<Problem> failures;  // one per failed file

  // rows
  uint64_t rows_read = 0;
  uint64_t rows_scored = 0;
  uint64_t rows_set_aside = 0;

  // candidates
  uint64_t candidates_before_dedup = 0;  // sum of per-file candidates before any de-duplication
  uint64_t candidates_unique = 0;
  uint64_t duplicates_removed = 0;

  // scores of the unique candidates
  double score_average = 0, score_median = 0, score_min = 0, score_max = 0;
  std::map<std::string, uint64_t> score_distribution;           // "8-10", "6-8", "4-6", "below-4"
  std::array<uint64_t, kScoreHistogramBins> score_histogram{};  // see kScoreHistogramBinWidth
  std::map<std::string, uint64_t> classification_counts;        // PRIME_FLEX → n
  std::vector<std::pair<std::string, double>> component_means;  // zoning_score → mean over candidates

  // geography of the unique candidates (value → count, most frequent first in JSON)
  std::map<std::string, uint64_t> states, counties, cities;
  double average_building_sqft = 0;  // over candidates that have it
  double average_acres = 0;

  std::vector<CandidateSummary> top_candidates;
  std::vector<SchemaDifference> schema_differences;
  std::vector<FieldQuality> data_quality;

  // outputs written
  std::string master_csv, master_xlsx, report_file;
  std::string html_report;   // the HTML report (report/html_report.h); "" = not written
  std::string rejects_file;  // the rejects CSV (write/rejects_csv.h); "" = not written
  uint64_t rejects = 0;      // row-level problems in all files (listed or not)

  // timing
  double seconds = 0;
  double rows_per_second = 0;
  std::map<std::string, double> stage_seconds;  // "read_score", "merge", "write"
};

}  // namespace flexpipe
