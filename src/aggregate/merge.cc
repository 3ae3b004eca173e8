#include "aggregate/merge.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace flexpipe {

MergeResult MergeAndRank(std::span<const CandidateSet* const> sets, bool deduplicate) {
  MergeResult out;
  size_t total = 0;
  for (const CandidateSet* set : sets) {
    if (set == nullptr) continue;
    out.before_dedup += set->offered();
    total += set->candidates().size();
  }
  out.ranked.reserve(total);

  std::unordered_map<std::string_view, uint32_t> by_key;  // key → position in out.ranked
  if (deduplicate) by_key.reserve(total);
  for (uint32_t s = 0; s < sets.size(); ++s) {
    if (sets[s] == nullptr) continue;
    const auto candidates = sets[s]->candidates();
    for (uint32_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      if (deduplicate && !c.key.empty()) {
        auto [it, inserted] = by_key.emplace(c.key, static_cast<uint32_t>(out.ranked.size()));
        if (!inserted) {
          // Files arrive in order, so an equal score keeps the earlier row.
          CandidateRef& kept = out.ranked[it->second];
          if (c.result.score > Resolve(sets, kept).result.score) kept = CandidateRef{s, i};
          continue;
        }
      }
      out.ranked.push_back(CandidateRef{s, i});
    }
  }

  std::sort(out.ranked.begin(), out.ranked.end(), [&](CandidateRef a, CandidateRef b) {
    const Candidate& ca = Resolve(sets, a);
    const Candidate& cb = Resolve(sets, b);
    if (ca.result.score != cb.result.score) return ca.result.score > cb.result.score;
    return ca.id < cb.id;
  });
  // Within-file duplicates were already removed by the sets; count them too.
  out.duplicates_removed = out.before_dedup - out.ranked.size();
  return out;
}

}  // namespace flexpipe
