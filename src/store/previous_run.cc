#include "store/previous_run.h"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "store/database.h"
#include "store/run_record.h"

namespace flexpipe {

Result<PreviousRun> LoadPreviousRun(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return Status(ErrorCode::kNotFound, fmt::format("no store at {}: nothing to retry", path));
  }
  DatabaseOptions options;
  options.read_only = true;
  FP_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, options));
  PreviousRun run;
  FP_ASSIGN_OR_RETURN(run.run_id, LatestCompletedRunId(db.get()));
  if (run.run_id == 0) {
    return Status(ErrorCode::kNotFound, fmt::format("no completed run in {}: nothing to retry", path));
  }
  FP_ASSIGN_OR_RETURN(Statement files,
                      db->Prepare("SELECT f.path, f.sheet, f.status FROM run_files rf JOIN files f ON f.id = "
                                  "rf.file_id WHERE rf.run_id = ?1 ORDER BY rf.ordinal"));
  files.Bind(1, run.run_id);
  std::set<std::string> seen;
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool row, files.Step());
    if (!row) break;
    std::string name(files.column_text(0));
    if (files.column_text(2) != "ok") run.failed.push_back(name);
    // One worksheet of several is named "book.xlsx#Sheet": the input is the book.
    const size_t hash = name.rfind('#');
    if (!files.column_text(1).empty() && hash != std::string::npos && !std::filesystem::exists(name) &&
        std::filesystem::exists(name.substr(0, hash))) {
      name.resize(hash);
    }
    if (seen.insert(name).second) run.inputs.push_back(std::move(name));
  }
  return run;
}

}  // namespace flexpipe
