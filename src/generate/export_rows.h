// What a generated export holds, whatever its file format: the columns of a
// planned file and, row by row, the property the row shows and the random
// stream its spellings come from. The CSV and XLSX writers both draw rows
// here, so the same plan gives the same data in either format.
#pragma once

#include <cstdint>
#include <vector>

#include "core/date.h"
#include "generate/header_style.h"
#include "generate/property.h"
#include "generate/random.h"
#include "generate/row_renderer.h"
#include "generate/scenario.h"

namespace flexpipe::gen {

// The columns a file of `plan`'s kind has: its style's, less the removed ones.
std::vector<ColumnSpec> ColumnsFor(const FilePlan& plan);

// The row at which a truncated file (corrupted scenario) breaks.
inline uint64_t BreakRow(const FilePlan& plan) { return plan.rows / 2; }

// Row r (0-based, header excluded) of `plan`: a new property, or — for
// plan.duplicate_per_mille ‰ of rows — an earlier one, perhaps revised.
struct DrawnRow {
  PropertyIdentity identity;
  PropertyFacts facts;
  Rng rng;  // the row's own stream: spelling choices, in column order
  uint64_t listing_number;
  RowContext context() { return RowContext{identity, facts, rng, listing_number}; }
};
DrawnRow DrawRow(const FilePlan& plan, uint64_t seed, Date as_of, uint64_t r);

}  // namespace flexpipe::gen
