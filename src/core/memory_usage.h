// How much memory this process holds: the resident set, as the kernel counts
// it (what processing.memory_limit_gb is compared with).
#pragma once

#include <cstdint>

namespace flexpipe {

// Resident set size in bytes, from /proc/self/statm; 0 when unknown (not
// Linux, /proc not mounted). Cheap: one small read, no allocation.
uint64_t ResidentSetBytes();

}  // namespace flexpipe
