// Reading candidates back out of their sets, wherever a set keeps them (in
// memory, or spilled to its scratch file): the way every stage after the
// merge sees a candidate.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "aggregate/candidate_set.h"
#include "flexpipe/status.h"

namespace flexpipe {

// A candidate of a run: which set, which candidate in it.
struct CandidateRef {
  uint32_t set = 0;    // index into the run's sets (file order)
  uint32_t index = 0;  // CandidateSet index
};

// One thread at a time; one reader per thread.
class CandidateReader {
 public:
  explicit CandidateReader(std::span<const CandidateSet* const> sets) : sets_(sets) {}

  // The candidate, valid until the next Read. When a spilled candidate cannot
  // be read back, an empty candidate, and status() says why (and stays so).
  const Candidate& Read(CandidateRef ref);
  const Status& status() const { return status_; }

  // Call before Read(ranked[i]) when walking `ranked` in order: starts loading
  // the candidates a few places ahead. Ranked order jumps around the sets'
  // memory; without it, waiting for each row's cells took a third of the time
  // the master files took to render.
  void PrefetchAhead(std::span<const CandidateRef> ranked, size_t i) const;

 private:
  std::span<const CandidateSet* const> sets_;
  std::string scratch_;
  Candidate candidate_;
  Status status_;
};

}  // namespace flexpipe
