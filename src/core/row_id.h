// Identity of a source row: (file ordinal, sheet ordinal, row number). Every
// order-dependent decision (de-duplication ties, ranking ties, the store's
// keys) uses it, so results never depend on thread count or timing.
#pragma once

#include <compare>
#include <cstdint>

namespace flexpipe {

struct RowId {
  uint32_t file = 0;   // place of the file in the sorted input list (0-based)
  uint32_t sheet = 0;  // place of the sheet in the workbook (0 for CSV)
  uint64_t row = 0;    // 1-based row number in the source (the header is row 1 in CSV)
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy misreads the defaulted comparison.
  friend auto operator<=>(const RowId&, const RowId&) = default;
};

}  // namespace flexpipe
