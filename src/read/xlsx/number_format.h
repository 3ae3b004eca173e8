// Which Excel number formats display a number as a date or a time.
//
// A cell holds a date as a serial number; only its number format (through
// the cell's style) says it is one. Built-in formats have fixed ids:
//   - 14-22 and 45-47: the standard date, time and date-time formats;
//   - 27-36 and 50-58: reserved by ECMA-376 (Part 1, 18.8.30) for
//     locale-specific formats. Every East Asian Excel (ja, ko, zh-CN, zh-TW)
//     defines all of them as dates or times, and other producers do not write
//     them, so they count as dates (xlrd agrees; openpyxl and POI ignore them).
// Custom formats (numFmtId >= 164, or any id a styles part redefines) are
// decided from their format code by IsDateFormatCode().
#pragma once

#include <cstdint>
#include <string_view>

namespace flexpipe {

bool IsBuiltinDateFormat(uint32_t num_fmt_id);

// True when the first section of a format code (the one used for positive
// numbers, which dates are) contains a date or time token: d, m, y, h or s
// in either case, outside
//   - "quoted text", backslash-escaped characters (\d), and the character
//     after _ (padding) or * (fill);
//   - [brackets]: colours, conditions, locale and currency tags ([Red],
//     [<100], [$-409], [$€-2]) — except the elapsed-time tokens [h], [hh],
//     [m], [mm], [s], [ss], which are times.
// So "yyyy-mm-dd", "[$-409]mmmm d, yyyy", "h:mm AM/PM" and "[h]:mm:ss" are
// dates, while "General", "0.00", "#,##0", "0.0\"d\"", "[Red]0" and "@" are
// not.
bool IsDateFormatCode(std::string_view format_code);

}  // namespace flexpipe
