// What `flexpipe run --retry-failed` needs from the store: the inputs of the
// last completed run, and which of them failed. Run again over exactly those
// files, the ones that succeeded are taken from the store unchanged (when
// their content is unchanged) and the failed ones are read again, so the new
// results are the old ones with the retried files merged in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "flexpipe/status.h"

namespace flexpipe {

struct PreviousRun {
  int64_t run_id = 0;
  std::vector<std::string>
      inputs;  // file paths in the run's order, each once ("book.xlsx#Sheet" → "book.xlsx")
  std::vector<std::string> failed;  // the inputs (as the run named them) that failed
};

// The last completed run in the store at `path` (opened read-only).
// kNotFound when there is no store or no completed run.
Result<PreviousRun> LoadPreviousRun(const std::string& path);

}  // namespace flexpipe
