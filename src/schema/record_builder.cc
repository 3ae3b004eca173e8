#include "schema/record_builder.h"

#include <optional>

#include "schema/ascii.h"
#include "schema/value_parse.h"

namespace flexpipe {

RecordBuilder::RecordBuilder(const HeaderMapping& m) {
  for (const FieldInfo& info : AllFields()) {
    if (const std::optional<size_t> column = m.ColumnOf(info.field)) {
      slots_.push_back(Slot{static_cast<uint32_t>(*column), info.field, info.type});
    }
  }
  derive_acres_ = m.ColumnOf(Field::kLotSqft).has_value();
}

void RecordBuilder::Build(std::span<const std::string_view> cells, Record* out,
                          std::vector<ValueProblem>* problems) const {
  out->Clear();
  if (problems != nullptr) problems->clear();
  for (const Slot& slot : slots_) {
    const std::string_view cell =
        slot.column < cells.size() ? TrimAscii(cells[slot.column]) : std::string_view();
    if (IsMissingMarker(cell)) continue;
    FieldValue& v = out->values[Index(slot.field)];
    v.text = cell;
    if (slot.type == FieldType::kText || slot.type == FieldType::kId) {
      v.present = true;
      continue;
    }
    if (const std::optional<double> parsed = ParseTyped(slot.type, cell)) {
      v.number = *parsed;
      v.present = true;
    } else {
      v.parse_failed = true;
      if (problems != nullptr) problems->push_back(ValueProblem{slot.field, slot.column, cell});
    }
  }
  if (derive_acres_) {
    FieldValue& acres = (*out)[Field::kAcres];
    const FieldValue& lot = (*out)[Field::kLotSqft];
    if (!acres.present && lot.present) {
      acres.number = lot.number / kSquareFeetPerAcre;
      acres.present = true;
    }
  }
}

}  // namespace flexpipe
