// The streaming worksheet scanner: reads a worksheet part (xl/worksheets/
// sheetN.xml, already inflated) front to back and returns the rows of its
// <sheetData> one at a time, with the cells as written (sheet_row.h).
//
// Stages: SequentialFile (the inflated part) -> this class (buffering, the
// XML around <sheetData>, limits) -> SheetRowParser (one <row> element, the
// hot loop) on xml_scan.h. Cell values stay raw: the XLSX reader resolves
// shared strings and styles and renders numbers and dates (cell_text.h).
//
// What is read:
//   - Before <sheetData>: <dimension ref> (dimension()); everything else
//     (sheetPr, sheetViews, cols, ...) is skipped, however large.
//   - <sheetData>: rows with at least one <c>; empty rows (<row r="5"/>,
//     formatting-only rows) are skipped but count for the numbering. What the
//     row parser accepts is listed in sheet_row_parser.h: namespace prefixes,
//     any attribute order and quoting, self-closing tags, missing r
//     attributes, formulas, inline and rich-text strings, CDATA, comments.
//   - After </sheetData>: <mergeCell ref> ranges (merge_cells()), read when
//     NextRow() reaches the end; the rest is skipped.
// Missing rows (gaps in r) are normal. Rows out of order or repeated are an
// error naming the row: Excel never writes them, and row numbers are the row
// identity downstream, so they must be unique and ascending.
//
// Errors (a Status; the scanner then stays failed): kCorruptFile for
// malformed XML, the input ending inside <sheetData> or before the
// worksheet's end tag (a truncated part), a part without <sheetData>, cell
// references beyond XFD1048576, rows or cells out of order, invalid entity
// references, a document type declaration anywhere (refused: no DTD, no
// entity expansion); kBadEncoding for UTF-16 XML; kResourceLimit for a row
// longer than max_row_bytes (or a tag outside <sheetData> longer than it), a
// cell longer than max_cell_bytes, a row or column beyond max_rows /
// max_columns; kInvalidArgument for bad options; read errors as the input
// reports them. Location::row is the row and Location::column the cell
// reference ("C12") where known; the caller adds file and sheet.
//
// Memory is bounded whatever the sheet's size: the read buffer (buffer_bytes,
// grown to hold a longer row, up to max_row_bytes) plus, only for rows with
// values that need decoding (entities, rich text), an arena of the buffer's
// size. Nothing is allocated per row or cell once the buffers have their size.
//
// PERF: values are views into the buffer; a row cut by the buffer's end is
// parsed again from its start after the refill (one row per buffer's worth).
// Cells spelled as Excel writes them take a straight-line fast path
// (SheetRowParser::ReadCellFast). bench/sheet_scanner_bench.cc: ~1.7 GB/s of
// XML on a 200,000 x 28 Excel-style sheet held in memory, copy through the
// SequentialFile included, against ~1.3 GB/s for a bare memchr('<') pass
// over the same bytes (2-vCPU 2.6 GHz VM); zlib inflate, at a few hundred
// MB/s, is the bottleneck, not this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"
#include "read/csv/byte_buffer.h"
#include "read/xlsx/cell_ref.h"
#include "read/xlsx/sheet_row.h"
#include "read/xlsx/sheet_row_parser.h"

namespace flexpipe {

struct SheetScannerOptions {
  // Size of the read buffer. Default: 1 MiB.
  size_t buffer_bytes = 1 << 20;
  // Longest XML of one cell (<c> to </c>). Default: 32 MiB.
  size_t max_cell_bytes = 32 << 20;
  // Cells at column index max_columns or beyond fail the sheet. Default:
  // 16384 (XFD, all of Excel's grid).
  uint32_t max_columns = 16384;
  // Rows numbered beyond this fail the sheet. Default: 1048576 (Excel's grid).
  uint64_t max_rows = 1048576;
  // Longest XML of one row (<row> to </row>), and of one tag, comment or
  // processing instruction outside <sheetData>: how far the buffer may grow.
  // Values below buffer_bytes count as buffer_bytes. Default: 64 MiB.
  size_t max_row_bytes = 64 << 20;
};

class SheetScanner {
 public:
  // `input` (not owned) must outlive the scanner.
  SheetScanner(SequentialFile* input, const SheetScannerOptions& options);
  SheetScanner(const SheetScanner&) = delete;
  SheetScanner& operator=(const SheetScanner&) = delete;

  // The next row of <sheetData> with at least one cell: true and *row set, or
  // false at </sheetData> (having read the rest of the part: merge_cells()
  // is complete then). The row's cells and values are valid until the next
  // call. After an error every call returns the same error.
  Result<bool> NextRow(XlsxRow* row);

  // Bytes of the input read so far, and those scanned past (the end of the
  // last row returned, or of the part).
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t bytes_consumed() const { return bytes_consumed_; }
  // Bytes of memory held for scanning: the buffer and the decoding arena.
  size_t memory_bytes() const { return buffer_.capacity() + row_parser_.arena_bytes(); }

  // <dimension ref="A1:AB200001"> if the part has a valid one before
  // <sheetData> (a hint written by the producer, not checked against the
  // rows; often absent or "A1" in files from other tools).
  const std::optional<XlsxCellRange>& dimension() const { return dimension_; }
  // The <mergeCell ref> ranges after </sheetData>, in file order; complete
  // once NextRow() has returned false.
  const std::vector<XlsxCellRange>& merge_cells() const { return merge_cells_; }

 private:
  enum class Phase : uint8_t { kPrelude, kSheetData, kEpilogue, kDone };
  enum class Step : uint8_t { kRow, kNeedInput, kPhaseDone, kError };

  Step ScanPrelude();
  Step ScanSheetData(XlsxRow* row);
  Step ScanEpilogue();
  // One markup construct outside rows at p == '<' (a start or end tag,
  // comment, PI or CDATA), counting element depth. Sets *local and *kind
  // for tags. `on_attribute` as in xml::ReadAttributes.
  enum class TagKind : uint8_t { kStart, kEmpty, kEnd, kOther };
  template <typename OnAttribute>
  xml::Scan ReadConstruct(const char*& p, const char* end, TagKind* kind, std::string_view* local,
                          OnAttribute&& on_attribute);
  Step ReadOuterTag(const char*& p, const char* end, std::string_view where, TagKind* kind,
                    std::string_view* name, std::string_view* ref);
  // The input ran dry mid-construct: refill, or the error for where it ended.
  Status NeedInput();
  // Compacts, grows a buffer full of one construct (up to the row limit),
  // reads until the buffer is full or the input ends.
  Status Refill();
  Status Fail(ErrorCode code, std::string message, uint64_t row = 0);
  Status Malformed(const char* what);
  void Consume(const char* upto);

  SequentialFile* input_;
  size_t row_limit_;
  ByteBuffer buffer_;
  SheetRowParser row_parser_;

  Phase phase_ = Phase::kPrelude;
  int depth_ = 0;              // open elements outside <sheetData>
  uint64_t previous_row_ = 0;  // number of the last <row> element
  bool in_row_ = false;        // the buffer ran dry inside a <row>
  bool input_done_ = false;    // the input has no more bytes
  Status input_error_;         // a read failed; reported once its bytes are needed
  Status error_;               // sticky
  const char* syntax_error_ = nullptr;
  uint64_t bytes_read_ = 0;
  uint64_t bytes_consumed_ = 0;

  std::optional<XlsxCellRange> dimension_;
  std::vector<XlsxCellRange> merge_cells_;
};

}  // namespace flexpipe
