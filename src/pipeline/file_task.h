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
#include "discover/discovery.h"
#include "flexpipe/pipeline.h"
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
  size_t max_row_problem_samples = 20;
  ProgressListener* listener = nullptr;
  const std::atomic<bool>* cancel = nullptr;
};

// Per-field counts for the data-quality report.
struct FieldCounts {
  std::array<uint64_t, kFieldCount> rows_with_column{};
  std::array<uint64_t, kFieldCount> present{};
  std::array<uint64_t, kFieldCount> parse_failures{};
};

struct FileOutcome {
  FileReport report;
  ColumnSet columns;                         // canonical fields this file provides
  std::unique_ptr<CandidateSet> candidates;  // null when the file failed
  FieldCounts counts;
};

FileOutcome ProcessFile(const DiscoveredFile& file, uint32_t ordinal, const FileTaskContext& context);

}  // namespace flexpipe
