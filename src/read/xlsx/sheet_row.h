// One worksheet row as the sheet scanner delivers it: the cells as written in
// the sheet's XML, values as text views with XML entities decoded but nothing
// else interpreted (a shared string is its index, a number its raw text, a
// date serial a number: cell_text.h and the shared strings turn them into
// display text).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace flexpipe {

// The cell's t attribute.
enum class XlsxCellType : uint8_t {
  kNumber,         // t absent or "n": the raw number text, "1234.5", "8.4346050800001296E+15"
  kSharedString,   // "s": the index into the shared strings, as text ("17")
  kInlineString,   // "inlineStr": the text of <is>, rich-text runs <r><t> concatenated, <rPh> ignored
  kFormulaString,  // "str": a formula's cached text result
  kBoolean,        // "b": "0" or "1"
  kError,          // "e": "#N/A", "#DIV/0!", ...
  kDate,           // "d": ISO 8601 text, "2023-03-15T00:00:00"
};

struct XlsxCell {
  // 0-based column: from the r attribute ("BC12" is 54) or, when the cell has
  // none, one past the previous cell's column (0 for a row's first cell).
  uint32_t column = 0;
  XlsxCellType type = XlsxCellType::kNumber;
  // The s attribute: an index into the styles' cellXfs (number formats decide
  // which numbers are dates). 0 when absent.
  uint32_t style = 0;
  // The text of <v> (or of <is> for inline strings), XML entities decoded.
  // Empty when the cell has no value (a styled blank <c r="A1" s="3"/>).
  // Formulas are not evaluated: a formula cell's value is its cached result.
  std::string_view value;
};

struct XlsxRow {
  // 1-based: the r attribute; without one, the row of the first cell's r;
  // without that either, one past the previous <row> element's number.
  uint64_t number = 0;
  // Strictly ascending columns; never empty when delivered by SheetScanner.
  std::span<const XlsxCell> cells;
};

}  // namespace flexpipe
