#include "store/run_record.h"

#include <fmt/format.h>

namespace flexpipe {
namespace {

std::optional<RunStatus> ParseRunStatus(std::string_view text) {
  for (const RunStatus s :
       {RunStatus::kRunning, RunStatus::kCompleted, RunStatus::kFailed, RunStatus::kInterrupted}) {
    if (RunStatusName(s) == text) return s;
  }
  return std::nullopt;
}

}  // namespace

Result<std::optional<RunRecord>> LoadRunRecord(Database* db, int64_t run_id) {
  RunRecord run;
  {
    FP_ASSIGN_OR_RETURN(Statement select,
                        db->Prepare("SELECT id, status, started_at, flexpipe_version, config, "
                                    "coalesce(summary, '') FROM runs WHERE id = ?1"));
    select.Bind(1, run_id);
    FP_ASSIGN_OR_RETURN(const bool found, select.Step());
    if (!found) return std::optional<RunRecord>();
    run.id = select.column_int(0);
    const auto status = ParseRunStatus(select.column_text(1));
    if (!status) {
      return Status(ErrorCode::kDatabaseError,
                    fmt::format("run {}: unknown status '{}'", run_id, select.column_text(1)));
    }
    run.status = *status;
    run.started_at = std::string(select.column_text(2));
    run.flexpipe_version = std::string(select.column_text(3));
    run.config_json = std::string(select.column_text(4));
    run.summary_json = std::string(select.column_text(5));
  }
  FP_ASSIGN_OR_RETURN(
      Statement files,
      db->Prepare("SELECT ordinal, file_id, reused FROM run_files WHERE run_id = ?1 ORDER BY ordinal"));
  files.Bind(1, run_id);
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool row, files.Step());
    if (!row) break;
    run.files.push_back(RunFileRef{static_cast<uint32_t>(files.column_int(0)), files.column_int(1),
                                   files.column_int(2) != 0});
  }
  return std::optional<RunRecord>(std::move(run));
}

Result<int64_t> LatestCompletedRunId(Database* db) {
  return db->QueryInt("SELECT coalesce(max(id), 0) FROM runs WHERE status = 'completed'");
}

}  // namespace flexpipe
