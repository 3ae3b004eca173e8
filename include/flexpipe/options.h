// Every setting of a run, as plain structs with their defaults. Settings come
// from (highest first) command-line flags, FLEXPIPE_* environment variables,
// the YAML file given with -c, and these defaults. docs/configuration.md and
// `flexpipe config --init` list them with the YAML keys.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flexpipe {

struct InputOptions {
  // Folders and/or files to read. Default: {"data/raw"}. YAML: input.folder
  // (one path or a list).
  std::vector<std::string> paths = {"data/raw"};
  // Globs matched against file names in folders (files named explicitly are
  // always read). Default: *.xlsx *.xls? *.csv *.tsv *.txt. YAML: input.file_pattern.
  std::vector<std::string> patterns = {"*.xlsx", "*.xls?", "*.csv", "*.tsv", "*.txt"};
  bool recursive = false;  // Default: false. YAML: input.recursive_scan.
  // Which worksheet of a workbook: "" = the first visible one; a sheet name;
  // a 1-based position; or "all" (every visible worksheet is an input of its
  // own, reported as file.xlsx#Sheet). Default: "". YAML: input.sheet.
  std::string sheet;
  // 1-based row number of the header row in workbooks; 0 = the first
  // non-empty row. Default: 0. YAML: input.header_row.
  int header_row = 0;

  friend bool operator==(const InputOptions&, const InputOptions&) = default;
};

struct ProcessingOptions {
  // Files scheduled per group; after each group the console sums up the files
  // done so far.
  // Default: 10. YAML: processing.batch_size.
  int batch_size = 10;
  // Threads reading files (several at once) and scoring and writing rows (in
  // batches of one file); 0 = number of cores. Default: 0. YAML: processing.max_workers.
  int max_workers = 0;
  // Resident memory of the run; a file read while it is exceeded fails
  // (RESOURCE_LIMIT), the others go on. Default: 4. YAML: processing.memory_limit_gb.
  double memory_limit_gb = 4.0;
  // Memory for the candidates' rows, in MB, shared by the files of a run.
  // Beyond it, a file's candidate rows go to a nameless scratch file in the
  // master file's folder and are read back when the outputs are written;
  // memory then grows by ~28 bytes per candidate. 0 = never spill.
  // Default: 384. YAML: processing.candidate_memory_mb.
  int candidate_memory_mb = 384;
  // Per file; a file still being read after it fails (TIMED_OUT). Default: 30.
  // YAML: processing.timeout_minutes.
  double timeout_minutes = 30.0;
  // Tries of a file that failed transiently (locked, still being copied),
  // in all; 1 = no retry. Default: 3. YAML: processing.retry_attempts.
  int retry_attempts = 3;
  // Wait before the first retry, doubling for each next one (at most 30 s),
  // ±25 % jitter. Default: 1. YAML: processing.retry_backoff_seconds.
  double retry_backoff_seconds = 1.0;
  // Rows per batch handed from a reader to the scoring stage. Default: 4096.
  int rows_per_batch = 4096;
  // A row with a value that does not parse as its field's type (or a wrong
  // cell count) is set aside, not scored. false = it is scored on the values
  // that did parse (docs/scoring.md, missing values). Either way it is listed
  // in the rejects file. Default: false. YAML: processing.strict_rows.
  bool strict_rows = false;
  // Zip-bomb guards for workbooks. An entry that inflates to more than this
  // many bytes per compressed byte, past its first 10 MiB, fails the file as
  // a possible zip bomb (RESOURCE_LIMIT); real sheets compress 5-20:1.
  // Default: 100. YAML: processing.max_inflate_ratio.
  double max_inflate_ratio = 100.0;
  // Most bytes inflated from one workbook, in GB (over every part read);
  // more fails the file (RESOURCE_LIMIT). Default: 8. YAML: processing.max_inflated_gb.
  double max_inflated_gb = 8.0;

  friend bool operator==(const ProcessingOptions&, const ProcessingOptions&) = default;
};

