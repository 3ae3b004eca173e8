#include "pipeline/batch_scorer.h"

#include <algorithm>

#include "aggregate/candidate_set.h"
#include "aggregate/dedup_key.h"
#include "core/hash.h"
#include "schema/value_format.h"

namespace flexpipe {
namespace {

// Text and ids get distinct counts; numbers, money and dates a range.
bool TracksDistinct(Field f) {
  const FieldType t = InfoOf(f).type;
  return t == FieldType::kText || t == FieldType::kId;
}

}  // namespace

void AddFieldTotals(const FieldTotals& from, FieldTotals* into) {
  for (size_t k = 0; k < kFieldCount; ++k) {
    into->rows_with_column[k] += from.rows_with_column[k];
    into->parse_failures[k] += from.parse_failures[k];
    if (from.present[k] > 0) {
      const bool first = into->present[k] == 0;
      into->min[k] = first ? from.min[k] : std::min(into->min[k], from.min[k]);
      into->max[k] = first ? from.max[k] : std::max(into->max[k], from.max[k]);
      into->present[k] += from.present[k];
    }
  }
}

BatchScorer::BatchScorer(const HeaderMapping& mapping, std::vector<Field> fields,
                         std::vector<size_t> passthrough, std::span<const Field> key_fields, bool deduplicate,
                         const Scorer& scorer, const ColumnSet& columns)
    : builder_(mapping),
      fields_(std::move(fields)),
      passthrough_(std::move(passthrough)),
      key_fields_(key_fields),
      deduplicate_(deduplicate),
      scorer_(scorer),
      columns_(columns) {
  for (const Field f : fields_) tracks_distinct_[Index(f)] = TracksDistinct(f);
}

void BatchScorer::Score(ScoredBatch* batch) const {
  const RawBatch& rows = batch->rows;
  batch->scored.assign(rows.rows(), ScoredRow{});
  batch->problems.clear();
  batch->distinct.clear();
  batch->packed.clear();
  batch->keys.clear();
  batch->counts = FieldTotals{};
  FieldTotals& counts = batch->counts;

  Record record;
  std::vector<ValueProblem> problems;
  CellPacker packer;
  std::string cell, key;
  std::vector<std::string_view> key_texts(key_fields_.size());
  for (size_t i = 0; i < rows.rows(); ++i) {
    ScoredRow& out = batch->scored[i];
    builder_.Build(rows.row(i), &record, &problems);
    for (const ValueProblem& p : problems) ++counts.parse_failures[Index(p.field)];
    batch->problems.insert(batch->problems.end(), problems.begin(), problems.end());
    for (const Field f : fields_) {
      const size_t k = Index(f);
      ++counts.rows_with_column[k];
      const FieldValue& v = record[f];
      if (!v.present) continue;
      const bool first = ++counts.present[k] == 1;
      if (tracks_distinct_[k]) {
        batch->distinct.push_back(DistinctValue{static_cast<uint32_t>(k), Fnv1a64(v.text)});
      } else {
        counts.min[k] = first ? v.number : std::min(counts.min[k], v.number);
        counts.max[k] = first ? v.number : std::max(counts.max[k], v.number);
      }
    }
    scorer_.Score(record, columns_, &out.result);
    if (out.result.candidate) {
      packer.Clear();
      for (const Field f : fields_) {
        cell.clear();
        AppendCanonical(record[f], InfoOf(f).type, &cell);
        packer.Add(cell);
      }
      const auto cells = rows.row(i);
      for (const size_t col : passthrough_) packer.Add(col < cells.size() ? cells[col] : std::string_view());
      batch->packed.append(packer.bytes());
      if (deduplicate_) {
        for (size_t k = 0; k < key_fields_.size(); ++k) {
          const Field f = key_fields_[k];
          key_texts[k] = record.has(f) ? record.text(f) : std::string_view();
        }
        if (BuildDedupKey(key_fields_, key_texts, &key)) batch->keys.append(key);
      }
    }
    out.problems_end = static_cast<uint32_t>(batch->problems.size());
    out.distinct_end = static_cast<uint32_t>(batch->distinct.size());
    out.packed_end = static_cast<uint32_t>(batch->packed.size());
    out.key_end = static_cast<uint32_t>(batch->keys.size());
  }
}

}  // namespace flexpipe
