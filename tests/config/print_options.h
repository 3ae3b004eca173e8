// Test output: PipelineOptions printed as their effective YAML, so a failed
// comparison shows which setting differs.
#pragma once

#include <ostream>

#include "config/config.h"
#include "flexpipe/options.h"

namespace flexpipe {

inline void PrintTo(const PipelineOptions& options, std::ostream* os) {
  *os << "\n" << EffectiveConfigYaml(options);
}

}  // namespace flexpipe
