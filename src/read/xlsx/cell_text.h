// Display text for XLSX cell values that are stored as numbers: plain numbers
// and date serials. The XLSX reader turns every cell into text (RowSource
// cells are text), so these decide what a number "looks like" downstream.
#pragma once

#include <string>
#include <string_view>

namespace flexpipe {

// Appends the text of a numeric cell's raw <v> ("8434605080000130",
// "8.4346050800001296E+15", "1234.5", "-0", "1E-3") to *out:
//   - Integral values below 1e21 in magnitude: an integer, no exponent, no
//     ".0" ("8.4346050800001296E+15" -> "8434605080000130"). A raw value that
//     is already a plain integer of at most 21 digits is copied exactly (less
//     leading zeros and sign of zero), so long IDs written as digits keep
//     every digit even past double precision.
//   - Other values of magnitude in [1e-6, 1e21): the shortest decimal that
//     reads back as the same double ("0.1", "1234.5", "0.001"), no exponent.
//   - Smaller or larger values: the shortest round-trip digits with an
//     exponent, Excel-style upper-case "E" ("1.5E-07", "1E+21").
//   - Zero (also "-0") is "0".
// Returns false, appending nothing, when `raw` is not a finite decimal
// number (empty, text, "inf", "nan", surrounding spaces). A leading '+' is
// accepted.
// PERF: plain integers and plain decimals of at most 15 significant digits
// ("1234.5") are copied without parsing (the rules above give the same
// text); the rest is parsed with fast_float and printed with std::to_chars.
bool AppendNumberText(std::string_view raw, std::string* out);

// Appends an Excel date serial as "YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS"
// when it has a time of day (rounded to the nearest second; a time that
// rounds to midnight moves to the next day).
//   - 1900 system (date1904 false): serial 1 is 1900-01-01. Excel counts a
//     1900-02-29 that never was (serial 60), so serials below 60 are one day
//     early: 59 is 1900-02-28, 61 is 1900-03-01.
//   - 1904 system: serial 0 is 1904-01-01.
// Returns false, appending nothing, for NaN, negative serials, serials
// before day 1 in the 1900 system (times of day alone, "1900-01-00" in
// Excel), the phantom 1900-02-29, and anything after 9999-12-31 23:59:59.
bool AppendSerialDateText(double serial, bool date1904, std::string* out);

}  // namespace flexpipe
