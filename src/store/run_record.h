// A recorded run read back from the store: its `runs` row and, from
// `run_files`, the stored file behind each of its inputs — what
// `flexpipe report --run N` re-creates the run's outputs from
// (pipeline/report_from_store.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "flexpipe/status.h"
#include "store/database.h"
#include "store/run_store.h"

namespace flexpipe {

// One input of a run: the `files` row it read, or reused, at `ordinal`.
struct RunFileRef {
  uint32_t ordinal = 0;
  int64_t file_id = 0;
  bool reused = false;
};

struct RunRecord {
  int64_t id = 0;
  RunStatus status = RunStatus::kRunning;
  std::string started_at;
  std::string flexpipe_version;
  std::string config_json;        // runs.config: the effective configuration (config/config_json.h)
  std::string summary_json;       // runs.summary; "" when the run recorded none
  std::vector<RunFileRef> files;  // by ordinal
};

// Run `run_id`, or nullopt when there is none. kDatabaseError for a status
// this build does not know.
Result<std::optional<RunRecord>> LoadRunRecord(Database* db, int64_t run_id);

// The id of the most recent completed run; 0 when there is none.
Result<int64_t> LatestCompletedRunId(Database* db);

}  // namespace flexpipe
