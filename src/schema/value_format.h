// Canonical output text of field values, as written to the master CSV/XLSX
// and the JSON summary. Appends to a caller-owned string so writers can reuse
// one buffer per row; nothing is allocated beyond the string's growth.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "flexpipe/fields.h"
#include "schema/record.h"

namespace flexpipe {

// Shortest decimal text that reads back as the same double. Values with
// |x| in [1e-6, 1e16) never use an exponent ("1234.5", "2569458", "-80.59",
// "0.0001"); others use the shortest form, e.g. "1e+16", "2.5e-07". Zero
// (also -0) is "0".
void AppendNumber(double x, std::string* out);

// "YYYY-MM-DD".
void AppendDate(Date date, std::string* out);

// The canonical text of `v` as a value of `type`: text and ids as trimmed;
// numbers and money by AppendNumber; integers without ".0"; dates as
// YYYY-MM-DD; booleans as "true"/"false". A missing value (including one
// that failed to parse) appends nothing.
void AppendCanonical(const FieldValue& v, FieldType type, std::string* out);

// Whether `cell` is a plain decimal number — optional sign, digits with at
// most one decimal point, optional exponent; no spaces, commas or currency —
// so a CSV writer's formula guard can leave "-80.59" or "+5" alone.
bool LooksNumeric(std::string_view cell);

}  // namespace flexpipe
