// The only place that knows the order of the stages.
#include "flexpipe/pipeline.h"

#include <algorithm>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "aggregate/statistics.h"
#include "core/env.h"
#include "discover/discovery.h"
#include "pipeline/file_task.h"
#include "schema/header_normalize.h"
#include "score/profile.h"
#include "score/registry.h"
#include "write/json_summary.h"
#include "write/master_csv.h"

namespace flexpipe {
namespace {

Problem ProblemOf(const FileReport& r) {
  return Problem{r.path, r.error_code, r.error_category, r.error_message, 0, {}};
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
  for (const FieldInfo& info : AllFields()) {
    if (!all.test(Index(info.field))) continue;
    FieldQuality q;
    q.field = std::string(info.name);
    for (const FileOutcome& o : outcomes) {
      q.rows_with_column += o.counts.rows_with_column[Index(info.field)];
      q.present += o.counts.present[Index(info.field)];
      q.parse_failures += o.counts.parse_failures[Index(info.field)];
    }
    summary->data_quality.push_back(std::move(q));
  }
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
  FP_ASSIGN_OR_RETURN(std::unique_ptr<Scorer> scorer, BuildScorer(options, fs, as_of));
  FP_ASSIGN_OR_RETURN(std::vector<Field> key_fields, KeyFields(options.filtering.duplicate_fields));
  summary.model = std::string(scorer->name());
  summary.as_of = FormatIso(as_of);
  summary.min_flex_score = options.filtering.min_flex_score;
  summary.deduplication = options.filtering.enable_deduplication;
  for (Field f : key_fields) summary.duplicate_fields.emplace_back(InfoOf(f).name);

  // Discover.
  const std::string master_csv = MasterCsvPath(options.output.master_file);
  DiscoveryOptions discovery;
  discovery.inputs = options.input.paths;
  discovery.patterns = options.input.patterns;
  discovery.recursive = options.input.recursive;
  discovery.excluded_folders = {ParentOrDot(options.output.master_file),
                                ParentOrDot(options.output.report_file)};
  FP_ASSIGN_OR_RETURN(DiscoveryResult found, DiscoverFiles(fs, discovery));
  summary.files_found = found.files.size();
  summary.skipped = found.skipped;
  std::vector<std::string> paths;
  for (const DiscoveredFile& f : found.files) paths.push_back(f.path.string());
  if (context.listener != nullptr) context.listener->OnDiscovered(paths, found.skipped);

  // Read, map, score and collect: a task per file, `max_workers` at a time.
  FileTaskContext task;
  task.fs = fs;
  task.clock = clock;
  task.scorer = scorer.get();
  task.mapping.user_columns = options.columns;
  task.source.csv.rows_per_batch = std::max(1, options.processing.rows_per_batch);
  task.key_fields = key_fields;
  task.deduplicate = options.filtering.enable_deduplication;
  task.listener = context.listener;
  task.cancel = context.cancel;

  const int workers = options.processing.max_workers > 0
                          ? options.processing.max_workers
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<FileOutcome> outcomes(found.files.size());
  const size_t group = static_cast<size_t>(std::max(1, options.processing.batch_size));
  tbb::task_arena arena(workers);
  for (size_t begin = 0; begin < found.files.size(); begin += group) {
    const size_t end = std::min(found.files.size(), begin + group);
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<size_t>(begin, end, 1),
                        [&](const tbb::blocked_range<size_t>& range) {
                          for (size_t i = range.begin(); i != range.end(); ++i) {
                            const auto ordinal = static_cast<uint32_t>(i);
                            if (context.listener != nullptr)
                              context.listener->OnFileStarted(paths[i], ordinal);
                            outcomes[i] = ProcessFile(found.files[i], ordinal, task);
                            if (context.listener != nullptr)
                              context.listener->OnFileFinished(outcomes[i].report);
                          }
                        });
    });
  }
  const double t_read = clock->MonotonicSeconds();
  if (context.cancel != nullptr && context.cancel->load()) {
    return Status(ErrorCode::kCancelled, "run interrupted; no outputs were written");
  }

  // Merge: de-duplicate across files and rank.
  if (context.listener != nullptr) context.listener->OnStage("merge");
  SummariseFiles(outcomes, &summary);
  std::vector<const CandidateSet*> sets(outcomes.size(), nullptr);
  for (size_t i = 0; i < outcomes.size(); ++i) sets[i] = outcomes[i].candidates.get();
  const MergeResult merged = MergeAndRank(sets, options.filtering.enable_deduplication);
  const MasterLayout layout = BuildMasterLayout(sets, *scorer);
  ComputeCandidateStatistics(sets, merged, layout, *scorer,
                             static_cast<size_t>(std::max(0, options.output.top_n)), paths, &summary);
  const double t_merge = clock->MonotonicSeconds();

  // Write.
  if (context.listener != nullptr) context.listener->OnStage("write");
  if (options.output.enable_csv_export) {
    Status s = WriteMasterCsv(fs, master_csv, sets, merged, layout, *scorer, paths);
    if (!s.ok()) return Status(ErrorCode::kOutputError, s.message(), s.location());
    summary.master_csv = master_csv;
  }
  summary.report_file = options.output.report_file;
  const double t_end = clock->MonotonicSeconds();
  summary.stage_seconds["read_score"] = t_read - t_start;
  summary.stage_seconds["merge"] = t_merge - t_read;
  summary.stage_seconds["write"] = t_end - t_merge;
  summary.seconds = t_end - t_start;
  summary.rows_per_second =
      summary.seconds > 0 ? static_cast<double>(summary.rows_read) / summary.seconds : 0;
  if (!options.output.report_file.empty()) {
    Status s = WriteSummaryJson(fs, options.output.report_file, summary);
    if (!s.ok()) return Status(ErrorCode::kOutputError, s.message(), s.location());
  }
  return summary;
}

}  // namespace flexpipe
