// "Did you mean …?" for configuration errors: the known key or environment
// variable closest to a misspelt or misplaced one. Error-path code: clarity
// over speed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace flexpipe::config {

// The key path (or section name) closest to `unknown`, e.g. "processing.max_workers"
// for "processing.max_worker", "max_workers", "input_folder" or "processing.workers",
// and "output.master_file" for the seed's flat "output_file"; nullopt when nothing
// is close.
std::optional<std::string> SuggestKey(std::string_view unknown);

// The FLEXPIPE_* variable closest to `unknown`, e.g. "FLEXPIPE_PROCESSING_MAX_WORKERS"
// for "FLEXPIPE_MAX_WORKERS"; nullopt when nothing is close.
std::optional<std::string> SuggestEnvVar(std::string_view unknown);

}  // namespace flexpipe::config
