// One row of raw cells → a canonical Record, using a file's HeaderMapping.
//
// For each mapped column the cell is trimmed (ASCII white space). An empty
// cell or a missing marker (IsMissingMarker: "N/A", "-", "NULL", ...) leaves
// the field missing — for text fields too, so a literal "N/A" address is no
// address. Text and id fields are otherwise present with the trimmed text,
// never re-formatted (parcel ids and ZIP codes keep their leading zeros).
// Number, money, integer, date and boolean fields are parsed (ParseTyped); a
// cell that does not parse is missing with parse_failed set, keeps its text,
// and is reported as a ValueProblem. Cells beyond the end of a short row are
// empty. When acres is missing (no column, or an empty, missing or unparsable
// cell) and lot_sqft is present, acres = lot_sqft / 43560.
//
// FieldValue::text is the trimmed cell when the field is present or failed to
// parse, and empty when it is missing; text views point into the caller's
// cells. Build() allocates nothing unless a cell fails to parse (and then only
// to grow `problems`). Immutable after construction; safe to share across
// threads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "flexpipe/fields.h"
#include "schema/header_mapping.h"
#include "schema/record.h"

namespace flexpipe {

inline constexpr double kSquareFeetPerAcre = 43560.0;

// A cell that did not parse as its field's type.
struct ValueProblem {
  Field field;
  size_t column;         // source column index (0-based)
  std::string_view raw;  // the trimmed cell text; points into the row's cells
};

class RecordBuilder {
 public:
  // Keeps what it needs of `m`; `m` may be destroyed afterwards.
  explicit RecordBuilder(const HeaderMapping& m);

  // Overwrites *out with the row's values. `problems` may be null; otherwise
  // it is cleared and then receives one entry per cell that failed to parse,
  // in field order.
  void Build(std::span<const std::string_view> cells, Record* out, std::vector<ValueProblem>* problems) const;

 private:
  struct Slot {
    uint32_t column;
    Field field;
    FieldType type;
  };
  std::vector<Slot> slots_;  // one per mapped field, in field order
  bool derive_acres_ = false;
};

}  // namespace flexpipe
