// Renders a RunSummary as the JSON summary documented key by key in
// docs/summary-schema.md. Keys come in a fixed, human-friendly order; scores
// and other figures are rounded to 2 decimals, durations to 3; NaN and
// infinity never appear (a figure that does not exist is null). The same
// summary always renders to the same bytes; with include_volatile = false the
// run's start time and every duration are left out, so two runs over the
// same inputs can be compared byte for byte.
#pragma once

#include <filesystem>
#include <string>

#include "core/env.h"
#include "flexpipe/status.h"
#include "flexpipe/summary.h"

namespace flexpipe {

// The version of the summary's layout (the JSON's "summary_version"); raised
// when a key is removed or changes meaning, not when one is added.
inline constexpr int kSummaryVersion = 1;
// Row-level problems shown per file (files.details[].row_problems); the
// rejects file lists them all.
inline constexpr size_t kRowProblemSamples = 20;

// Pretty-printed (2-space indent) JSON ending in a newline. Text that is not
// valid UTF-8 is rendered with U+FFFD in place of the bad bytes.
std::string SummaryToJson(const RunSummary& summary, bool include_volatile = true);

// Writes SummaryToJson(summary) to `path` through an AtomicFile. With a
// non-empty `backup_stamp`, an existing file is kept as <stem>.<stamp>.json
// (output.existing: backup; AtomicFile::KeepExistingAsBackup).
Status WriteSummaryJson(FileSystem* fs, const std::filesystem::path& path, const RunSummary& summary,
                        std::string backup_stamp = {});

}  // namespace flexpipe
