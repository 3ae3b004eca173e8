// How a canonical field's cell is kept in its `properties` column, so that
// SQL sees typed values (acres > 2 compares numbers) and the cell comes back
// as exactly the bytes the master CSV writes:
//   text, IDs, dates  TEXT, as written;
//   numbers, money    REAL (year_built: INTEGER); read back with the
//                     writer's own formatting (AppendNumber), which gives
//                     the same text because that text is the shortest
//                     round-trip form of the value;
//   booleans          INTEGER 1/0 for "true"/"false".
// A cell that would not come back identical that way (not a finite number
// in its shortest form, a boolean other than true/false) is kept as a BLOB of
// its bytes: exact, but invisible to numeric comparisons. The writer never
// produces such cells today.
#pragma once

#include <string>
#include <string_view>

#include "flexpipe/fields.h"
#include "store/database.h"

namespace flexpipe {

// Binds `cell` (canonical text; empty = missing, bound as NULL). Text is
// bound without a copy (Statement::BindView): `cell` must outlive the run of
// the statement. `scratch` is a reusable buffer.
void BindFieldCell(Statement* stmt, int index, FieldType type, std::string_view cell, std::string* scratch);

// Appends the cell stored in result column `column` to *out.
void AppendFieldCell(const Statement& stmt, int column, FieldType type, std::string* out);

}  // namespace flexpipe
