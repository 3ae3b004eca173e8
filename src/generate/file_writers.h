// Writes one planned file (generate/scenario.h) through an OutputFile:
// good exports row by row, and the deliberately bad files of the empty,
// missing-columns and corrupted scenarios.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/date.h"
#include "core/env.h"
#include "generate/scenario.h"

namespace flexpipe::gen {

// `path` is the plan's file under the output folder (its folder must exist).
Status WritePlannedFile(FileSystem* fs, const std::filesystem::path& path, const FilePlan& plan,
                        uint64_t seed, Date as_of);

}  // namespace flexpipe::gen
