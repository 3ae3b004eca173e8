// Stage "merge": combine the per-file candidate sets in file order,
// de-duplicate across files (highest score wins, ties to the smallest row
// identity) and rank (score descending, identity ascending). Nothing is
// copied: the result refers to candidates inside the sets.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "aggregate/candidate_set.h"

namespace flexpipe {

struct CandidateRef {
  uint32_t set = 0;    // index into the span given to MergeAndRank
  uint32_t index = 0;  // index into that set's candidates()
};

struct MergeResult {
  std::vector<CandidateRef> ranked;  // unique candidates, best first
  uint64_t before_dedup = 0;         // every candidate offered to any set
  uint64_t duplicates_removed = 0;   // before_dedup - ranked.size()
};

// `sets` are in file order; null entries (failed files) are skipped.
MergeResult MergeAndRank(std::span<const CandidateSet* const> sets, bool deduplicate);

inline const Candidate& Resolve(std::span<const CandidateSet* const> sets, CandidateRef ref) {
  return sets[ref.set]->candidates()[ref.index];
}

// Call before using ranked[i] when walking `ranked` in order: starts loading
// the candidates a few places ahead. Ranked order jumps around the sets'
// memory; without it, waiting for each row's cells took a third of the time
// the master files took to render.
void PrefetchRanked(std::span<const CandidateSet* const> sets, std::span<const CandidateRef> ranked,
                    size_t i);

}  // namespace flexpipe
