#include "aggregate/candidate_reader.h"

namespace flexpipe {

const Candidate& CandidateReader::Read(CandidateRef ref) {
  if (status_.ok()) {
    Status s = sets_[ref.set]->Load(ref.index, &scratch_, &candidate_);
    if (s.ok()) return candidate_;
    status_ = std::move(s);
  }
  candidate_ = Candidate{};
  return candidate_;
}

void CandidateReader::PrefetchAhead(std::span<const CandidateRef> ranked, size_t i) const {
  constexpr size_t kEntryAhead = 16;  // the entry itself, then
  constexpr size_t kRecordAhead = 8;  // its record (found through it)
  if (i + kEntryAhead < ranked.size()) {
    const CandidateRef far = ranked[i + kEntryAhead];
    sets_[far.set]->PrefetchEntry(far.index);
  }
  if (i + kRecordAhead < ranked.size()) {
    const CandidateRef near = ranked[i + kRecordAhead];
    sets_[near.set]->PrefetchRecord(near.index);
  }
}

}  // namespace flexpipe
