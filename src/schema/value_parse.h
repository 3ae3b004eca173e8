// Value parsing (fields.md, "Values as people write them"): cell text →
// number, integer, date or boolean. Pure functions: no allocation, no locale,
// safe from any thread. Every parser trims ASCII white space first and
// returns nullopt for text that is not a value of its type, including the
// missing-value markers.
#pragma once

#include <optional>
#include <string_view>

#include "core/date.h"
#include "flexpipe/fields.h"

namespace flexpipe {

// Whether a cell means "no value": empty, N/A, NA, -, --, NULL, None, #N/A,
// NaN, and pandas' NaT and <NA>; case-insensitive.
bool IsMissingMarker(std::string_view text);

// Decimal numbers as people write them: "1234", "1,234", "$1,234.50", "1.2e6",
// " 42 ", "(1,000)" (= -1000), "-80.59", "+5", "-$5", "95%" (= 95). Commas are
// dropped wherever they stand between the digits (no check of thousands
// grouping); "$" may only lead. Rejects words ("TBD", "12 acres"), malformed
// numbers ("1.2.3"), "inf", "nan" and values that overflow a double.
// Zero is returned as +0.
std::optional<double> ParseNumber(std::string_view text);

// Money has the same rules as numbers; FieldType::kMoney is parsed with this.
inline std::optional<double> ParseMoney(std::string_view text) { return ParseNumber(text); }

// Whole numbers: "1984", "1984.0", "1,984". nullopt for "1984.5".
std::optional<double> ParseInteger(std::string_view text);

// Calendar dates, with or without a time of day (which is ignored):
//   2025-03-14, 2025/03/14, 2025-03-14T10:00:00, 2025-03-14 10:00:00.123,
//   03/14/2025, 3/14/25, 03-14-2025 (US order: month first),
//   March 14, 2025, Mar 14, 2025, Mar. 14 2025, 14-Mar-2025, 14-Mar-25, 14 Mar 2025,
//   3/14/2025 10:15, 3/14/2025 10:15:00 AM, 2025-03-14T10:00:00Z, ...+05:00.
// Two-digit years follow Python's %y: 69–99 → 19xx, 00–68 → 20xx.
// An integer of 11 to 13 digits, optionally negative and optionally followed
// by ".0" (pandas' CSV form, e.g. 1423717200000.0), is Unix epoch
// milliseconds and yields its UTC date. (fields.md says "13-digit"; dates
// before 2001-09-09 have 12 digits, as in pbc_flex_properties_611.csv.)
// Impossible dates (February 30) are rejected.
std::optional<Date> ParseDate(std::string_view text);

// true/false, yes/no, y/n, t/f, 1/0 (and 1.0/0.0, as pandas writes a boolean
// column that has gaps); case-insensitive.
std::optional<bool> ParseBool(std::string_view text);

// The value of `text` in FieldValue::number's representation for a
// non-text `type`: numbers and money as parsed, integers as whole numbers,
// dates as days since 1970-01-01, booleans as 0/1. nullopt for kText/kId.
std::optional<double> ParseTyped(FieldType type, std::string_view text);

}  // namespace flexpipe
