// The effective configuration as one flat JSON object, key path → value
// ({"input.folder": ["data/raw"], "filtering.min_flex_score": 4, ...}), in
// the settings table's order. The store records it with every run
// (runs.config), where SQL can read it: config ->> '$."scoring.model"'.
#pragma once

#include <string>

#include "flexpipe/options.h"

namespace flexpipe {

std::string EffectiveConfigJson(const PipelineOptions& options);

}  // namespace flexpipe
