// What a run does with an output file that is already there (setting
// output.existing; docs/outputs.md, "Existing outputs"):
//   replace  the new file replaces it (atomically);
//   backup   it is renamed to <stem>.<YYYYMMDD-HHMMSS><ext> — the run's start
//            time in UTC — just before the new file is renamed into place;
//   version  it is left alone and the run writes <stem>_v<N><ext> instead,
//            N ≥ 2 the smallest number free for every output of the run, so
//            the master workbook, master CSV and summary of one run share it.
// Names are checked through the FileSystem; pure otherwise. Thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"

namespace flexpipe {

enum class ExistingOutputPolicy : uint8_t { kReplace, kBackup, kVersion };

// "replace", "backup", "version" (exact spelling); nullopt for anything else.
std::optional<ExistingOutputPolicy> ParseExistingOutputPolicy(std::string_view name);

// "20250614-093012" for "2025-06-14T09:30:12Z" (Clock::NowUtcIso); "" when
// `utc_iso` is not in that form.
std::string BackupStamp(std::string_view utc_iso);

// Whether a file (or anything else) exists at `path`: false when the
// FileSystem says kNotFound, an error for any other failure to tell.
Result<bool> PathExists(FileSystem* fs, const std::filesystem::path& path);

// Where an existing `destination` is kept: <stem>.<stamp><ext> in its folder,
// or <stem>.<stamp>-2<ext>, -3, ... when that name is taken.
Result<std::filesystem::path> FreeBackupPath(FileSystem* fs, const std::filesystem::path& destination,
                                             std::string_view stamp);

// Whether a file named `name` is `output` itself or a copy a run keeps of it
// (by name only; the folder is the caller's to compare): for "master.xlsx",
// "master.xlsx", "master.20250614-093012.xlsx", "master.20250614-093012-2.xlsx"
// and "master_v3.xlsx" — not "master_v3b.xlsx" or "master.2025.xlsx".
bool IsOutputOrKeptCopyName(const std::filesystem::path& output, std::string_view name);

// <stem>_v<n><ext>: "out/master.xlsx", 2 → "out/master_v2.xlsx".
std::filesystem::path VersionedPath(const std::filesystem::path& path, uint32_t n);

// The paths a run writes under kVersion: `paths` themselves when none of them
// exists, else VersionedPath(p, N) for each, N ≥ 2 the smallest for which none
// exists. Empty paths (outputs turned off) stay empty.
Result<std::vector<std::filesystem::path>> FreeVersionedPaths(FileSystem* fs,
                                                              std::span<const std::filesystem::path> paths);

}  // namespace flexpipe
