// One file's flex candidates, already de-duplicated within the file
// (design.md: "per-file candidate sets"). Each candidate's output cells are
// packed into the set's arena, so memory grows with unique candidates, not
// with input rows. A set is built by one thread and read-only afterwards.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/key_index.h"
#include "core/arena.h"
#include "core/row_id.h"
#include "flexpipe/fields.h"
#include "score/scorer.h"

namespace flexpipe {

// The layout of a file's packed cells: its canonical fields (enum order) then
// its pass-through columns.
struct CandidateLayout {
  std::vector<Field> fields;
  std::vector<std::string> passthrough_headers;
  size_t cell_count() const { return fields.size() + passthrough_headers.size(); }
};

struct Candidate {
  RowId id;
  ScoreResult result;
  std::string_view packed_cells;  // see PackedCells
  std::string_view key;           // de-duplication key; empty = never merged
};

// Packs cells as <varint length><bytes>...; iterate with PackedCells.
class CellPacker {
 public:
  void Clear() { buf_.clear(); }
  void Add(std::string_view cell);
  std::string_view bytes() const { return buf_; }

 private:
  std::string buf_;
};

class PackedCells {
 public:
  explicit PackedCells(std::string_view packed) : rest_(packed) {}
  // Next cell; false when none is left.
  bool Next(std::string_view* cell);

 private:
  std::string_view rest_;
};

class CandidateSet {
 public:
  CandidateSet(CandidateLayout layout, bool deduplicate) : layout_(std::move(layout)), dedup_(deduplicate) {}
  CandidateSet(const CandidateSet&) = delete;
  CandidateSet& operator=(const CandidateSet&) = delete;

  // Offers a candidate. With de-duplication on and a non-empty key, a row
  // whose key was seen before replaces the earlier one only when its score is
  // strictly higher (ties keep the first in file order).
  void Add(const RowId& id, const ScoreResult& result, std::string_view packed_cells, std::string_view key);
  // Counts `n` offers that were merged away before the set was stored: the
  // store rebuilds a set from its unique candidates, then restores offered().
  void AddMergedOffers(uint64_t n) { offered_ += n; }

  const CandidateLayout& layout() const { return layout_; }
  // Unique candidates, in order of their key's first appearance.
  std::span<const Candidate> candidates() const { return candidates_; }
  uint64_t offered() const { return offered_; }  // before de-duplication
  uint64_t duplicates() const { return offered_ - candidates_.size(); }
  size_t memory_bytes() const;

 private:
  CandidateLayout layout_;
  bool dedup_;
  Arena arena_;
  std::vector<Candidate> candidates_;
  KeyIndex by_key_;  // key -> position in candidates_
  uint64_t offered_ = 0;
};

}  // namespace flexpipe
