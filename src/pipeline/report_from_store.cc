// `flexpipe report --run N` (flexpipe/report.h): the run's outputs again,
// from the store alone. The same stages as the end of RunPipeline — merge,
// then the writers in the run's order (master CSV, master workbook, HTML
// report, JSON summary) — over the candidate sets the run merged, loaded
// back as a run loads a reused file.
#include "flexpipe/report.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "aggregate/statistics.h"
#include "core/date.h"
#include "core/env.h"
#include "core/record_log.h"
#include "pipeline/file_task.h"
#include "pipeline/run_outputs.h"
#include "score/profile.h"
#include "score/registry.h"
#include "store/migrations.h"
#include "store/run_liveness.h"
#include "store/run_record.h"
#include "store/run_store.h"
#include "store/schema.h"
#include "write/existing_output.h"
#include "write/json_summary_parse.h"

namespace flexpipe {
namespace {

// The settings of the run the report needs beyond its summary.
struct RunSettings {
  size_t top_n = 10;
  std::string existing = "backup";
};

Result<RunSettings> ReadRunSettings(const RunRecord& run) {
  const auto config = nlohmann::json::parse(run.config_json, nullptr, /*allow_exceptions=*/false);
  if (!config.is_object()) {
    return Status(ErrorCode::kDatabaseError, fmt::format("run {}: its configuration is not JSON", run.id));
  }
  RunSettings settings;
  if (const auto it = config.find("output.top_n"); it != config.end() && it->is_number_integer())
    settings.top_n = static_cast<size_t>(std::max<int64_t>(0, it->get<int64_t>()));
  if (const auto it = config.find("output.existing"); it != config.end() && it->is_string())
    settings.existing = it->get<std::string>();
  return settings;
}

// The store, read-only when its schema is this build's (a report then never
// waits for a run that is writing); migrated first when it is older.
Result<std::unique_ptr<RunStore>> OpenStore(const std::string& path, FileSystem* fs, Clock* clock) {
  FP_ASSIGN_OR_RETURN(const bool exists, PathExists(fs, path));
  if (!exists) {
    return Status(ErrorCode::kNotFound,
                  fmt::format("no database at {}: nothing to report (`flexpipe run` creates it)", path));
  }
  DatabaseOptions read_only;
  read_only.read_only = true;
  read_only.create = false;
  FP_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, read_only));
  FP_ASSIGN_OR_RETURN(const bool has_schema, db->HasTable("schema_migrations"));
  if (!has_schema) return Status(ErrorCode::kNotFound, fmt::format("no completed run in {}", path));
  FP_RETURN_IF_ERROR(CheckMigrations(db.get(), StoreMigrations()));  // a newer flexpipe's: refused
  FP_ASSIGN_OR_RETURN(const int64_t version, db->QueryInt("PRAGMA user_version"));
  if (version < StoreMigrations().back().version) return RunStore::Open(path, fs, clock);
  return std::make_unique<RunStore>(std::move(db), nullptr, clock);
}

// Why run `id`, which is not completed, cannot be reported. A run left
// 'running' by a process that is gone is marked interrupted on the way.
Status NotCompleted(const RunRecord& run, const std::string& path) {
  const int64_t id = run.id;
  switch (run.status) {
    case RunStatus::kRunning: {
      auto liveness = RunLiveness::Open(path);
      if (liveness.ok() && !(*liveness)->IsHeld(id)) {
        (void)MarkAbandonedRuns(path);  // best effort: the store may be busy or read-only
        return Status(ErrorCode::kInvalidArgument,
                      fmt::format("run {} was interrupted; nothing to report", id));
      }
      return Status(ErrorCode::kInvalidArgument,
                    fmt::format("run {} is still running; nothing to report until it completes", id));
    }
    case RunStatus::kInterrupted:
      return Status(ErrorCode::kInvalidArgument,
                    fmt::format("run {} was interrupted; nothing to report", id));
    case RunStatus::kFailed:
      return Status(ErrorCode::kInvalidArgument, fmt::format("run {} failed; nothing to report", id));
    case RunStatus::kCompleted:
      break;
  }
  return Status::Ok();
}

