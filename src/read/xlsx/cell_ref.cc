#include "read/xlsx/cell_ref.h"

#include <algorithm>

namespace flexpipe {

bool ParseCellRange(std::string_view text, XlsxCellRange* range) {
  const size_t colon = text.find(':');
  const std::string_view first = text.substr(0, colon);
  const std::string_view last = colon == std::string_view::npos ? first : text.substr(colon + 1);
  uint64_t c1 = 0;
  uint64_t r1 = 0;
  uint64_t c2 = 0;
  uint64_t r2 = 0;
  if (!ParseCellRef(first, &c1, &r1) || !ParseCellRef(last, &c2, &r2)) return false;
  if (std::max(c1, c2) >= kXlsxMaxColumns || std::max(r1, r2) > kXlsxMaxRows) return false;
  range->first_column = static_cast<uint32_t>(std::min(c1, c2));
  range->last_column = static_cast<uint32_t>(std::max(c1, c2));
  range->first_row = std::min(r1, r2);
  range->last_row = std::max(r1, r2);
  return true;
}

std::string ColumnName(uint64_t column) {
  char letters[16];
  size_t n = 0;
  uint64_t value = column + 1;  // bijective base 26
  while (value > 0) {
    const uint64_t digit = (value - 1) % 26;
    letters[n++] = static_cast<char>('A' + digit);
    value = (value - 1) / 26;
  }
  std::reverse(letters, letters + n);
  return std::string(letters, n);
}

std::string CellRefName(uint64_t column, uint64_t row) { return ColumnName(column) + std::to_string(row); }

}  // namespace flexpipe
