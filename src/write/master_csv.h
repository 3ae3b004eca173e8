// Writes the master CSV: the ranked unique candidates over the master
// layout's columns (docs/outputs.md). Written to a temporary file and renamed
// into place, so an existing master CSV is never left half-written. Cells are
// rendered by write/master_cells.h, which the master workbook shares.
#pragma once

#include <filesystem>
#include <span>
#include <string>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "core/env.h"
#include "score/scorer.h"

namespace flexpipe {

// With a non-empty `backup_stamp`, an existing file at `path` is kept as
// <stem>.<stamp>.csv (output.existing: backup; AtomicFile::KeepExistingAsBackup).
Status WriteMasterCsv(FileSystem* fs, const std::filesystem::path& path,
                      std::span<const CandidateSet* const> sets, const MergeResult& merged,
                      const MasterLayout& layout, const Scorer& scorer,
                      std::span<const std::string> file_paths, std::string backup_stamp = {});

}  // namespace flexpipe