struct OutputOptions {
  // Master workbook; the master CSV goes beside it with extension .csv.
  std::string master_file = "data/exports/all_flex_properties.xlsx";  // YAML: output.master_file.
  std::string report_file = "data/reports/pipeline_summary.json";     // YAML: output.report_file.
  bool enable_csv_export = true;   // Default: true. YAML: output.enable_csv_export.
  bool enable_xlsx_export = true;  // Default: true. YAML: output.enable_xlsx_export.
  int top_n = 10;                  // Top candidates in summaries. Default: 10. YAML: output.top_n.
  // The HTML report; "" = report.html in the master file's folder. Default: "".
  // YAML: output.html_file.
  std::string html_file;
  bool enable_html = true;  // Write the HTML report. Default: true. YAML: output.enable_html.
  // What happens to an output file that already exists: "replace" it;
  // "backup" = rename it to <name>.<YYYYMMDD-HHMMSS, run start, UTC>.<ext>
  // first; "version" = keep it and write <name>_v2.<ext> (_v3, ...) instead.
  // Applies to the master workbook, the master CSV, the rejects file and the
  // JSON summary.
  // Default: "backup". YAML: output.existing.
  std::string existing = "backup";
  // The rejects file (CSV: source file, sheet, row, column, raw value,
  // reason); "" = <master file name>_rejects.csv beside the master file.
  // Default: "". YAML: output.rejects_file.
  std::string rejects_file;
  bool enable_rejects = true;  // Write the rejects file. Default: true. YAML: output.enable_rejects.
  // Row-level problems listed per file (memory); more are counted, and the
  // rejects file says how many were not listed. Default: 100000.
  // YAML: output.max_rejects_per_file.
  int max_rejects_per_file = 100000;

  friend bool operator==(const OutputOptions&, const OutputOptions&) = default;
};

struct FilteringOptions {
  double min_flex_score = 4.0;       // Default: 4.0. YAML: filtering.min_flex_score.
  bool enable_deduplication = true;  // Default: true. YAML: filtering.enable_deduplication.
  // Canonical fields forming the duplicate key. Default: address, city, state.
  // Header-style names ("Address") are accepted. YAML: filtering.duplicate_fields.
  std::vector<std::string> duplicate_fields = {"address", "city", "state"};

  friend bool operator==(const FilteringOptions&, const FilteringOptions&) = default;
};

struct LoggingOptions {
  std::string level = "INFO";              // TRACE DEBUG INFO WARNING ERROR. YAML: logging.level.
  std::string file = "logs/pipeline.log";  // "" = no log file. YAML: logging.file.
  // Rows between progress updates while a file is read; at most one update per
  // batch of processing.rows_per_batch rows. Default: 100. YAML: logging.progress_interval.
  int progress_interval = 100;
  // A line per file and the live progress line; false = only warnings,
  // errors and the final report. Default: true.
  // YAML: logging.progress_reporting (the seed's PipelineConfiguration.progress_reporting).
  bool progress_reporting = true;

  friend bool operator==(const LoggingOptions&, const LoggingOptions&) = default;
};

struct ScoringOptions {
  std::string model = "weighted";  // weighted | industrial. YAML: scoring.model.
  std::string profile_file;  // YAML scoring profile overriding built-in defaults. YAML: scoring.profile.
  std::string as_of;         // YYYY-MM-DD; "" = today. YAML: scoring.as_of.

  friend bool operator==(const ScoringOptions&, const ScoringOptions&) = default;
};

struct PipelineOptions {
  InputOptions input;
  ProcessingOptions processing;
  OutputOptions output;
  FilteringOptions filtering;
  LoggingOptions logging;
  ScoringOptions scoring;
  // The SQLite store every run is recorded in (docs/store.md); "" = no store
  // (no resume, no reuse). Default: "data/flexpipe.db". YAML: store.
  std::string store = "data/flexpipe.db";
  // Explicit header mapping, canonical field → header as written in files;
  // overrides the alias table. YAML: columns.
  std::map<std::string, std::string> columns;

  friend bool operator==(const PipelineOptions&, const PipelineOptions&) = default;
};

}  // namespace flexpipe
