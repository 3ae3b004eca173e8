// The part of reading a file that runs on every core: turning a batch of
// raw rows into records, value problems, field counts, scores, packed cells
// and de-duplication keys. Batches are scored in parallel, each by one
// thread; what must happen in row order (listing problems up to the cap,
// the first distinct values, offering candidates to the file's set, where
// ties keep the earlier row) is left to the caller, which takes the
// ScoredBatches in order (pipeline/file_task.cc).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "read/raw_batch.h"
#include "schema/header_mapping.h"
#include "schema/record_builder.h"
#include "score/scorer.h"

namespace flexpipe {

// One row's outcome.
struct ScoredRow {
  ScoreResult result;
  uint32_t problems_end = 0;  // its problems: ScoredBatch::problems[previous row's end, this)
  uint32_t distinct_end = 0;  // its distinct-value hashes, likewise
  uint32_t packed_end = 0;    // its packed cells (candidates only), likewise in ScoredBatch::packed
  uint32_t key_end = 0;       // its de-duplication key, likewise in ScoredBatch::keys; empty = none
};

// Per-field counts that do not depend on row order: a batch's, a file's
// (FieldCounts adds its distinct values), a run's.
struct FieldTotals {
  std::array<uint64_t, kFieldCount> rows_with_column{};
  std::array<uint64_t, kFieldCount> present{};
  std::array<uint64_t, kFieldCount> parse_failures{};
  // Numbers, money and dates (days since 1970-01-01): the smallest and
  // largest usable value; meaningful when present > 0.
  std::array<double, kFieldCount> min{};
  std::array<double, kFieldCount> max{};
};

// Adds `from` into `into`.
void AddFieldTotals(const FieldTotals& from, FieldTotals* into);

struct DistinctValue {
  uint32_t field;  // Index(field)
  uint64_t hash;   // Fnv1a64 of the value's text
};

struct ScoredBatch {
  RawBatch rows;                        // a copy: the reader has moved on
  std::vector<ScoredRow> scored;        // one per row of `rows`
  std::vector<ValueProblem> problems;   // raw texts point into `rows`
  std::vector<DistinctValue> distinct;  // text and id fields' values, in row order
  std::string packed;                   // CellPacker bytes of the candidates
  std::string keys;
  FieldTotals counts;

  std::string_view Packed(size_t row) const { return Slice(packed, row, &ScoredRow::packed_end); }
  std::string_view Key(size_t row) const { return Slice(keys, row, &ScoredRow::key_end); }
  std::span<const ValueProblem> Problems(size_t row) const {
    const uint32_t begin = row == 0 ? 0 : scored[row - 1].problems_end;
    return std::span<const ValueProblem>(problems).subspan(begin, scored[row].problems_end - begin);
  }
  std::span<const DistinctValue> Distinct(size_t row) const {
    const uint32_t begin = row == 0 ? 0 : scored[row - 1].distinct_end;
    return std::span<const DistinctValue>(distinct).subspan(begin, scored[row].distinct_end - begin);
  }

 private:
  std::string_view Slice(const std::string& bytes, size_t row, uint32_t ScoredRow::*end) const {
    const uint32_t begin = row == 0 ? 0 : scored[row - 1].*end;
    return std::string_view(bytes).substr(begin, scored[row].*end - begin);
  }
};

class BatchScorer {
 public:
  // `fields` are the file's canonical fields in packing order, then the
  // pass-through columns' cells are packed; `key_fields` give the key when
  // `deduplicate`. Everything referenced must outlive the scorer.
  BatchScorer(const HeaderMapping& mapping, std::vector<Field> fields, std::vector<size_t> passthrough,
              std::span<const Field> key_fields, bool deduplicate, const Scorer& scorer,
              const ColumnSet& columns);

  // Fills everything in `batch` but `rows`, which it reads. Thread-safe:
  // any number of batches at once.
  void Score(ScoredBatch* batch) const;

 private:
  const RecordBuilder builder_;
  const std::vector<Field> fields_;
  const std::vector<size_t> passthrough_;
  const std::span<const Field> key_fields_;
  const bool deduplicate_;
  const Scorer& scorer_;
  const ColumnSet columns_;
  std::array<bool, kFieldCount> tracks_distinct_{};  // text and id fields; the others get a range
};

}  // namespace flexpipe
