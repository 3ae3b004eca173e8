#include "cli/console.h"

#include <cstdio>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/human_number.h"
#include "core/problem_hint.h"
#include "write/json_summary.h"

namespace flexpipe::cli {

namespace {

std::string Truncate(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  return std::string(s.substr(0, max - 1)) + "~";
}

}  // namespace

ConsoleListener::ConsoleListener(ConsoleOptions options, std::shared_ptr<spdlog::logger> log)
    : options_(options), log_(std::move(log)) {}

void ConsoleListener::ClearLine() {
  if (line_open_) {
    std::fputs("\r\033[K", stderr);
    line_open_ = false;
  }
}

void ConsoleListener::OnDiscovered(const std::vector<std::string>& files,
                                   const std::vector<Problem>& skipped) {
  std::lock_guard lock(mu_);
  total_ = files.size();
  log_->info("found {} file{} to process", files.size(), files.size() == 1 ? "" : "s");
  for (const Problem& p : skipped) log_->warn("skipped {}: {}", p.file, p.message);
}

void ConsoleListener::OnFileStarted(const std::string& path, uint32_t ordinal) {
  std::lock_guard lock(mu_);
  log_->debug("reading {} (file {} of {})", path, ordinal + 1, total_);
}

void ConsoleListener::OnFileProgress(const std::string& path, uint64_t rows, uint64_t bytes_read,
                                     uint64_t total_bytes) {
  std::lock_guard lock(mu_);
  if (!options_.tty || options_.quiet) {
    log_->debug("{}: {} rows read", path, rows);
    return;
  }
  const double pct =
      total_bytes > 0 ? 100.0 * static_cast<double>(bytes_read) / static_cast<double>(total_bytes) : 0;
  ClearLine();
  std::fprintf(stderr, "[%zu/%zu] %s: %s rows (%.0f%%)", done_ + 1, total_, Truncate(path, 60).c_str(),
               WithThousands(rows).c_str(), pct);
  std::fflush(stderr);
  line_open_ = true;
}

void ConsoleListener::OnFileFinished(const FileReport& r) {
  std::lock_guard lock(mu_);
  ++done_;
  if (options_.tty) ClearLine();
  if (r.succeeded) {
    log_->info("[{}/{}] {}: {} rows, {} candidates, {:.2f} s", done_, total_, r.path,
               WithThousands(r.rows_read), WithThousands(r.candidates), r.seconds);
    std::vector<std::string> parts;
    if (r.ragged_rows > 0) parts.push_back(fmt::format("{} rows with a wrong cell count", r.ragged_rows));
    if (r.value_problems > 0) parts.push_back(fmt::format("{} values that did not parse", r.value_problems));
    if (!parts.empty()) {
      log_->warn("{}: {} (scored on the values that did parse)", r.path, fmt::join(parts, ", "));
      for (size_t i = 0; i < r.row_problems.size() && i < kRowProblemSamples; ++i) {
        const Problem& p = r.row_problems[i];
        log_->debug("  row {}{}: {}", p.row, p.column.empty() ? "" : ", column \"" + p.column + "\"",
                    p.message);
      }
    }
  } else {
    log_->error("[{}/{}] {}: FAILED {}: {}", done_, total_, r.path, r.error_code, r.error_message);
  }
}

void ConsoleListener::OnStage(std::string_view stage) {
  std::lock_guard lock(mu_);
  log_->debug("stage: {}", stage);
}

void PrintRunReport(const RunSummary& s, size_t top_n) {
  fmt::print("\nflexpipe {} — model {}, as of {}, min score {:.2f}\n", s.flexpipe_version, s.model, s.as_of,
             s.min_flex_score);
  fmt::print("  files      {} found, {} succeeded, {} failed\n", s.files_found, s.files_succeeded,
             s.files_failed);
  fmt::print("  rows       {} read, {} scored, {} set aside\n", WithThousands(s.rows_read),
             WithThousands(s.rows_scored), WithThousands(s.rows_set_aside));
  fmt::print("  candidates {} before de-duplication, {} unique, {} duplicates removed\n",
             WithThousands(s.candidates_before_dedup), WithThousands(s.candidates_unique),
             WithThousands(s.duplicates_removed));
  fmt::print("  time       {:.2f} s ({} rows/s)\n", s.seconds,
             WithThousands(static_cast<uint64_t>(s.rows_per_second)));
  if (!s.failures.empty()) {
    fmt::print("\nFailed files:\n");
    for (const Problem& p : s.failures) {
      fmt::print("  {}: {} — {}\n", p.file, p.code, p.message);
      if (const std::string_view hint = ProblemHint(p.code); !hint.empty())
        fmt::print("    hint: {}\n", hint);
    }
  }
  fmt::print("\nOutputs:\n");
  if (!s.master_csv.empty()) fmt::print("  master CSV   {}\n", s.master_csv);
  if (!s.master_xlsx.empty()) fmt::print("  master XLSX  {}\n", s.master_xlsx);
  if (!s.report_file.empty()) fmt::print("  summary JSON {}\n", s.report_file);
  if (!s.html_report.empty()) fmt::print("  HTML report  {}\n", s.html_report);
  if (s.top_candidates.empty() || top_n == 0) return;
  fmt::print("\nTop {} candidates:\n", std::min(top_n, s.top_candidates.size()));
  fmt::print("  {:>4} {:>6}  {:<15} {:<34} {:<18} {:<5} {:>8} {:>10}\n", "rank", "score", "class", "address",
             "city", "state", "acres", "bldg sqft");
  for (const CandidateSummary& c : s.top_candidates) {
    if (c.rank > top_n) break;
    fmt::print("  {:>4} {:>6.2f}  {:<15} {:<34} {:<18} {:<5} {:>8} {:>10}\n", c.rank, c.score,
               c.classification, Truncate(c.address, 34), Truncate(c.city, 18), Truncate(c.state, 5),
               c.has_acres ? fmt::format("{:.2f}", c.acres) : "",
               c.has_building_sqft ? WithThousands(static_cast<uint64_t>(c.building_sqft)) : "");
  }
}

void PrintValidationReport(const RunSummary& s, uint64_t sample_rows) {
  fmt::print("\nflexpipe {} — validation: headers and the first {} rows of each file; nothing written\n",
             s.flexpipe_version, WithThousands(sample_rows));
  for (const FileReport& f : s.files) {
    fmt::print("\n{} {} ({})\n", f.succeeded ? "OK  " : "FAIL", f.path, f.format.empty() ? "?" : f.format);
    if (!f.succeeded) {
      fmt::print("  {}: {}\n", f.error_code, f.error_message);
      if (const std::string_view hint = ProblemHint(f.error_code); !hint.empty())
        fmt::print("  hint: {}\n", hint);
    }
    std::vector<std::string> mapped;
    std::vector<std::string> unmapped;
    for (const ColumnReport& c : f.columns) {
      if (c.field.empty()) {
        unmapped.push_back(c.header);
      } else {
        mapped.push_back(c.header == c.field ? c.header : fmt::format("{} → {}", c.header, c.field));
      }
    }
    if (!mapped.empty()) fmt::print("  mapped     {}\n", fmt::join(mapped, ", "));
    if (!unmapped.empty())
      fmt::print("  unmapped   {} (kept as pass-through columns)\n", fmt::join(unmapped, ", "));
    for (const std::string& note : f.mapping_notes) fmt::print("  note       {}\n", note);
    if (f.succeeded) {
      fmt::print("  sample     {} rows read, {} with a problem\n", WithThousands(f.rows_read),
                 WithThousands(f.row_problems.size() + f.rejects_not_listed));
      for (size_t i = 0; i < f.row_problems.size() && i < 5; ++i) {
        const Problem& p = f.row_problems[i];
        fmt::print("    row {}{}: {}\n", p.row, p.column.empty() ? "" : ", " + p.column, p.message);
      }
    }
  }
  if (!s.schema_differences.empty()) {
    fmt::print("\nSchema differences between files:\n");
    for (const SchemaDifference& d : s.schema_differences) {
      fmt::print("  {}\n", d.file);
      if (!d.missing_fields.empty()) fmt::print("    lacks   {}\n", fmt::join(d.missing_fields, ", "));
      if (!d.extra_columns.empty()) fmt::print("    extra   {}\n", fmt::join(d.extra_columns, ", "));
    }
  }
  for (const Problem& p : s.skipped) fmt::print("\nskipped {}: {} — {}\n", p.file, p.code, p.message);
  fmt::print("\n{} of {} files can be processed\n", s.files_succeeded, s.files_found);
}

}  // namespace flexpipe::cli
