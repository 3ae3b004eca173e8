// Cell references as worksheet XML writes them: "BC12" is column BC (0-based
// 54) of row 12, and a range "A1:C3" names two opposite corners.
//
// Columns are 0-based throughout flexpipe's XLSX code (A = 0), rows 1-based,
// as in the sheet. The grid ends at XFD1048576 (16384 columns, 1048576 rows).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace flexpipe {

inline constexpr uint32_t kXlsxMaxColumns = 16384;  // A..XFD
inline constexpr uint64_t kXlsxMaxRows = 1048576;

// An inclusive rectangle of cells: 0-based columns, 1-based rows, first <= last.
struct XlsxCellRange {
  uint32_t first_column = 0;
  uint64_t first_row = 0;
  uint32_t last_column = 0;
  uint64_t last_row = 0;
  friend bool operator==(const XlsxCellRange&, const XlsxCellRange&) = default;
};

// Parses a reference "BC12": 1 to 7 letters (either case) then 1 to 15 digits,
// nothing else (no '$'). *column is 0-based. Returns false for anything else or
// row 0; does not check the grid's limits (callers report "beyond XFD1048576"
// themselves, which is why the letters and digits may run past them).
// PERF: inline, it runs for every cell of a sheet.
inline bool ParseCellRef(std::string_view text, uint64_t* column, uint64_t* row) {
  size_t i = 0;
  uint64_t letters = 0;
  for (; i < text.size() && i < 8; ++i) {
    const unsigned c = static_cast<unsigned char>(text[i]) | 0x20;  // lower case
    if (c - 'a' >= 26) break;
    letters = letters * 26 + (c - 'a' + 1);
  }
  if (i == 0 || i > 7) return false;
  const size_t digits_begin = i;
  uint64_t number = 0;
  for (; i < text.size(); ++i) {
    const unsigned d = static_cast<unsigned char>(text[i]) - '0';
    if (d > 9) return false;
    number = number * 10 + d;
  }
  const size_t digits = i - digits_begin;
  if (digits == 0 || digits > 15 || number == 0) return false;
  *column = letters - 1;
  *row = number;
  return true;
}

// Parses "A1:C3" or a single cell "B2" (a one-cell range) within the grid,
// the corners in either order. False for anything else.
bool ParseCellRange(std::string_view text, XlsxCellRange* range);

// "A", "Z", "AA", "XFD" for columns 0, 25, 26, 16383.
std::string ColumnName(uint64_t column);
// "BC12".
std::string CellRefName(uint64_t column, uint64_t row);

}  // namespace flexpipe
