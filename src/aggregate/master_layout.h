// The columns of the master outputs: canonical fields present in any input
// (enum order), the scorer's columns, provenance, then the union of
// pass-through columns (matched by normalised header, first-seen spelling,
// first-seen order over files in file order). Also maps each file's packed
// cells onto those columns.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "aggregate/candidate_set.h"
#include "score/scorer.h"

namespace flexpipe {

enum class ColumnKind : uint8_t {
  kField,        // a canonical field
  kScore,        // flex_score
  kClass,        // classification
  kComponent,    // a component score
  kFlags,        // flags
  kSourceFile,   // source_file
  kSourceRow,    // source_row
  kPassthrough,  // a column of the input that maps to no field
};

struct MasterColumn {
  std::string name;
  ColumnKind kind;
  Field field = Field::kParcelId;  // kField only
  size_t index = 0;  // kField: slot; kComponent: component index; kPassthrough: pass-through index
};

struct MasterLayout {
  std::vector<MasterColumn> columns;
  std::vector<Field> fields;             // the kField columns, in order
  std::vector<std::string> passthrough;  // the kPassthrough column names, in order
  // Per set (null sets: empty): local packed-cell index → slot, where slots
  // 0..fields.size()-1 are fields and the rest are pass-through columns.
  std::vector<std::vector<size_t>> slot_of_cell;
  size_t slot_count() const { return fields.size() + passthrough.size(); }
};

MasterLayout BuildMasterLayout(std::span<const CandidateSet* const> sets, const Scorer& scorer);

}  // namespace flexpipe

namespace flexpipe {

// Spreads a candidate's packed cells over the master slots (*slots is resized
// to slot_count(); cells the file does not have stay empty).
void UnpackSlots(const MasterLayout& layout, size_t set, const Candidate& candidate,
                 std::vector<std::string_view>* slots);

}  // namespace flexpipe
