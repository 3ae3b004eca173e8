#include "aggregate/candidate_set.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include <tbb/parallel_sort.h>

#include "core/varint.h"

namespace flexpipe {

void CellPacker::Add(std::string_view cell) {
  AppendVarint(cell.size(), &buf_);
  buf_.append(cell);
}

bool PackedCells::Next(std::string_view* cell) {
  uint64_t n = 0;
  const size_t header = DecodeVarint(rest_, &n);
  if (header == 0) return false;
  *cell = rest_.substr(header, static_cast<size_t>(n));
  rest_.remove_prefix(std::min(rest_.size(), header + cell->size()));
  return true;
}

namespace {

// A candidate's record: <component count><components, 8 bytes each><flags,
// 4 bytes><classification><varint key length><key><packed cells>. Trailing
// components that are exactly +0.0 are left out.
void EncodeRecord(const ScoreResult& result, std::string_view key, std::string_view cells, std::string* out) {
  size_t components = kMaxComponents;
  while (components > 0 && std::bit_cast<uint64_t>(result.components[components - 1]) == 0) --components;
  out->clear();
  out->push_back(static_cast<char>(components));
  out->append(reinterpret_cast<const char*>(result.components.data()), components * sizeof(double));
  out->append(reinterpret_cast<const char*>(&result.flags), sizeof result.flags);
  out->push_back(static_cast<char>(result.classification));
  AppendVarint(key.size(), out);
  out->append(key);
  out->append(cells);
}

// The size of a record's fixed part (components, flags, classification);
// 0 when the record is damaged.
size_t FixedPartSize(std::string_view record) {
  if (record.empty()) return 0;
  const auto components = static_cast<size_t>(static_cast<unsigned char>(record[0]));
  const size_t fixed = 1 + components * sizeof(double) + sizeof(uint32_t) + 1;
  return components <= kMaxComponents && record.size() >= fixed ? fixed : 0;
}

// A record's key and packed cells (after its fixed part); false when damaged.
bool DecodeKeyAndCells(std::string_view record, std::string_view* key, std::string_view* cells) {
  const size_t fixed = FixedPartSize(record);
  if (fixed == 0) return false;
  PackedCells rest(record.substr(fixed));
  if (!rest.Next(key)) return false;
  *cells = record.substr(static_cast<size_t>(key->data() + key->size() - record.data()));
  return true;
}

bool DecodeRecord(std::string_view record, ScoreResult* result, std::string_view* key,
                  std::string_view* cells) {
  if (!DecodeKeyAndCells(record, key, cells)) return false;
  const auto components = static_cast<size_t>(static_cast<unsigned char>(record[0]));
  result->components.fill(0);
  std::memcpy(result->components.data(), record.data() + 1, components * sizeof(double));
  std::memcpy(&result->flags, record.data() + 1 + components * sizeof(double), sizeof result->flags);
  result->classification = static_cast<Classification>(record[FixedPartSize(record) - 1]);
  return true;
}

}  // namespace

Status CandidateSet::KeyAt(size_t i, std::string* scratch, std::string_view* key) const {
  std::string_view record;
  FP_RETURN_IF_ERROR(log_.Read(entries_[i].record, scratch, &record));
  std::string_view cells;
  if (!DecodeKeyAndCells(record, key, &cells))
    return Status(ErrorCode::kInternal, "damaged candidate record");
  return Status::Ok();
}

Status CandidateSet::Add(const RowId& id, const ScoreResult& result, std::string_view packed_cells,
                         std::string_view key) {
  if (!broken_.ok()) return broken_;
  Status s = Insert(id, result, packed_cells, key);
  if (!s.ok()) broken_ = s;  // the index may hold a position with no entry: no more adding
  return s;
}

Status CandidateSet::Insert(const RowId& id, const ScoreResult& result, std::string_view packed_cells,
                            std::string_view key) {
  if (offered_++ == 0) file_ = id.file, sheet_ = id.sheet;
  EncodeRecord(result, key, packed_cells, &record_);
  if (dedup_ && !key.empty()) {
    Status failed;
    const auto same_key = [&](uint32_t p) {
      std::string_view stored;
      if (Status s = KeyAt(p, &key_scratch_, &stored); !s.ok()) {
        failed = s;
        return false;
      }
      return stored == key;
    };
    const auto [found, inserted] =
        by_key_.FindOrInsert(KeyIndex::Hash(key), static_cast<uint32_t>(entries_.size()), same_key);
    FP_RETURN_IF_ERROR(failed);
    if (!inserted) {
      CandidateEntry& existing = entries_[found];
      if (result.score > existing.score) {
        FP_ASSIGN_OR_RETURN(const uint64_t record, log_.Append(record_));
        existing = CandidateEntry{result.score, id.row, record};
      }
      return Status::Ok();
    }
  }
  FP_ASSIGN_OR_RETURN(const uint64_t record, log_.Append(record_));
  entries_.push_back(CandidateEntry{result.score, id.row, record});
  return Status::Ok();
}

namespace {

// A score's bits, ordered as the scores are (-0.0 as 0.0; no NaN scores).
uint64_t OrderedBits(double score) {
  const auto bits = std::bit_cast<uint64_t>(score == 0 ? 0.0 : score);
  return (bits >> 63) != 0 ? ~bits : bits | (uint64_t{1} << 63);
}

// Sorts `keys` (each a candidate's sort key with its index) ascending and
// writes the indices in that order to `order`.
template <typename Key>
void SortInto(std::vector<Key> keys, std::vector<uint32_t>* order) {
  tbb::parallel_sort(keys.begin(), keys.end());
  order->resize(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) (*order)[i] = keys[i].index();
}

}  // namespace

void CandidateSet::Seal() {
  by_key_ = KeyIndex();
  // Sorted on copies of score and row: comparing through the entries would
  // jump around memory at every comparison. Score descending is the
  // complement of its ordered bits ascending.
  uint64_t max_row = 0;
  for (const CandidateEntry& e : entries_) max_row = std::max(max_row, e.row);
  constexpr int kIndexBits = 24;
  if (entries_.size() < (size_t{1} << kIndexBits) && max_row < (uint64_t{1} << (64 - kIndexBits))) {
    struct Key {  // 16 bytes: row and index share a word
      uint64_t score, row_index;
      uint32_t index() const { return static_cast<uint32_t>(row_index & ((1u << kIndexBits) - 1)); }
      bool operator<(const Key& o) const {
        return score != o.score ? score < o.score : row_index < o.row_index;
      }
    };
    std::vector<Key> keys(entries_.size());
    for (uint32_t i = 0; i < keys.size(); ++i) {
      keys[i] = Key{~OrderedBits(entries_[i].score), entries_[i].row << kIndexBits | i};
    }
    SortInto(std::move(keys), &rank_order_);
    return;
  }
  struct Key {
    uint64_t score, row;
    uint32_t i;
    uint32_t index() const { return i; }
    bool operator<(const Key& o) const { return score != o.score ? score < o.score : row < o.row; }
  };
  std::vector<Key> keys(entries_.size());
  for (uint32_t i = 0; i < keys.size(); ++i)
    keys[i] = Key{~OrderedBits(entries_[i].score), entries_[i].row, i};
  SortInto(std::move(keys), &rank_order_);
}

Status CandidateSet::Load(size_t i, std::string* scratch, Candidate* out) const {
  const CandidateEntry& e = entries_[i];
  std::string_view record;
  FP_RETURN_IF_ERROR(log_.Read(e.record, scratch, &record));
  if (!DecodeRecord(record, &out->result, &out->key, &out->packed_cells)) {
    return Status(ErrorCode::kInternal, "damaged candidate record");
  }
  out->id = RowId{file_, sheet_, e.row};
  out->result.score = e.score;
  out->result.candidate = true;
  return Status::Ok();
}

size_t CandidateSet::memory_bytes() const {
  return log_.memory_bytes() + entries_.capacity() * sizeof(CandidateEntry) +
         rank_order_.capacity() * sizeof(uint32_t) + by_key_.memory_bytes();
}

}  // namespace flexpipe
