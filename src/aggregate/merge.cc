#include "aggregate/merge.h"

#include <queue>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/key_index.h"

namespace flexpipe {
namespace {

// Marks, per set, the candidates that lose to an equal key in another file.
// Files arrive in order, so an equal score keeps the earlier file's row.
// Reads every candidate's key (a pass over the sets' records, in order).
Result<std::vector<std::vector<bool>>> DropCrossFileDuplicates(std::span<const CandidateSet* const> sets,
                                                               size_t total) {
  std::vector<std::vector<bool>> dropped(sets.size());
  KeyIndex by_key;                    // key -> place in `holders`
  std::vector<CandidateRef> holders;  // per key: the candidate kept so far
  by_key.Reserve(total);
  std::string scratch_a, scratch_b;
  std::string_view a, b;  // the keys compared
  for (uint32_t s = 0; s < sets.size(); ++s) {
    const CandidateSet* set = sets[s];
    if (set == nullptr) continue;
    dropped[s].resize(set->size());
    for (uint32_t i = 0; i < set->size(); ++i) {
      FP_RETURN_IF_ERROR(set->KeyAt(i, &scratch_a, &a));
      if (a.empty()) continue;
      Status failed;
      const auto same_key = [&](uint32_t p) {
        if (failed.ok()) failed = sets[holders[p].set]->KeyAt(holders[p].index, &scratch_b, &b);
        return failed.ok() && a == b;
      };
      const auto [found, inserted] =
          by_key.FindOrInsert(KeyIndex::Hash(a), static_cast<uint32_t>(holders.size()), same_key);
      FP_RETURN_IF_ERROR(failed);
      if (inserted) {
        holders.push_back(CandidateRef{s, i});
        continue;
      }
      CandidateRef& kept = holders[found];
      if (set->score(i) > sets[kept.set]->score(kept.index)) {
        dropped[kept.set][kept.index] = true;
        kept = CandidateRef{s, i};
      } else {
        dropped[s][i] = true;
      }
    }
  }
  return dropped;
}

}  // namespace

Result<MergeResult> MergeAndRank(std::span<const CandidateSet* const> sets, bool deduplicate) {
  MergeResult out;
  size_t total = 0, sets_present = 0;
  for (const CandidateSet* set : sets) {
    if (set == nullptr) continue;
    out.before_dedup += set->offered();
    total += set->size();
    ++sets_present;
  }
  // One file's set has no duplicates left; across files, keys meet here.
  std::vector<std::vector<bool>> dropped;
  if (deduplicate && sets_present > 1) {
    FP_ASSIGN_OR_RETURN(dropped, DropCrossFileDuplicates(sets, total));
  }
  const auto kept = [&](uint32_t s, uint32_t i) { return dropped.empty() || !dropped[s][i]; };

  // Each set is ranked already; merging their rank orders ranks the run.
  struct Head {
    double score;
    RowId id;
    uint32_t set;
    size_t place;  // in the set's rank_order()
  };
  const auto worse = [](const Head& x, const Head& y) {
    if (x.score != y.score) return x.score < y.score;
    return x.id > y.id;
  };
  std::priority_queue<Head, std::vector<Head>, decltype(worse)> heads(worse);
  const auto push_next = [&](uint32_t s, size_t place) {
    const auto order = sets[s]->rank_order();
    while (place < order.size() && !kept(s, order[place])) ++place;
    if (place < order.size())
      heads.push(Head{sets[s]->score(order[place]), sets[s]->id(order[place]), s, place});
  };
  out.ranked.reserve(total);
  if (sets_present == 1) {
    for (uint32_t s = 0; s < sets.size(); ++s) {
      if (sets[s] == nullptr) continue;
      for (const uint32_t i : sets[s]->rank_order()) out.ranked.push_back(CandidateRef{s, i});
    }
    out.duplicates_removed = out.before_dedup - out.ranked.size();
    return out;
  }
  for (uint32_t s = 0; s < sets.size(); ++s) {
    if (sets[s] != nullptr) push_next(s, 0);
  }
  while (!heads.empty()) {
    const Head head = heads.top();
    heads.pop();
    out.ranked.push_back(CandidateRef{head.set, sets[head.set]->rank_order()[head.place]});
    push_next(head.set, head.place + 1);
  }
  // Within-file duplicates were already removed by the sets; count them too.
  out.duplicates_removed = out.before_dedup - out.ranked.size();
  return out;
}

}  // namespace flexpipe
