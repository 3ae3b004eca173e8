// The XML of a worksheet's cells as the streaming engine writes them: whole
// rows, `<row r="7"><c r="A7" s="2"><v>42</v></c>…</row>`, appended to a
// string. Strings are inline (t="inlineStr"), numbers in their shortest
// round-trip form. The writer checks nothing: callers give rows in order,
// cells left to right, text already prepared (XlsxWorkbook::PrepareText) and
// finite numbers. Used by the engine for cells written one at a time and,
// on any thread, for rows formatted ahead of the workbook
// (XlsxWorkbook::WriteFormattedRows).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "write/xlsx_workbook.h"

namespace flexpipe {

class SheetXmlWriter {
 public:
  explicit SheetXmlWriter(std::string* out) : out_(out) {}

  // Opens row `row` (0-based), closing the open one.
  void StartRow(uint32_t row);
  // Closes the open row, if any.
  void EndRow();

  // Cells of the open row; `col` is 0-based.
  void Text(uint32_t col, std::string_view text, XlsxStyle style);
  void Number(uint32_t col, double value, XlsxStyle style);
  void Boolean(uint32_t col, bool value, XlsxStyle style);
  void Blank(uint32_t col, XlsxStyle style);  // a styled empty cell

 private:
  void StartCell(uint32_t col, XlsxStyle style);

  std::string* out_;
  bool row_open_ = false;
  std::string row_digits_;                 // the open row's number, 1-based
  std::vector<std::string> column_names_;  // "A", "B", … as far as used
};

}  // namespace flexpipe