// The run to report; an error naming why it cannot be.
Result<RunRecord> FindRun(Database* db, const std::string& path, int64_t wanted) {
  int64_t id = wanted;
  if (id == 0) {
    FP_ASSIGN_OR_RETURN(id, LatestCompletedRunId(db));
    if (id == 0) return Status(ErrorCode::kNotFound, fmt::format("no completed run in {}", path));
  }
  FP_ASSIGN_OR_RETURN(std::optional<RunRecord> run, LoadRunRecord(db, id));
  if (!run) {
    return Status(ErrorCode::kInvalidArgument,
                  fmt::format("there is no run {} in {} (`flexpipe runs` lists them)", id, path));
  }
  FP_RETURN_IF_ERROR(NotCompleted(*run, path));
  if (run->summary_json.empty()) {
    return Status(ErrorCode::kDatabaseError, fmt::format("run {} completed but has no stored summary", id));
  }
  return std::move(run).value();
}

Result<RunSummary> StoredSummary(const RunRecord& run) {
  auto summary = ParseSummaryJson(run.summary_json);
  if (summary.ok()) return summary;
  const Status& s = summary.status();
  const ErrorCode code = s.code() == ErrorCode::kUnsupportedFormat ? ErrorCode::kDatabaseIncompatible
                                                                   : ErrorCode::kDatabaseError;
  return Status(
      code, fmt::format("run {} (recorded by flexpipe {}): {}", run.id, run.flexpipe_version, s.message()));
}

// The run's files as the candidate sets it merged, in its order.
Result<std::vector<FileOutcome>> LoadFiles(RunStore* store, const RunRecord& run, const RunSummary& summary,
                                           const ScoreColumns& columns, const SpillOptions& spill) {
  if (run.files.size() != summary.files_processed) {
    return Status(ErrorCode::kDatabaseError, fmt::format("run {}: {} files stored, its summary lists {}",
                                                         run.id, run.files.size(), summary.files_processed));
  }
  std::vector<FileOutcome> outcomes;
  outcomes.reserve(run.files.size());
  for (size_t i = 0; i < run.files.size(); ++i) {
    const RunFileRef& ref = run.files[i];
    if (ref.ordinal != i) {
      return Status(ErrorCode::kDatabaseError, fmt::format("run {}: no stored file at place {}", run.id, i));
    }
    FP_ASSIGN_OR_RETURN(StoredFile stored, store->LoadFile(ref.file_id, ref.ordinal, summary.deduplication,
                                                           columns, RunStore::LoadPath::kSnapshot, spill));
    outcomes.push_back(std::move(stored.outcome));
  }
  return outcomes;
}

// The figures WriteMasterXlsx shows as the run computed them: its summary
// with the candidate statistics computed again from the candidates (exact,
// where the JSON has them rounded) and the failures from the stored files
// (every byte, where the JSON has U+FFFD for text that is not UTF-8).
Result<RunSummary> WorkbookSummary(const RunSummary& stored, std::span<const CandidateSet* const> sets,
                                   const MergeResult& merged, const MasterLayout& layout,
                                   const Scorer& scorer, size_t top_n, std::span<const std::string> paths,
                                   const std::vector<FileOutcome>& outcomes) {
  RunSummary s = stored;
  s.score_distribution.clear();
  s.score_histogram = {};
  s.classification_counts.clear();
  s.component_means.clear();
  s.states.clear();
  s.counties.clear();
  s.cities.clear();
  s.score_average = s.score_median = s.score_min = s.score_max = 0;
  s.average_building_sqft = s.average_acres = 0;
  s.top_candidates.clear();
  FP_RETURN_IF_ERROR(ComputeCandidateStatistics(sets, merged, layout, scorer, top_n, paths, &s));
  s.failures.clear();
  for (const FileOutcome& o : outcomes) {
    const FileReport& r = o.report;
    if (r.succeeded) continue;
    Problem& p = s.failures.emplace_back();  // as the run's SummariseFiles
    p.file = r.path;
    p.code = r.error_code;
    p.category = r.error_category;
    p.message = r.error_message;
  }
  return s;
}

// Where the outputs go (pipeline/run_outputs.h).
Result<OutputPlan> PlanReport(const ReportOptions& options, const RunSummary& run,
                              ExistingOutputPolicy policy, FileSystem* fs, Clock* clock) {
  OutputPlan plan;
  const bool master = !options.master_file.empty();
  if (options.write_csv) plan.csv = master ? MasterCsvPath(options.master_file) : run.master_csv;
  if (options.write_xlsx) plan.xlsx = master ? options.master_file : run.master_xlsx;
  if (options.write_html) plan.html = options.html_file.empty() ? run.html_report : options.html_file;
  if (options.write_rejects)
    plan.rejects = options.rejects_file.empty() ? run.rejects_file : options.rejects_file;
  plan.report = options.report_file.empty() ? run.report_file : options.report_file;
  FP_RETURN_IF_ERROR(ApplyExistingPolicy(policy, clock->NowUtcIso(), fs, &plan));
  return plan;
}

}  // namespace

