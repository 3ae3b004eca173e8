#include "generate/export_rows.h"

namespace flexpipe::gen {

std::vector<ColumnSpec> ColumnsFor(const FilePlan& plan) {
  std::vector<ColumnSpec> columns;
  for (const ColumnSpec& spec : ColumnsOf(plan.style, plan.variant)) {
    const bool is_address = spec.column == Column::kAddress;
    const bool is_city = spec.column == Column::kCity;
    if (plan.kind == FileKind::kNoAddressCity && (is_address || is_city)) continue;
    if (plan.kind == FileKind::kNoCity && is_city) continue;
    ColumnSpec copy = spec;
    if (plan.kind == FileKind::kUnmappedKeyHeaders && is_address) copy.header = "Addr";
    if (plan.kind == FileKind::kUnmappedKeyHeaders && is_city) copy.header = "Town";
    columns.push_back(copy);
  }
  return columns;
}

DrawnRow DrawRow(const FilePlan& plan, uint64_t seed, Date as_of, uint64_t r) {
  Rng rng(MixSeed(seed, plan.stream, r));
  uint64_t property = plan.first_property + r;
  uint32_t revision = 0;
  if (property > 0 && rng.Chance(plan.duplicate_per_mille)) {
    property = rng.Below(property);  // an earlier property, in this file or an earlier one
    revision = rng.Chance(500) ? 0 : 1 + static_cast<uint32_t>(rng.Below(3));
  }
  return DrawnRow{IdentityAt(seed, property), FactsAt(seed, property, revision, as_of), rng,
                  MixSeed(plan.stream, r)};
}

}  // namespace flexpipe::gen
