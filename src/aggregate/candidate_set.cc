#include "aggregate/candidate_set.h"

namespace flexpipe {

void CellPacker::Add(std::string_view cell) {
  size_t n = cell.size();
  while (n >= 0x80) {
    buf_.push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  buf_.push_back(static_cast<char>(n));
  buf_.append(cell);
}

bool PackedCells::Next(std::string_view* cell) {
  if (rest_.empty()) return false;
  size_t n = 0;
  int shift = 0;
  size_t i = 0;
  while (i < rest_.size()) {
    const auto b = static_cast<unsigned char>(rest_[i++]);
    n |= static_cast<size_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) break;
    shift += 7;
  }
  *cell = rest_.substr(i, n);
  rest_.remove_prefix(i + n);
  return true;
}

void CandidateSet::Add(const RowId& id, const ScoreResult& result, std::string_view packed_cells,
                       std::string_view key) {
  ++offered_;
  if (dedup_ && !key.empty()) {
    const auto position = static_cast<uint32_t>(candidates_.size());
    const auto [found, inserted] =
        by_key_.FindOrInsert(key, position, [this](uint32_t p) { return candidates_[p].key; });
    if (!inserted) {
      Candidate& existing = candidates_[found];
      if (result.score > existing.result.score) {
        existing.id = id;
        existing.result = result;
        existing.packed_cells = arena_.Copy(packed_cells);
      }
      return;
    }
    candidates_.push_back(Candidate{id, result, arena_.Copy(packed_cells), arena_.Copy(key)});
    return;
  }
  candidates_.push_back(Candidate{id, result, arena_.Copy(packed_cells), {}});
}

size_t CandidateSet::memory_bytes() const {
  return arena_.bytes_reserved() + candidates_.capacity() * sizeof(Candidate) + by_key_.memory_bytes();
}

}  // namespace flexpipe
