#include "aggregate/merge.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "aggregate/key_index.h"

namespace flexpipe {

void PrefetchRanked(std::span<const CandidateSet* const> sets, std::span<const CandidateRef> ranked,
                    size_t i) {
  constexpr size_t kCandidateAhead = 16;  // the Candidate itself, then
  constexpr size_t kCellsAhead = 8;       // its packed cells (found through it)
  constexpr size_t kCellLines = 4;        // cache lines of cells: most rows' worth
  if (i + kCandidateAhead < ranked.size()) {
    const CandidateRef far = ranked[i + kCandidateAhead];
    __builtin_prefetch(sets[far.set]->candidates().data() + far.index);
  }
  if (i + kCellsAhead < ranked.size()) {
    const char* cells = Resolve(sets, ranked[i + kCellsAhead]).packed_cells.data();
    for (size_t line = 0; line < kCellLines; ++line) __builtin_prefetch(cells + 64 * line);
  }
}

MergeResult MergeAndRank(std::span<const CandidateSet* const> sets, bool deduplicate) {
  MergeResult out;
  size_t total = 0;
  for (const CandidateSet* set : sets) {
    if (set == nullptr) continue;
    out.before_dedup += set->offered();
    total += set->candidates().size();
  }
  out.ranked.reserve(total);

  // One file's set has no duplicates left; across files, keys meet here.
  size_t sets_present = 0;
  for (const CandidateSet* set : sets) sets_present += set != nullptr;
  const bool across_files = deduplicate && sets_present > 1;
  KeyIndex by_key;  // key -> position in out.ranked
  if (across_files) by_key.Reserve(total);
  const auto key_at = [&](uint32_t p) { return Resolve(sets, out.ranked[p]).key; };
  for (uint32_t s = 0; s < sets.size(); ++s) {
    if (sets[s] == nullptr) continue;
    const auto candidates = sets[s]->candidates();
    for (uint32_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      if (across_files && !c.key.empty()) {
        const auto [found, inserted] =
            by_key.FindOrInsert(c.key, static_cast<uint32_t>(out.ranked.size()), key_at);
        if (!inserted) {
          // Files arrive in order, so an equal score keeps the earlier row.
          CandidateRef& kept = out.ranked[found];
          if (c.result.score > Resolve(sets, kept).result.score) kept = CandidateRef{s, i};
          continue;
        }
      }
      out.ranked.push_back(CandidateRef{s, i});
    }
  }

  // Sorted on copies of the keys: comparing through the candidates would
  // jump around the sets' memory at every comparison.
  struct SortKey {
    double score;
    RowId id;
    CandidateRef ref;
  };
  std::vector<SortKey> keys;
  keys.reserve(out.ranked.size());
  for (const CandidateRef ref : out.ranked) {
    const Candidate& c = Resolve(sets, ref);
    keys.push_back(SortKey{c.result.score, c.id, ref});
  }
  std::sort(keys.begin(), keys.end(), [](const SortKey& a, const SortKey& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.id < b.id;
  });
  for (size_t i = 0; i < keys.size(); ++i) out.ranked[i] = keys[i].ref;
  // Within-file duplicates were already removed by the sets; count them too.
  out.duplicates_removed = out.before_dedup - out.ranked.size();
  return out;
}

}  // namespace flexpipe
