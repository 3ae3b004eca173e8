// Parses one <row> element of a worksheet's <sheetData> from a byte range:
// the hot loop of XLSX reading. SheetScanner (sheet_scanner.h) does the
// streaming around it.
//
// Accepted, as real producers write them: any namespace prefix (<x:row>,
// <x:c>), attributes in any order quoted with ' or ", self-closing <row/> and
// <c/>, rows and cells without r attributes, whitespace, comments and
// processing instructions between tags, <f> before <v> (skipped: the cached
// <v> is the value), <is> with plain <t> or rich-text runs, CDATA sections in
// <v> and <t>, unknown child elements (skipped, e.g. <extLst>).
//
// Numbering:
//   - A row's number is its r attribute; without one, the row of its first
//     cell's r; without that either, one past `previous_row`.
//   - A cell's column is its r attribute's column; without one, one past the
//     previous cell's (0 for the first).
// Errors (kCorruptFile unless said otherwise): malformed tags, attributes or
// entity references; a row number not above `previous_row` (rows out of order
// or repeated); a cell whose r names another row, or a column not above the
// previous cell's; a reference beyond XFD1048576; an unknown t; a non-numeric
// s; an element inside <v> or <t>. kResourceLimit: a row beyond max_rows, a
// column beyond max_columns (when within the grid), a cell whose XML is longer
// than max_cell_bytes. kBadEncoding: a value that is not UTF-8 (XML requires
// it, and the bytes would reach every output). Errors carry the row and, for a
// cell, its reference ("C12") as Location::column.
//
// Inline strings' _xHHHH_ escapes are decoded, as in shared strings.
//
// Memory: cells are views into the parsed bytes, except values that needed
// decoding (entities, CR, several runs or CDATA pieces, escapes), which go to an arena
// owned by the parser. Decoded text is never longer than its XML, so the
// arena is sized once to the range given (at most the scanner's buffer) and
// never moves while a row is parsed; it is reused for every row.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"
#include "read/xlsx/cell_ref.h"
#include "read/xlsx/sheet_row.h"
#include "read/xlsx/xml_rich_text.h"
#include "read/xlsx/xml_scan.h"

namespace flexpipe {

struct SheetRowLimits {
  size_t max_cell_bytes = 32 << 20;
  uint32_t max_columns = 16384;
  uint64_t max_rows = 1048576;
};

class SheetRowParser {
 public:
  enum class Outcome : uint8_t {
    kRow,         // *row holds the row, *consumed bytes were used
    kIncomplete,  // the range ends inside the row; call again with more bytes
    kError,       // see error()
  };

  explicit SheetRowParser(const SheetRowLimits& limits)
      : limits_(limits), column_limit_(std::min(limits.max_columns, kXlsxMaxColumns)) {}

  // Parses the element at data[0] == '<', a start tag whose local name is
  // "row". The row's cells are views into `data` or the parser's arena, valid
  // until the next call. A row without cells is returned too (its number
  // counts for the next row's).
  Outcome Parse(std::string_view data, uint64_t previous_row, XlsxRow* row, size_t* consumed);

  // The error of the last kError outcome.
  const Status& error() const { return error_; }
  // The number of the row last parsed, or being parsed when the outcome was
  // kIncomplete (for the caller's error messages).
  uint64_t row_number() const { return row_number_; }
  // Bytes held by the decoding arena.
  size_t arena_bytes() const { return arena_capacity_; }

 private:
  using Scan = xml::Scan;
  // A value being assembled: a view into the input while it is one plain
  // piece, in the arena once it needs decoding or joining.
  struct Text {
    const char* data = nullptr;
    size_t size = 0;
    bool in_arena = false;
  };

  Scan ReadRowStart(const char*& p, const char* end, bool* self_closing);
  bool ReadCellFast(const char*& p, const char* end, const char* tag);
  Scan ReadCell(const char*& p, const char* end, const char* tag);
  Scan ReadCellStart(const char*& p, const char* end, XlsxCell* cell, bool* self_closing);
  bool AtRowDigits(const char* q, const char* end, char quote) const;
  Scan PlaceCell(std::string_view ref, XlsxCell* cell);
  Scan ReadText(const char*& p, const char* end, std::string_view element, Text* text);
  Scan ReadInlineString(const char*& p, const char* end, Text* text);
  Scan SkipUnknownElement(const char*& p, const char* end);
  Scan CheckRowNumber();

  Scan Append(std::string_view raw, xml::TextKind kind, Text* text);
  char* ArenaFor(size_t n);

  // Errors, located at the current row and (when in a cell) cell.
  [[gnu::cold]] Scan Malformed(const char* what);
  [[gnu::cold]] Scan Fail(ErrorCode code, std::string message);

  // PERF: cells_ only grows; cell_count_ of them are the row's. Cheaper than
  // push_back, whose reallocation path keeps it from being inlined.
  void AddCell(const XlsxCell& cell) {
    if (cell_count_ == cells_.size()) cells_.resize(cells_.empty() ? 64 : 2 * cells_.size());
    cells_[cell_count_++] = cell;
  }
  uint32_t LastColumn() const { return cells_[cell_count_ - 1].column; }

  SheetRowLimits limits_;
  uint32_t column_limit_;  // columns at or beyond this fail
  std::vector<XlsxCell> cells_;
  size_t cell_count_ = 0;
  std::unique_ptr<char[]> arena_;
  size_t arena_capacity_ = 0;
  size_t arena_used_ = 0;
  size_t arena_bound_ = 0;  // bytes of the range being parsed: what the arena must hold

  uint64_t previous_row_ = 0;
  uint64_t row_number_ = 0;
  size_t row_text_size_ = 0;       // digits of row_number_ in decimal, once known
  uint64_t row_word_ = 0;          // the first 8 of them as a little-endian word
  uint64_t row_mask_ = 0;          // the bytes of row_word_ that are digits
  bool row_number_known_ = false;  // from the row's r, or its first cell's
  bool in_cell_ = false;
  uint64_t cell_column_ = 0;   // of the cell being read (for errors)
  std::string_view cell_ref_;  // its r attribute, as written (for errors)
  const char* syntax_error_ = nullptr;
  Status error_;
};

}  // namespace flexpipe
