#include "pipeline/file_task.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <iterator>
#include <memory>
#include <unordered_set>

#include <fmt/format.h>

#include "core/ordered_pipeline.h"
#include "pipeline/batch_scorer.h"

namespace flexpipe {
namespace {

constexpr double kSleepSlice = 0.1;  // seconds

bool Cancelled(const FileTaskContext& ctx) {
  return ctx.cancel != nullptr && ctx.cancel->load(std::memory_order_relaxed);
}

void Fail(FileReport* report, const Status& status) {
  report->succeeded = false;
  report->error_code = std::string(ErrorCodeName(status.code()));
  report->error_category = std::string(CategoryName(CategoryOf(status.code())));
  report->error_message = status.message();
  if (status.location().row != 0) {
    report->error_message += fmt::format(" (row {})", status.location().row);
  }
}

// Lists a row-level problem for the rejects file, up to `max_listed` per file.
void AddRowProblem(FileReport* report, size_t max_listed, ErrorCode code, uint64_t row, std::string column,
                   std::string message, std::string_view value = {}) {
  if (report->row_problems.size() >= max_listed) {
    ++report->rejects_not_listed;
    return;
  }
  report->row_problems.push_back(Problem{report->path, std::string(ErrorCodeName(code)),
                                         std::string(CategoryName(CategoryOf(code))), std::move(message), row,
                                         std::move(column), std::string(value)});
}

}  // namespace

std::vector<InputUnit> ExpandInputs(FileSystem* fs, const std::vector<DiscoveredFile>& files,
                                    const std::string& sheet, const XlsxOptions& xlsx) {
  std::vector<InputUnit> units;
  units.reserve(files.size());
  for (const DiscoveredFile& file : files) {
    const Result<bool> workbook = sheet == "all" ? IsWorkbook(fs, file.path) : Result<bool>(false);
    if (workbook.ok() && *workbook) {
      Result<std::vector<SheetInfo>> sheets = ListXlsxSheets(fs, file.path, xlsx.zip);
      if (sheets.ok() && !sheets->empty()) {
        for (const SheetInfo& s : *sheets) {
          if (!s.visible) continue;  // hidden sheets hold lookups and scratch; name one to read it
          units.push_back(InputUnit{file, fmt::format("{}#{}", file.path.string(), s.name),
                                    std::to_string(s.index), static_cast<uint32_t>(s.index)});
        }
        continue;
      }
    }
    units.push_back(InputUnit{file, file.path.string(), sheet == "all" ? "" : sheet, 0});
  }
  return units;
}

namespace {

// Cancellation, the time limit and the memory limit, checked between
// batches; notes memory above 80 % of the limit once.
Status CheckBetweenBatches(const FileTaskContext& ctx, double started, uint64_t rows_read, bool* memory_noted,
                           FileReport* report) {
  if (Cancelled(ctx)) return Status(ErrorCode::kCancelled, "stopped before the file was finished");
  if (ctx.timeout_seconds > 0 && ctx.clock->MonotonicSeconds() - started > ctx.timeout_seconds) {
    return Status(ErrorCode::kTimedOut, fmt::format("stopped after {} rows: the file took longer than "
                                                    "processing.timeout_minutes ({:g} min)",
                                                    rows_read, ctx.timeout_seconds / 60));
  }
  if (ctx.memory_limit_bytes > 0 && ctx.resident_bytes != nullptr) {
    const uint64_t resident = ctx.resident_bytes();
    // In MB, so that a figure over the limit never prints as equal to it.
    const auto mb = [](uint64_t bytes) { return static_cast<double>(bytes) / 1e6; };
    if (resident > ctx.memory_limit_bytes) {
      return Status(
          ErrorCode::kResourceLimit,
          fmt::format("stopped after {} rows: resident memory {:.1f} MB is over "
                      "processing.memory_limit_gb ({:g} GB = {:.1f} MB)",
                      rows_read, mb(resident), mb(ctx.memory_limit_bytes) / 1e3, mb(ctx.memory_limit_bytes)));
    }
    if (!*memory_noted && resident > ctx.memory_limit_bytes / 5 * 4) {
      *memory_noted = true;
      report->mapping_notes.push_back(
          fmt::format("resident memory reached {:.1f} MB while this file was read, over 80 % of "
                      "processing.memory_limit_gb ({:g} GB = {:.1f} MB)",
                      mb(resident), mb(ctx.memory_limit_bytes) / 1e3, mb(ctx.memory_limit_bytes)));
    }
  }
  return Status::Ok();
}

FileOutcome ProcessFileOnce(const InputUnit& unit, uint32_t ordinal, const FileTaskContext& ctx) {
  const DiscoveredFile& file = unit.file;
  FileOutcome out;
  FileReport& report = out.report;
  report.path = unit.name;
  report.ordinal = ordinal;
  report.format = std::string(FormatName(file.format));
  report.size_bytes = file.size;
  const double started = ctx.clock->MonotonicSeconds();
  auto finish = [&]() -> FileOutcome {
    report.seconds = ctx.clock->MonotonicSeconds() - started;
    return std::move(out);
  };

  SourceOptions source_options = ctx.source;
  if (!unit.sheet.empty()) source_options.xlsx.sheet = unit.sheet;
  auto source = OpenRowSource(ctx.fs, file.path, source_options);
  if (!source.ok()) {
    Fail(&report, source.status());
    return finish();
  }
  uint64_t header_row = 0;
  auto header = (*source)->ReadHeader(&header_row);
  if (!header.ok()) {
    Fail(&report, header.status());
    return finish();
  }
  auto mapping = MapHeader(*header, ctx.mapping);
  if (!mapping.ok()) {
    Fail(&report, mapping.status());
    return finish();
  }
  for (const ColumnMapping& c : mapping->columns()) {
    report.columns.push_back(ColumnReport{c.header, c.field ? std::string(InfoOf(*c.field).name) : ""});
  }
  report.mapping_notes = mapping->notes();
  report.sheet_name = std::string((*source)->sheet_name());
  if (Status required = CheckRequiredColumns(*mapping); !required.ok()) {
    Fail(&report, required);
    return finish();
  }

  out.columns = mapping->present();
  CandidateLayout layout;
  for (const FieldInfo& info : AllFields()) {
    if (out.columns.test(Index(info.field))) layout.fields.push_back(info.field);
  }
  const std::vector<size_t> passthrough = mapping->passthrough_columns();
  for (size_t col : passthrough) layout.passthrough_headers.push_back(mapping->columns()[col].header);
  const std::vector<Field> fields = layout.fields;
  auto set = std::make_unique<CandidateSet>(std::move(layout), ctx.deduplicate, ctx.spill);

  const BatchScorer scorer(*mapping, fields, passthrough, ctx.key_fields, ctx.deduplicate, *ctx.scorer,
                           out.columns);
  std::array<std::unordered_set<uint64_t>, kFieldCount> distinct;  // text fields, up to the cap + 1
  RawBatch batch;                                                  // the reader's, until copied
  Status stopped;                        // why reading stopped early (set by the reading stage only)
  Status kept;                           // why a candidate could not be kept (set by the in-order stage only)
  std::atomic<bool> keep_failed{false};  // kept is not ok: the reading stage stops
  uint64_t rows_dispatched = 0;
  bool reader_done = false;
  const uint64_t progress_every = std::max<uint64_t>(1, ctx.progress_every_rows);
  uint64_t next_progress = progress_every;
  bool memory_noted = false;

  // Reads the next batch into `work` (in order, one at a time); false at the
  // end or on a failure.
  const auto read = [&](ScoredBatch* work) {
    if (reader_done || keep_failed.load(std::memory_order_relaxed)) return false;
    if (Status s = CheckBetweenBatches(ctx, started, report.rows_read, &memory_noted, &report); !s.ok()) {
      stopped = s;
      return false;
    }
    auto more = (*source)->NextBatch(&batch);
    if (!more.ok()) {
      stopped = more.status();
      return false;
    }
    reader_done = !*more;
    work->rows.CopyFrom(batch);
    if (ctx.max_rows > 0) {
      work->rows.Truncate(
          static_cast<size_t>(std::min<uint64_t>(work->rows.rows(), ctx.max_rows - rows_dispatched)));
      reader_done = reader_done || rows_dispatched + work->rows.rows() >= ctx.max_rows;
    }
    rows_dispatched += work->rows.rows();
    return true;
  };

  // Takes a scored batch in row order: problems, counts, candidates.
  const auto apply = [&](ScoredBatch* work) {
    const RawBatch& rows = work->rows;
    size_t next_issue = 0;
    // The reader's row issues (wrong cell counts), listed in row order with
    // the value problems; true when one is on `row`.
    const auto issues_through = [&](uint64_t row) {
      bool on_row = false;
      for (; next_issue < rows.issues().size() && rows.issues()[next_issue].row <= row; ++next_issue) {
        const RowIssue& issue = rows.issues()[next_issue];
        if (issue.code == ErrorCode::kRaggedRow) ++report.ragged_rows;
        on_row |= issue.row == row;
        AddRowProblem(&report, ctx.max_rejects_per_file, issue.code, issue.row, issue.column, issue.message);
      }
      return on_row;
    };
    AddFieldTotals(work->counts, &out.counts);
    for (size_t i = 0; i < rows.rows(); ++i) {
      const uint64_t row_number = rows.row_number(i);
      const bool ragged = issues_through(row_number);
      const auto problems = work->Problems(i);
      for (const ValueProblem& p : problems) {
        ++report.value_problems;
        AddRowProblem(&report, ctx.max_rejects_per_file, ErrorCode::kBadValue, row_number,
                      mapping->columns()[p.column].header,
                      fmt::format("'{}' is not a valid {} value", p.raw, InfoOf(p.field).name), p.raw);
      }
      for (const DistinctValue& d : work->Distinct(i)) {
        if (distinct[d.field].size() <= kDistinctValuesCap)
          distinct[d.field].insert(d.hash);  // then no more work
      }
      ++report.rows_read;
      if (ctx.strict_rows && (ragged || !problems.empty())) {
        ++report.rows_set_aside;
        continue;
      }
      ++report.rows_scored;
      const ScoredRow& r = work->scored[i];
      if (!r.result.candidate || !kept.ok()) continue;
      if (Status s = set->Add(RowId{ordinal, unit.sheet_ordinal, row_number}, r.result, work->Packed(i),
                              work->Key(i));
          !s.ok()) {
        kept = Status(s.code(), fmt::format("candidates could not be kept: {}", s.message()), s.location());
        keep_failed.store(true, std::memory_order_relaxed);
      }
    }
    // Issues on rows after the batch's last (blank rows are not handed on).
    if (ctx.max_rows == 0 || report.rows_read < ctx.max_rows) issues_through(UINT64_MAX);
    if (ctx.listener != nullptr && report.rows_read >= next_progress) {
      next_progress = report.rows_read + progress_every;
      ctx.listener->OnFileProgress(report.ordinal, report.path, report.rows_read, (*source)->bytes_read(),
                                   file.size);
    }
  };

  // Reading and applying run in order, one batch at a time; scoring runs on
  // every thread of the arena (the --workers threads) for the batches in between.
  RunOrderedPipeline<ScoredBatch>(
      read, [&](ScoredBatch* work) { scorer.Score(work); }, apply);
  if (stopped.ok()) stopped = kept;
  if (!stopped.ok()) {
    Fail(&report, stopped);
    return finish();
  }
  set->Seal();
  if (set->spilled()) {
    report.mapping_notes.emplace_back(
        "the run's memory for candidate rows (processing.candidate_memory_mb) was used up: this file's rows "
        "went to a scratch file beside the master file, to be read back for the outputs");
  }

  for (size_t k = 0; k < kFieldCount; ++k) {
    out.counts.distinct[k].assign(distinct[k].begin(), distinct[k].end());
    std::sort(out.counts.distinct[k].begin(), out.counts.distinct[k].end());
  }
  report.succeeded = true;
  report.candidates = set->size();
  report.duplicates_in_file = set->duplicates();
  out.candidates = std::move(set);
  return finish();
}

}  // namespace

FileOutcome ProcessFile(const InputUnit& unit, uint32_t ordinal, const FileTaskContext& ctx) {
  InputUnit current = unit;  // its size and modification time: what the file should still be
  double wait = ctx.retry_backoff_seconds;
  for (int attempt = 1;; ++attempt) {
    FileOutcome out = ProcessFileOnce(current, ordinal, ctx);
    out.report.attempts = static_cast<uint32_t>(attempt);
    Result<FileStat> now = ctx.fs->Stat(unit.file.path);
    if (out.report.succeeded && now.ok() &&
        (now->size != current.file.size || now->mtime_ns != current.file.mtime_ns)) {
      Fail(&out.report,
           Status(ErrorCode::kFileChanged,
                  fmt::format("the file changed while it was read ({} bytes when found, {} bytes now): "
                              "still being copied or downloaded?",
                              current.file.size, now->size)));
      out.candidates.reset();
    }
    const bool transient =
        !out.report.succeeded && (out.report.error_code == ErrorCodeName(ErrorCode::kBusy) ||
                                  out.report.error_code == ErrorCodeName(ErrorCode::kFileChanged));
    if (!transient || attempt >= ctx.max_attempts || Cancelled(ctx)) return out;
    // Jitter without shared random state: from the file's name and the attempt.
    const size_t h =
        std::hash<std::string>{}(unit.name) ^ (static_cast<size_t>(attempt) * 0x9E3779B97F4A7C15u);
    const double jitter = 0.75 + 0.5 * static_cast<double>(h % 1000) / 1000.0;
    // In slices, so that an interrupt is not kept waiting.
    for (double left = wait * jitter; left > 0 && !Cancelled(ctx); left -= kSleepSlice) {
      ctx.clock->Sleep(std::min(left, kSleepSlice));
    }
    wait = std::min(2 * wait, ctx.max_backoff_seconds);
    if (Result<FileStat> before = ctx.fs->Stat(unit.file.path); before.ok()) {
      current.file.size = before->size;
      current.file.mtime_ns = before->mtime_ns;
    }
  }
}

void MergeFieldCounts(const FieldCounts& from, FieldCounts* into) {
  AddFieldTotals(from, into);
  for (size_t k = 0; k < kFieldCount; ++k) {
    if (!from.distinct[k].empty()) {
      std::vector<uint64_t> both;
      std::set_union(into->distinct[k].begin(), into->distinct[k].end(), from.distinct[k].begin(),
                     from.distinct[k].end(), std::back_inserter(both));
      if (both.size() > kDistinctValuesCap + 1) both.resize(kDistinctValuesCap + 1);
      into->distinct[k] = std::move(both);
    }
  }
}

}  // namespace flexpipe
