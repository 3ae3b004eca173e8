#include "cli/console.h"

#include <cstdio>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/human_number.h"
#include "core/problem_hint.h"
#include "write/json_summary.h"

namespace flexpipe::cli {

namespace {

// At most `max` bytes of `s` for a table cell, control characters (a line
// break inside an address) shown as spaces; "~" marks a cut.
std::string Truncate(std::string_view s, size_t max) {
  size_t keep = s.size() <= max ? s.size() : max - 1;
  while (keep > 0 && keep < s.size() && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) --keep;
  std::string out(s.substr(0, keep));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  if (s.size() > max) out += "~";
  return out;
}

// A file's header mapping as two lists: "Header → field, ..." and the
// headers kept as pass-through columns.
struct ColumnMapping {
  std::string mapped;
  std::string unmapped;
};

ColumnMapping DescribeMapping(const FileReport& f) {
  std::vector<std::string> mapped;
  std::vector<std::string> unmapped;
  for (const ColumnReport& c : f.columns) {
    if (c.field.empty()) {
      unmapped.push_back(c.header);
    } else {
      mapped.push_back(c.header == c.field ? c.header : fmt::format("{} → {}", c.header, c.field));
    }
  }
  ColumnMapping out{fmt::format("{}", fmt::join(mapped, ", ")), {}};
  if (!unmapped.empty())
    out.unmapped = fmt::format("{} (kept as pass-through columns)", fmt::join(unmapped, ", "));
  return out;
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

void ConsoleListener::DrawLiveLine(bool force) {
  if (!options_.tty || options_.quiet || !options_.progress) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  ClearLine();
  if (reading_.empty()) return;
  const auto& [ordinal, r] = *reading_.begin();
  std::fprintf(stderr, "[%u/%zu] %s: %s rows (%.0f%%)", ordinal + 1, total_, Truncate(r.path, 60).c_str(),
               WithThousands(r.rows).c_str(), r.percent);
  if (reading_.size() > 1) std::fprintf(stderr, " + %zu more being read", reading_.size() - 1);
  std::fflush(stderr);
  line_open_ = true;
}

void ConsoleListener::OnDiscovered(const std::vector<std::string>& files,
                                   const std::vector<Problem>& skipped) {
  std::lock_guard lock(mu_);
  total_ = files.size();
  log_->info("found {} file{} to process", WithThousands(files.size()), files.size() == 1 ? "" : "s");
  for (const Problem& p : skipped) log_->warn("skipped {}: {}", p.file, p.message);
}

void ConsoleListener::OnFileStarted(const std::string& path, uint32_t ordinal) {
  std::lock_guard lock(mu_);
  if (log_->should_log(spdlog::level::debug)) {
    ClearLine();
    log_->debug("reading {} (file {} of {})", path, ordinal + 1, total_);
  }
  reading_[ordinal] = Reading{path, 0, 0};
  DrawLiveLine(/*force=*/!line_open_);
}

void ConsoleListener::OnFileProgress(uint32_t ordinal, const std::string& path, uint64_t rows,
                                     uint64_t bytes_read, uint64_t total_bytes) {
  std::lock_guard lock(mu_);
  const double pct =
      total_bytes > 0 ? 100.0 * static_cast<double>(bytes_read) / static_cast<double>(total_bytes) : 0;
  reading_[ordinal] = Reading{path, rows, pct};
  if (!options_.tty || options_.quiet) {
    log_->debug("{}: {} rows read ({:.0f}%)", path, WithThousands(rows), pct);
    return;
  }
  DrawLiveLine(/*force=*/false);
}

std::vector<ConsoleListener::Line> ConsoleListener::LinesOf(const FileReport& r) const {
  std::vector<Line> lines;
  const std::string number = fmt::format("[{}/{}]", r.ordinal + 1, total_);
  if (!r.succeeded) {
    lines.push_back({spdlog::level::err,
                     fmt::format("{} {}: FAILED {}: {}", number, r.path, r.error_code, r.error_message)});
    return lines;
  }
  if (options_.progress) {
    lines.push_back(
        {spdlog::level::info, fmt::format("{} {}: {} rows, {} candidates, {:.2f} s{}", number, r.path,
                                          WithThousands(r.rows_read), WithThousands(r.candidates), r.seconds,
                                          r.reused ? " (unchanged: taken from the store)" : "")});
  }
  // The mapping at -v (the JSON summary has it too); notes on it always.
  const ColumnMapping mapping = DescribeMapping(r);
  if (!mapping.mapped.empty()) lines.push_back({spdlog::level::debug, "  mapped   " + mapping.mapped});
  if (!mapping.unmapped.empty()) lines.push_back({spdlog::level::debug, "  unmapped " + mapping.unmapped});
  for (const std::string& note : r.mapping_notes) {
    lines.push_back({spdlog::level::warn, fmt::format("{}: {}", r.path, note)});
  }
  std::vector<std::string> parts;
  if (r.ragged_rows > 0) {
    parts.push_back(fmt::format("{} row{} with a wrong cell count", WithThousands(r.ragged_rows),
                                r.ragged_rows == 1 ? "" : "s"));
  }
  if (r.value_problems > 0) {
    parts.push_back(fmt::format("{} value{} that did not parse", WithThousands(r.value_problems),
                                r.value_problems == 1 ? "" : "s"));
  }
  if (!parts.empty()) {
    lines.push_back({spdlog::level::warn, fmt::format("{}: {} (scored on the values that did parse)", r.path,
                                                      fmt::join(parts, ", "))});
    for (size_t i = 0; i < r.row_problems.size() && i < kRowProblemSamples; ++i) {
      const Problem& p = r.row_problems[i];
      lines.push_back({spdlog::level::debug,
                       fmt::format("  row {}{}: {}", p.row,
                                   p.column.empty() ? "" : ", column \"" + p.column + "\"", p.message)});
    }
  }
  return lines;
}

void ConsoleListener::OnFileFinished(const FileReport& r) {
  std::lock_guard lock(mu_);
  reading_.erase(r.ordinal);
  rows_ += r.rows_read;
  candidates_ += r.candidates;
  failed_ += r.succeeded ? 0 : 1;
  waiting_[r.ordinal] = LinesOf(r);
  bool printed = false;
  for (auto it = waiting_.begin(); it != waiting_.end() && it->first == next_to_print_;
       it = waiting_.erase(it), ++next_to_print_) {
    if (!printed) ClearLine();
    printed = true;
    for (const Line& line : it->second) log_->log(line.level, "{}", line.text);
  }
  DrawLiveLine(/*force=*/printed);
}

void ConsoleListener::OnGroupFinished(size_t files_done, size_t files_total) {
  std::lock_guard lock(mu_);
  if (!options_.progress) return;
  ClearLine();
  log_->info("{} of {} files done: {} rows, {} candidates before de-duplication{}", WithThousands(files_done),
             WithThousands(files_total), WithThousands(rows_), WithThousands(candidates_),
             failed_ > 0 ? fmt::format(", {} failed", WithThousands(failed_)) : "");
}

void ConsoleListener::OnStage(std::string_view stage) {
  std::lock_guard lock(mu_);
  ClearLine();
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
    const ColumnMapping mapping = DescribeMapping(f);
    if (!mapping.mapped.empty()) fmt::print("  mapped     {}\n", mapping.mapped);
    if (!mapping.unmapped.empty()) fmt::print("  unmapped   {}\n", mapping.unmapped);
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
