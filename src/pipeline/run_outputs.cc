#include "pipeline/run_outputs.h"

#include <thread>

#include "report/html_report.h"
#include "write/json_summary.h"
#include "write/json_summary_parse.h"
#include "write/master_csv.h"
#include "write/master_xlsx.h"
#include "write/rejects_csv.h"
#include "write/staged_outputs.h"

namespace flexpipe {
namespace {

Status OutputError(const Status& s) { return Status(ErrorCode::kOutputError, s.message(), s.location()); }

}  // namespace

Status ApplyExistingPolicy(ExistingOutputPolicy policy, const std::string& started_at, FileSystem* fs,
                           OutputPlan* plan) {
  if (policy == ExistingOutputPolicy::kBackup) {
    plan->backup_stamp = BackupStamp(started_at);
    if (plan->backup_stamp.empty()) plan->backup_stamp = "backup";
  } else if (policy == ExistingOutputPolicy::kVersion) {
    const std::vector<std::filesystem::path> wanted = {plan->xlsx, plan->csv, plan->report, plan->rejects};
    FP_ASSIGN_OR_RETURN(const std::vector<std::filesystem::path> free, FreeVersionedPaths(fs, wanted));
    plan->xlsx = free[0].string();
    plan->csv = free[1].string();
    plan->report = free[2].string();
    plan->rejects = free[3].string();
  }
  return Status::Ok();
}

Status WriteRunOutputs(FileSystem* fs, const OutputPlan& plan, size_t top_n, const RankedCandidates& ranked,
                       const RunSummary* workbook_summary, RunSummary* summary,
                       const std::function<void(RunSummary*)>& before_reports,
                       const std::function<Status()>& statistics) {
  OutputStaging staged(fs);
  Status counted;
  std::thread counting;
  struct JoinOnExit {
    std::thread* thread;
    ~JoinOnExit() {
      if (thread->joinable()) thread->join();
    }
  } join_on_exit{&counting};
  if (statistics) counting = std::thread([&] { counted = statistics(); });
  if (!plan.csv.empty()) {
    Status s = WriteMasterCsv(&staged, plan.csv, ranked.sets, ranked.merged, ranked.layout, ranked.scorer,
                              ranked.paths, plan.backup_stamp);
    if (!s.ok()) return OutputError(s);
  }
  if (counting.joinable()) counting.join();
  FP_RETURN_IF_ERROR(counted);
  if (!plan.csv.empty()) summary->master_csv = plan.csv;
  if (!plan.xlsx.empty()) {
    MasterXlsxOptions workbook;
    workbook.top_n = top_n;
    workbook.backup_stamp = plan.backup_stamp;
    Status s =
        WriteMasterXlsx(&staged, plan.xlsx, ranked.sets, ranked.merged, ranked.layout, ranked.scorer,
                        ranked.paths, workbook_summary != nullptr ? *workbook_summary : *summary, workbook);
    if (!s.ok()) return OutputError(s);
    summary->master_xlsx = plan.xlsx;
  }
  if (!plan.rejects.empty()) {
    Status s = WriteRejectsCsv(&staged, plan.rejects, summary->files, plan.backup_stamp);
    if (!s.ok()) return OutputError(s);
    summary->rejects_file = plan.rejects;
  }
  if (!plan.report.empty()) summary->report_file = plan.report;
  if (before_reports) before_reports(summary);
  if (!plan.html.empty()) {
    summary->html_report = plan.html;
    Result<RunSummary> shown = SummaryAsWritten(*summary);
    if (!shown.ok()) return shown.status();
    Status s = WriteHtmlReport(&staged, plan.html, *shown, plan.backup_stamp);
    if (!s.ok()) return OutputError(s);
  }
  if (!plan.report.empty()) {
    Status s = WriteSummaryJson(&staged, plan.report, *summary, plan.backup_stamp);
    if (!s.ok()) return OutputError(s);
  }
  if (Status s = staged.Commit(); !s.ok()) return OutputError(s);
  return Status::Ok();
}

}  // namespace flexpipe
