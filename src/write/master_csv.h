// Writes the master CSV: the ranked unique candidates over the master
// layout's columns (docs/outputs.md). Written to a temporary file and renamed
// into place, so an existing master CSV is never left half-written.
#pragma once

#include <filesystem>
#include <span>
#include <string>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "core/env.h"
#include "score/scorer.h"

namespace flexpipe {

Status WriteMasterCsv(FileSystem* fs, const std::filesystem::path& path,
                      std::span<const CandidateSet* const> sets, const MergeResult& merged,
                      const MasterLayout& layout, const Scorer& scorer,
                      std::span<const std::string> file_paths);

}  // namespace flexpipe