Result<ReportResult> ReportFromStore(const ReportOptions& options, const RunContext& context) {
  FileSystem* fs = context.fs != nullptr ? context.fs : DefaultFileSystem();
  Clock* clock = context.clock != nullptr ? context.clock : DefaultClock();
  FP_ASSIGN_OR_RETURN(const std::unique_ptr<RunStore> store, OpenStore(options.store, fs, clock));
  FP_ASSIGN_OR_RETURN(const RunRecord run, FindRun(store->database(), options.store, options.run));
  FP_ASSIGN_OR_RETURN(RunSummary summary, StoredSummary(run));
  FP_ASSIGN_OR_RETURN(const RunSettings settings, ReadRunSettings(run));
  const std::string& existing_name = options.existing.empty() ? settings.existing : options.existing;
  const auto existing = ParseExistingOutputPolicy(existing_name);
  if (!existing) {
    return Status(ErrorCode::kInvalidArgument,
                  fmt::format("output.existing: '{}' is not one of replace, backup, version", existing_name));
  }

  // The scorer gives only the names of the columns here (the scores are
  // stored): they depend on the model alone, not on the scoring profile.
  const Date as_of = ParseIsoDate(summary.as_of).value_or(Date{});
  FP_ASSIGN_OR_RETURN(
      const std::unique_ptr<Scorer> scorer,
      MakeScorer(summary.model, DefaultScoringProfile(), ScoringContext{as_of, summary.min_flex_score}));
  const ScoreColumns columns{scorer->component_names(), scorer->flag_names()};

  // Merge, as the run did.
  if (context.listener != nullptr) context.listener->OnStage("merge");
  // The candidates spill as a run's do, beside the master file.
  std::string master = options.master_file;
  for (const std::string& named : {summary.master_xlsx, summary.master_csv}) {
    if (master.empty()) master = named;
  }
  const SpillBudget candidate_memory(fs, std::filesystem::path(master).parent_path(),
                                     options.candidate_memory_mb);
  FP_ASSIGN_OR_RETURN(const std::vector<FileOutcome> outcomes,
                      LoadFiles(store.get(), run, summary, columns, candidate_memory.options()));
  std::vector<const CandidateSet*> sets(outcomes.size(), nullptr);
  std::vector<std::string> paths(outcomes.size());
  for (size_t i = 0; i < outcomes.size(); ++i) {
    sets[i] = outcomes[i].candidates.get();
    paths[i] = outcomes[i].report.path;
  }
  FP_ASSIGN_OR_RETURN(const MergeResult merged, MergeAndRank(sets, summary.deduplication));
  const MasterLayout layout = BuildMasterLayout(sets, *scorer);
  FP_ASSIGN_OR_RETURN(
      const RunSummary workbook_summary,
      WorkbookSummary(summary, sets, merged, layout, *scorer, settings.top_n, paths, outcomes));
  if (workbook_summary.candidates_unique != summary.candidates_unique ||
      workbook_summary.candidates_before_dedup != summary.candidates_before_dedup) {
    return Status(
        ErrorCode::kDatabaseError,
        fmt::format("run {}: the stored files give {} unique candidates of {}, its summary {} of {}", run.id,
                    workbook_summary.candidates_unique, workbook_summary.candidates_before_dedup,
                    summary.candidates_unique, summary.candidates_before_dedup));
  }

  // The rejects file lists every row problem of the run's files, with the
  // sheet read; the stored summary (its JSON) has the first few of each and
  // no sheet names: take them from the stored files.
  for (FileReport& f : summary.files) {
    if (f.ordinal >= outcomes.size()) continue;
    const FileReport& stored = outcomes[f.ordinal].report;
    f.row_problems = stored.row_problems;
    f.rejects_not_listed = stored.rejects_not_listed;
    f.sheet_name = stored.sheet_name;
  }

  // Write, as a run writes (pipeline/run_outputs.h).
  if (context.listener != nullptr) context.listener->OnStage("write");
  FP_ASSIGN_OR_RETURN(const OutputPlan out, PlanReport(options, summary, *existing, fs, clock));
  FP_RETURN_IF_ERROR(WriteRunOutputs(fs, out, settings.top_n,
                                     RankedCandidates{sets, merged, layout, *scorer, paths},
                                     &workbook_summary, &summary));
  return ReportResult{run.id, run.flexpipe_version, std::move(summary)};
}

}  // namespace flexpipe
