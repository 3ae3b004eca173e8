// The only place that knows the order of the stages.
#include "flexpipe/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "aggregate/statistics.h"
#include "core/cancellable_fs.h"
#include "core/env.h"
#include "core/record_log.h"
#include "discover/discovery.h"
#include "pipeline/file_task.h"
#include "pipeline/run_outputs.h"
#include "pipeline/store_session.h"
#include "report/html_report.h"
#include "schema/header_normalize.h"
#include "score/profile.h"
#include "score/registry.h"
#include "write/existing_output.h"
#include "write/master_csv.h"
#include "write/rejects_csv.h"

namespace flexpipe {
namespace {

Problem ProblemOf(const FileReport& r) {
  return Problem{r.path, r.error_code, r.error_category, r.error_message, 0, {}, {}};
}

std::filesystem::path ParentOrDot(const std::filesystem::path& p) {
  return p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
}

Result<std::unique_ptr<Scorer>> BuildScorer(const PipelineOptions& options, FileSystem* fs, Date as_of) {
  ScoringProfile profile = DefaultScoringProfile();
  if (!options.scoring.profile_file.empty()) {
    FP_ASSIGN_OR_RETURN(std::string text, ReadSmallFile(fs, options.scoring.profile_file));
    FP_ASSIGN_OR_RETURN(profile, ParseScoringProfile(text, options.scoring.profile_file));
  }
  return MakeScorer(options.scoring.model, profile, ScoringContext{as_of, options.filtering.min_flex_score});
}

Result<std::vector<Field>> KeyFields(const std::vector<std::string>& names) {
  std::vector<Field> fields;
  for (const std::string& name : names) {
    // Accept header-style spellings too: "Address", "Zip Code".
    std::string canonical = NormalizeHeader(name);
    std::replace(canonical.begin(), canonical.end(), ' ', '_');
    const auto f = FieldByName(canonical);
    if (!f) {
      return Status(ErrorCode::kConfigError,
                    fmt::format("filtering.duplicate_fields: '{}' is not a canonical field", name));
    }
    fields.push_back(*f);
  }
  return fields;
}

void SummariseFiles(const std::vector<FileOutcome>& outcomes, RunSummary* summary) {
  ColumnSet all;
  std::map<std::string, uint64_t> passthrough_files;  // normalised header → files having it
  uint64_t ok_files = 0;
  for (const FileOutcome& o : outcomes) {
    const FileReport& r = o.report;
    summary->files.push_back(r);
    ++summary->files_processed;
    summary->rows_read += r.rows_read;
    summary->rows_scored += r.rows_scored;
    summary->rows_set_aside += r.rows_set_aside;
    summary->rejects += r.row_problems.size() + r.rejects_not_listed;
    if (!r.succeeded) {
      ++summary->files_failed;
      summary->failures.push_back(ProblemOf(r));
      continue;
    }
    ++summary->files_succeeded;
    ++ok_files;
    all |= o.columns;
    std::set<std::string> headers;
    for (const ColumnReport& c : r.columns) {
      if (c.field.empty()) headers.insert(NormalizeHeader(c.header));
    }
    for (const std::string& h : headers) ++passthrough_files[h];
  }

  // Schema differences: what each file lacks that others have.
  for (const FileOutcome& o : outcomes) {
    if (!o.report.succeeded || ok_files < 2) continue;
    SchemaDifference d;
    d.file = o.report.path;
    for (const FieldInfo& info : AllFields()) {
      if (all.test(Index(info.field)) && !o.columns.test(Index(info.field)))
        d.missing_fields.emplace_back(info.name);
    }
    for (const ColumnReport& c : o.report.columns) {
      if (c.field.empty() && passthrough_files[NormalizeHeader(c.header)] < ok_files)
        d.extra_columns.push_back(c.header);
    }
    if (!d.missing_fields.empty() || !d.extra_columns.empty())
      summary->schema_differences.push_back(std::move(d));
  }

  // Data quality per field present anywhere.
  FieldCounts counts;
  for (const FileOutcome& o : outcomes) MergeFieldCounts(o.counts, &counts);
  for (const FieldInfo& info : AllFields()) {
    const size_t k = Index(info.field);
    if (!all.test(k)) continue;
    FieldQuality q;
    q.field = std::string(info.name);
    q.rows_with_column = counts.rows_with_column[k];
    q.present = counts.present[k];
    q.parse_failures = counts.parse_failures[k];
    if (info.type == FieldType::kText || info.type == FieldType::kId) {
      q.has_distinct = true;
      q.distinct = std::min<uint64_t>(counts.distinct[k].size(), kDistinctValuesCap);
      q.distinct_over_cap = counts.distinct[k].size() > kDistinctValuesCap;
    } else if (info.type != FieldType::kBoolean && q.present > 0) {
      q.has_range = true;
      q.is_date = info.type == FieldType::kDate;
      q.min = counts.min[k];
      q.max = counts.max[k];
    }
    summary->data_quality.push_back(std::move(q));
  }
}

// The files a run with these options writes, or keeps of earlier runs
// (backups, versions), when found among the inputs: an output folder that is
// also the input folder is read, but not these. Names first, then whether
// the folder is the same (by identity, as discovery compares folders).
std::function<bool(const std::filesystem::path&)> OwnOutputFilter(const OutputOptions& output,
                                                                  FileSystem* fs) {
  std::vector<std::filesystem::path> outputs = {output.master_file, MasterCsvPath(output.master_file),
                                                output.report_file, DefaultRejectsPath(output.master_file),
                                                HtmlReportPath(output)};
  if (!output.rejects_file.empty()) outputs.emplace_back(output.rejects_file);
  return [outputs = std::move(outputs), fs](const std::filesystem::path& file) {
    const auto same_folder = [fs](const std::filesystem::path& a, const std::filesystem::path& b) {
      auto sa = fs->Stat(ParentOrDot(a));
      auto sb = fs->Stat(ParentOrDot(b));
      return sa.ok() && sb.ok() && sa->device == sb->device && sa->inode == sb->inode;
    };
    const std::string name = file.filename().string();
    return std::any_of(outputs.begin(), outputs.end(), [&](const std::filesystem::path& out) {
      return IsOutputOrKeptCopyName(out, name) && same_folder(out, file);
    });
  };
}

// Where this run's outputs go (pipeline/run_outputs.h).
Result<OutputPlan> PlanOutputs(const PipelineOptions& options, ExistingOutputPolicy policy, FileSystem* fs,
                               const std::string& started_at) {
  OutputPlan plan;
  if (options.output.enable_xlsx_export) plan.xlsx = options.output.master_file;
  if (options.output.enable_csv_export) plan.csv = MasterCsvPath(options.output.master_file);
  plan.report = options.output.report_file;
  if (options.output.enable_rejects) {
    plan.rejects = options.output.rejects_file.empty()
                       ? DefaultRejectsPath(options.output.master_file).string()
                       : options.output.rejects_file;
  }
  FP_RETURN_IF_ERROR(ApplyExistingPolicy(policy, started_at, fs, &plan));
  if (options.output.enable_html) plan.html = HtmlReportPath(options.output).string();
  return plan;
}

}  // namespace

std::string MasterCsvPath(const std::string& master_file) {
  std::filesystem::path p(master_file);
  p.replace_extension(".csv");
  return p.string();
}

std::string_view FlexpipeVersion() { return FLEXPIPE_VERSION; }

Result<RunSummary> RunPipeline(const PipelineOptions& options, const RunContext& context) {
  FileSystem* fs = context.fs != nullptr ? context.fs : DefaultFileSystem();
  Clock* clock = context.clock != nullptr ? context.clock : DefaultClock();
  const double t_start = clock->MonotonicSeconds();

  RunSummary summary;
  summary.flexpipe_version = std::string(FlexpipeVersion());
  summary.started_at = clock->NowUtcIso();

  Date as_of = clock->Today();
  if (!options.scoring.as_of.empty()) {
    auto parsed = ParseIsoDate(options.scoring.as_of);
    if (!parsed) {
      return Status(
          ErrorCode::kConfigError,
          fmt::format("scoring.as_of: '{}' is not a date in YYYY-MM-DD form", options.scoring.as_of));
    }
    as_of = *parsed;
  }
  const auto existing = ParseExistingOutputPolicy(options.output.existing);
  if (!existing) {
    return Status(
        ErrorCode::kConfigError,
        fmt::format("output.existing: '{}' is not one of replace, backup, version", options.output.existing));
  }
  FP_ASSIGN_OR_RETURN(std::unique_ptr<Scorer> scorer, BuildScorer(options, fs, as_of));
  FP_ASSIGN_OR_RETURN(std::vector<Field> key_fields, KeyFields(options.filtering.duplicate_fields));
  summary.model = std::string(scorer->name());
  summary.as_of = FormatIso(as_of);
  summary.min_flex_score = options.filtering.min_flex_score;
  summary.deduplication = options.filtering.enable_deduplication;
  for (Field f : key_fields) summary.duplicate_fields.emplace_back(InfoOf(f).name);

  // Discover.
  DiscoveryOptions discovery;
  discovery.inputs = options.input.paths;
  discovery.patterns = options.input.patterns;
  discovery.recursive = options.input.recursive;
  discovery.excluded_folders = {ParentOrDot(options.output.master_file),
                                ParentOrDot(options.output.report_file)};
  discovery.skip_file = OwnOutputFilter(options.output, fs);
  FP_ASSIGN_OR_RETURN(DiscoveryResult found, DiscoverFiles(fs, discovery));
  summary.skipped = found.skipped;
  std::vector<std::string> paths;
  // With `sheet: all` a workbook is an input per worksheet ("book.xlsx#Sheet").
  XlsxOptions xlsx;
  xlsx.sheet = options.input.sheet == "all" ? "" : options.input.sheet;
  xlsx.header_row = static_cast<uint64_t>(std::max(0, options.input.header_row));
  xlsx.rows_per_batch = std::max(1, options.processing.rows_per_batch);
  xlsx.zip.max_ratio = options.processing.max_inflate_ratio;
  xlsx.zip.max_total_inflated = static_cast<uint64_t>(options.processing.max_inflated_gb * 1e9);
  const std::vector<InputUnit> units = ExpandInputs(fs, found.files, options.input.sheet, xlsx);
  paths.reserve(units.size());
  for (const InputUnit& u : units) paths.push_back(u.name);
  if (context.listener != nullptr) context.listener->OnDiscovered(paths, found.skipped);
  if (units.empty()) {  // nothing to read: the last run's outputs and the store stay as they are
    return Status(ErrorCode::kNotFound,
                  fmt::format("no input files found in {} (file patterns: {}{}); nothing was written",
                              fmt::join(options.input.paths, ", "), fmt::join(options.input.patterns, " "),
                              options.input.recursive ? ", recursive"
                                                      : ", not recursive: --recursive descends "
                                                        "into subfolders"));
  }

  // Read, map, score and collect: a task per file, `max_workers` at a time.
  FileTaskContext task;
  task.fs = fs;
  task.clock = clock;
  task.scorer = scorer.get();
  task.mapping.user_columns = options.columns;
  task.source.csv.rows_per_batch = std::max(1, options.processing.rows_per_batch);
  task.source.xlsx = xlsx;
  task.key_fields = key_fields;
  task.deduplicate = options.filtering.enable_deduplication;
  task.strict_rows = options.processing.strict_rows;
  task.max_rejects_per_file = static_cast<size_t>(std::max(0, options.output.max_rejects_per_file));
  task.max_attempts = std::max(1, options.processing.retry_attempts);
  task.retry_backoff_seconds = options.processing.retry_backoff_seconds;
  task.timeout_seconds = options.processing.timeout_minutes * 60;
  task.memory_limit_bytes = static_cast<uint64_t>(options.processing.memory_limit_gb * 1e9);
  const SpillBudget candidate_memory(fs, std::filesystem::path(options.output.master_file).parent_path(),
                                     options.processing.candidate_memory_mb);
  task.spill = candidate_memory.options();
  task.listener = context.listener;
  task.progress_every_rows = static_cast<uint64_t>(std::max(1, options.logging.progress_interval));
  task.cancel = context.cancel;
  task.max_rows = context.validate_sample_rows;
  const bool validating = context.validate_sample_rows > 0;  // reads samples, writes nothing
  // The store (docs/store.md): records the run, commits each file as it
  // finishes, reuses unchanged files. Null without one, and when validating.
  std::unique_ptr<StoreSession> store;
  if (!validating) {
    FP_ASSIGN_OR_RETURN(store, StartStoreSession(options, context, *scorer, summary, task, fs, clock));
  }

  const int workers = options.processing.max_workers > 0
                          ? options.processing.max_workers
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  summary.files_found = units.size();
  std::vector<FileOutcome> outcomes(units.size());
  // Pending commits read the outcomes' candidate sets: whatever way this
  // function returns, they finish before the outcomes are destroyed.
  struct AwaitCommitsOnExit {
    StoreSession* store;
    ~AwaitCommitsOnExit() {
      if (store != nullptr) store->AwaitCommits();
    }
  } const await_commits{store.get()};
  const size_t group = static_cast<size_t>(std::max(1, options.processing.batch_size));
  tbb::task_arena arena(workers);
  for (size_t begin = 0; begin < units.size(); begin += group) {
    const size_t end = std::min(units.size(), begin + group);
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<size_t>(begin, end, 1),
                        [&](const tbb::blocked_range<size_t>& range) {
                          for (size_t i = range.begin(); i != range.end(); ++i) {
                            const auto ordinal = static_cast<uint32_t>(i);
                            if (context.listener != nullptr)
                              context.listener->OnFileStarted(paths[i], ordinal);
                            outcomes[i] = store != nullptr ? store->ProcessOrReuse(units[i], ordinal, task)
                                                           : ProcessFile(units[i], ordinal, task);
                            if (context.listener != nullptr)
                              context.listener->OnFileFinished(outcomes[i].report);
                          }
                        });
    });
    if (context.listener != nullptr && end < units.size())
      context.listener->OnGroupFinished(end, units.size());
  }
  // The store's writer thread may still be committing the last files: it
  // goes on while the run merges and writes its outputs (the candidate sets
  // it reads live until the end of the run); Finish waits for it.
  const double t_read = clock->MonotonicSeconds();
  // SIGINT/SIGTERM, while reading, merging or writing: no output is replaced.
  const auto cancelled = [&] { return context.cancel != nullptr && context.cancel->load(); };
  const auto interrupted = [&]() -> Status {
    if (store == nullptr) return Status(ErrorCode::kCancelled, "run interrupted; no outputs were written");
    (void)store->Finish(RunStatus::kInterrupted);  // after every file read is in the store
    return Status(ErrorCode::kCancelled,
                  "run interrupted; no outputs were written. The files already read are in the store: run "
                  "again with the same settings to resume");
  };
  if (cancelled()) return interrupted();

  // Merge: de-duplicate across files and rank.
  if (context.listener != nullptr) context.listener->OnStage("merge");
  SummariseFiles(outcomes, &summary);
  if (validating) {
    summary.seconds = clock->MonotonicSeconds() - t_start;
    return summary;
  }
  if (store != nullptr) summary.files_reused = store->files_reused();
  std::vector<const CandidateSet*> sets(outcomes.size(), nullptr);
  for (size_t i = 0; i < outcomes.size(); ++i) sets[i] = outcomes[i].candidates.get();
  FP_ASSIGN_OR_RETURN(const MergeResult merged, MergeAndRank(sets, options.filtering.enable_deduplication));
  if (cancelled()) return interrupted();
  const MasterLayout layout = BuildMasterLayout(sets, *scorer);
  // The candidate statistics: with more than one worker, counted while the
  // master CSV is written (pipeline/run_outputs.h); with one, before.
  const auto statistics = [&] {
    return ComputeCandidateStatistics(sets, merged, layout, *scorer,
                                      static_cast<size_t>(std::max(0, options.output.top_n)), paths,
                                      &summary);
  };
  const bool overlap_statistics = workers > 1;
  if (!overlap_statistics) FP_RETURN_IF_ERROR(statistics());
  const double t_merge = clock->MonotonicSeconds();

  // Write: the master CSV, the master workbook, the rejects file, then the
  // reports naming them, as one set (pipeline/run_outputs.h).
  if (context.listener != nullptr) context.listener->OnStage("write");
  FP_ASSIGN_OR_RETURN(const OutputPlan out, PlanOutputs(options, *existing, fs, summary.started_at));
  const auto finish_timing = [&](RunSummary* s) {
    // The store's commits overlap merging and writing the master files; the
    // reports wait for them, so the run's time and the store's are whole.
    if (store != nullptr) store->AwaitCommits();
    const double t_end = clock->MonotonicSeconds();
    s->stage_seconds["read_score"] = t_read - t_start;
    s->stage_seconds["merge"] = t_merge - t_read;
    s->stage_seconds["write"] = t_end - t_merge;
    // On its own thread, overlapping the stages above.
    if (store != nullptr) s->stage_seconds["store"] = store->seconds();
    s->seconds = t_end - t_start;
    s->rows_per_second = s->seconds > 0 ? static_cast<double>(s->rows_read) / s->seconds : 0;
  };
  // Writes stop at the next buffer once the run is interrupted.
  CancellableFileSystem output_fs(fs, context.cancel);
  if (Status written =
          WriteRunOutputs(&output_fs, out, static_cast<size_t>(std::max(0, options.output.top_n)),
                          RankedCandidates{sets, merged, layout, *scorer, paths}, nullptr, &summary,
                          finish_timing, overlap_statistics ? std::function<Status()>(statistics) : nullptr);
      !written.ok()) {
    return cancelled() ? interrupted() : written;
  }
  if (store != nullptr) FP_RETURN_IF_ERROR(store->Finish(RunStatus::kCompleted, &summary, &merged));
  return summary;
}

}  // namespace flexpipe
