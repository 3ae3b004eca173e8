// The library's entry point: run the whole pipeline
//   discover → read → map → parse values → score → collect → merge → write
// for one set of options. The library never prints; it reports progress to
// a listener and returns a RunSummary (or the Status that stopped the run).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/options.h"
#include "flexpipe/status.h"
#include "flexpipe/summary.h"

namespace flexpipe {

class FileSystem;
class Clock;

// Progress callbacks. Called from worker threads: implementations must be
// thread-safe. Every method has a no-op default.
class ProgressListener {
 public:
  virtual ~ProgressListener() = default;
  // After discovery, before any file is read (seed requirement 1.2).
  virtual void OnDiscovered(const std::vector<std::string>& /*files*/,
                            const std::vector<Problem>& /*skipped*/) {}
  // `ordinal` is the file's place in the sorted list OnDiscovered gave (from 0).
  // With several workers, files start and finish in any order.
  virtual void OnFileStarted(const std::string& /*path*/, uint32_t /*ordinal*/) {}
  // While a file is read: after a batch of rows, once logging.progress_interval
  // rows have been read since the last call.
  virtual void OnFileProgress(uint32_t /*ordinal*/, const std::string& /*path*/, uint64_t /*rows*/,
                              uint64_t /*bytes_read*/, uint64_t /*total_bytes*/) {}
  virtual void OnFileFinished(const FileReport& /*report*/) {}
  // After each group of processing.batch_size files (files [0, files_done)
  // have all finished), when the run has more than one group.
  virtual void OnGroupFinished(size_t /*files_done*/, size_t /*files_total*/) {}
  // A stage after reading starts: "merge", "write".
  virtual void OnStage(std::string_view /*stage*/) {}
};

struct RunContext {
  ProgressListener* listener = nullptr;       // may be null
  FileSystem* fs = nullptr;                   // null = the real file system
  Clock* clock = nullptr;                     // null = the system clock
  const std::atomic<bool>* cancel = nullptr;  // set to stop early (SIGINT)
  // Use the stored results of files whose content and settings are unchanged
  // instead of reading them again (docs/store.md); false = read every file
  // (`flexpipe run --full`). Ignored without a store.
  bool reuse_stored_files = true;
  // Validation only (`flexpipe validate`, `run --dry-run`): when > 0, each
  // input's header and first `validate_sample_rows` rows are read, mapped and
  // scored, and the summary describes the files (mapping, unmapped headers,
  // failures, row problems, schema differences) — no candidates are merged,
  // nothing is written, the store is not opened. Default: 0 (a real run).
  uint64_t validate_sample_rows = 0;
};

// Fails only when the run as a whole cannot happen or finish (bad options,
// missing input, outputs that cannot be written). Files that fail are
// reported in the summary; the run goes on without them.
Result<RunSummary> RunPipeline(const PipelineOptions& options, const RunContext& context = {});

// The master CSV's path for a master workbook path: same name, ".csv".
std::string MasterCsvPath(const std::string& master_file);

std::string_view FlexpipeVersion();

}  // namespace flexpipe
