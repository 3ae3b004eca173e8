// Summary statistics over the ranked unique candidates (the seed's
// AggregateStatistics): score figures, distribution, classifications,
// component means, geography, averages and the top N.
#pragma once

#include <span>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "flexpipe/summary.h"
#include "score/scorer.h"

namespace flexpipe {

// Fails only when a spilled candidate cannot be read back.
Status ComputeCandidateStatistics(std::span<const CandidateSet* const> sets, const MergeResult& merged,
                                  const MasterLayout& layout, const Scorer& scorer, size_t top_n,
                                  std::span<const std::string> file_paths, RunSummary* summary);

}  // namespace flexpipe
