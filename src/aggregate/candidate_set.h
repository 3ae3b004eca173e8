// One file's flex candidates, already de-duplicated within the file
// (design.md: "per-file candidate sets"). Memory grows with unique
// candidates, not with input rows: 28 bytes each, plus their records for as
// long as the run's candidate memory budget holds them (then they spill to a
// scratch file). A set is built by one thread and read-only after Seal().
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/key_index.h"
#include "core/record_log.h"
#include "core/row_id.h"
#include "flexpipe/fields.h"
#include "flexpipe/status.h"
#include "score/scorer.h"

namespace flexpipe {

// The layout of a file's packed cells: its canonical fields (enum order) then
// its pass-through columns.
struct CandidateLayout {
  std::vector<Field> fields;
  std::vector<std::string> passthrough_headers;
  size_t cell_count() const { return fields.size() + passthrough_headers.size(); }
};

// A candidate in full, as CandidateSet::Load gives it back.
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

// What a set keeps in memory per candidate: 24 bytes, plus 4 for its place in
// the rank order. The rest of the candidate (component scores, flags,
// classification, key and cells) is a record in the set's RecordLog, in
// memory or spilled to a scratch file (core/record_log.h).
struct CandidateEntry {
  double score = 0;
  uint64_t row = 0;     // RowId::row (file and sheet are the set's)
  uint64_t record = 0;  // offset of the rest in the set's log
};

class CandidateSet {
 public:
  CandidateSet(CandidateLayout layout, bool deduplicate, SpillOptions spill = {})
      : layout_(std::move(layout)), dedup_(deduplicate), log_(std::move(spill)) {}
  CandidateSet(const CandidateSet&) = delete;
  CandidateSet& operator=(const CandidateSet&) = delete;

  // Offers a candidate. With de-duplication on and a non-empty key, a row
  // whose key was seen before replaces the earlier one only when its score is
  // strictly higher (ties keep the first in file order). Every row of a set
  // comes from one file and sheet. Fails only when a spilled set's scratch
  // file does; the set then takes no more rows (every later Add fails too).
  Status Add(const RowId& id, const ScoreResult& result, std::string_view packed_cells, std::string_view key);
  // Counts `n` offers that were merged away before the set was stored: the
  // store rebuilds a set from its unique candidates, then restores offered().
  void AddMergedOffers(uint64_t n) { offered_ += n; }
  // Ends adding: drops the de-duplication index and works out rank_order().
  // Required before the set is merged.
  void Seal();

  const CandidateLayout& layout() const { return layout_; }
  // Unique candidates, indexed 0..size()-1 in order of their key's first appearance.
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  double score(size_t i) const { return entries_[i].score; }
  RowId id(size_t i) const { return RowId{file_, sheet_, entries_[i].row}; }
  // Candidate i in full. Its views point into the set or into `scratch`: valid
  // until `scratch` is used again (and, while adding, until the next Add).
  // Thread-safe after Seal() (with a scratch per thread).
  Status Load(size_t i, std::string* scratch, Candidate* out) const;
  // Candidate i's de-duplication key only (empty: none), as Load gives it.
  Status KeyAt(size_t i, std::string* scratch, std::string_view* key) const;
  // Start loading candidate i into the cache: its entry, and (once the entry
  // is there) its record when that is in memory.
  void PrefetchEntry(size_t i) const { __builtin_prefetch(entries_.data() + i); }
  void PrefetchRecord(size_t i) const { log_.Prefetch(entries_[i].record); }
  // Candidate indices best first: score descending, then row. After Seal().
  std::span<const uint32_t> rank_order() const { return rank_order_; }

  uint64_t offered() const { return offered_; }  // before de-duplication
  uint64_t duplicates() const { return offered_ - entries_.size(); }
  bool spilled() const { return log_.spilled(); }
  size_t memory_bytes() const;

 private:
  Status Insert(const RowId& id, const ScoreResult& result, std::string_view packed_cells,
                std::string_view key);

  CandidateLayout layout_;
  bool dedup_;
  uint32_t file_ = 0, sheet_ = 0;
  RecordLog log_;
  std::vector<CandidateEntry> entries_;
  std::vector<uint32_t> rank_order_;
  KeyIndex by_key_;  // key -> index in entries_, until Seal()
  std::string record_, key_scratch_;
  uint64_t offered_ = 0;
  Status broken_;  // why adding failed
};

}  // namespace flexpipe
