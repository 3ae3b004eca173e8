// Stage "merge": combine the per-file candidate sets in file order,
// de-duplicate across files (highest score wins, ties to the smallest row
// identity) and rank (score descending, identity ascending). Nothing is
// copied: the result refers to candidates inside the sets, 8 bytes each.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "aggregate/candidate_reader.h"
#include "aggregate/candidate_set.h"
#include "flexpipe/status.h"

namespace flexpipe {

struct MergeResult {
  std::vector<CandidateRef> ranked;  // unique candidates, best first
  uint64_t before_dedup = 0;         // every candidate offered to any set
  uint64_t duplicates_removed = 0;   // before_dedup - ranked.size()
};

// `sets` are in file order, each sealed (CandidateSet::Seal); null entries
// (failed files) are skipped. Fails only when a spilled candidate's key
// cannot be read back.
Result<MergeResult> MergeAndRank(std::span<const CandidateSet* const> sets, bool deduplicate);

}  // namespace flexpipe
