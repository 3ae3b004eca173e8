// One file, start to finish: open → header → map → per batch: build records,
// score, collect candidates. Runs on one worker thread; the outcome is
// complete or the file failed as a whole (design.md: per-file sets).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "aggregate/candidate_set.h"
#include "core/env.h"
#include "core/memory_usage.h"
#include "core/record_log.h"
#include "discover/discovery.h"
#include "flexpipe/pipeline.h"
#include "pipeline/batch_scorer.h"
#include "read/open_source.h"
#include "schema/header_mapping.h"
#include "score/scorer.h"

namespace flexpipe {

struct FileTaskContext {
  FileSystem* fs = nullptr;
  Clock* clock = nullptr;
  const Scorer* scorer = nullptr;
  HeaderMappingOptions mapping;
  SourceOptions source;
  std::vector<Field> key_fields;  // de-duplication key
  bool deduplicate = true;
  size_t max_rejects_per_file = 100000;  // output.max_rejects_per_file
  bool strict_rows = false;              // processing.strict_rows
  // Transient failures (IsTransient: a file locked, or still being written)
  // are tried again: `max_attempts` tries in all, waiting `retry_backoff_seconds`
  // before the second, doubling up to `max_backoff_seconds`, each wait
  // jittered by ±25 %. Permanent failures are never retried.
  int max_attempts = 3;
  double retry_backoff_seconds = 1.0;
  double max_backoff_seconds = 30.0;
  // A file still being read after this long fails with TIMED_OUT (checked
  // between batches of rows); 0 = no limit.
  double timeout_seconds = 0;
  // When the process's resident memory exceeds this between two batches, the
  // file fails with RESOURCE_LIMIT; above 80 % of it the file gets a note.
  // 0 = no limit. `resident_bytes` measures it (core/memory_usage.h).
  uint64_t memory_limit_bytes = 0;
  uint64_t (*resident_bytes)() = &ResidentSetBytes;
  // Where candidate sets keep their rows beyond the run's candidate memory
  // budget (core/record_log.h); no budget = all in memory.
  SpillOptions spill;
  // Stop after this many data rows (validation samples); 0 = every row.
  uint64_t max_rows = 0;
  ProgressListener* listener = nullptr;
  // Rows between the listener's progress calls (logging.progress_interval);
  // they come after a batch, so at most one per batch of rows.
  uint64_t progress_every_rows = 100;
  const std::atomic<bool>* cancel = nullptr;
};

// Per-field counts for the data-quality report.
struct FieldCounts : FieldTotals {
  // Text and id fields: Fnv1a64 of each distinct usable value, sorted, at
  // most kDistinctValuesCap + 1 of them (one more = "more than the cap").
  std::array<std::vector<uint64_t>, kFieldCount> distinct;
};

// Adds `from` (another file's counts) into `into`.
void MergeFieldCounts(const FieldCounts& from, FieldCounts* into);

struct FileOutcome {
  FileReport report;
  ColumnSet columns;                         // canonical fields this file provides
  std::unique_ptr<CandidateSet> candidates;  // null when the file failed
  FieldCounts counts;
};

// One input of a run: a file, or one worksheet of a workbook when
// `input.sheet` is "all" (each sheet is then an input of its own).
struct InputUnit {
  DiscoveredFile file;
  std::string name;            // the file's path, or "path#Sheet" for one sheet of several
  std::string sheet;           // sheet selector for the XLSX reader; "" = the configured default
  uint32_t sheet_ordinal = 0;  // RowId::sheet: the sheet's 1-based position, 0 when not split
};

// The run's inputs in order: each discovered file, a workbook split into its
// visible worksheets when `sheet` is "all" (a workbook whose sheets cannot be listed
// stays one input and fails when it is read, with the reason).
std::vector<InputUnit> ExpandInputs(FileSystem* fs, const std::vector<DiscoveredFile>& files,
                                    const std::string& sheet, const XlsxOptions& xlsx);

// Reads one input, trying again after a transient failure (see
// FileTaskContext::max_attempts); a file whose size or modification time
// changed while it was read fails with FILE_CHANGED (and is tried again).
FileOutcome ProcessFile(const InputUnit& unit, uint32_t ordinal, const FileTaskContext& context);
// A whole file as one input (its default sheet).
inline FileOutcome ProcessFile(const DiscoveredFile& file, uint32_t ordinal, const FileTaskContext& context) {
  return ProcessFile(InputUnit{file, file.path.string(), "", 0}, ordinal, context);
}

}  // namespace flexpipe
