// Helpers for the sheet scanner tests: an in-memory SequentialFile that hands
// out its bytes a few at a time (and can fail), and a whole-sheet scan into
// plain strings that gtest can compare and print.
#pragma once

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/env.h"
#include "read/xlsx/cell_ref.h"
#include "read/xlsx/sheet_scanner.h"

namespace flexpipe::testing {

// Returns at most `chunk` bytes per Read(); fails with kIoError once
// `fail_at` bytes have been handed out (never, by default).
class StringFile final : public SequentialFile {
 public:
  explicit StringFile(std::string data, size_t chunk = SIZE_MAX, size_t fail_at = SIZE_MAX)
      : data_(std::move(data)), chunk_(chunk), fail_at_(fail_at) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ >= fail_at_) return Status(ErrorCode::kIoError, "injected read failure");
    const size_t count = std::min({n, chunk_, data_.size() - pos_, fail_at_ - pos_});
    std::memcpy(buf, data_.data() + pos_, count);
    pos_ += count;
    return count;
  }

 private:
  std::string data_;
  size_t chunk_;
  size_t fail_at_;
  size_t pos_ = 0;
};

inline std::string_view TypeName(XlsxCellType type) {
  switch (type) {
    case XlsxCellType::kNumber:
      return "n";
    case XlsxCellType::kSharedString:
      return "s";
    case XlsxCellType::kInlineString:
      return "is";
    case XlsxCellType::kFormulaString:
      return "str";
    case XlsxCellType::kBoolean:
      return "b";
    case XlsxCellType::kError:
      return "e";
    case XlsxCellType::kDate:
      return "d";
  }
  return "?";
}

inline std::string RangeName(const XlsxCellRange& r) {
  return CellRefName(r.first_column, r.first_row) + ":" + CellRefName(r.last_column, r.last_row);
}

// "7: A7 s#3 \"12\" | C7 n \"1.5\"": the row number, then each cell's
// reference, type, style (when not 0) and value.
inline std::string FormatRow(const XlsxRow& row) {
  std::string out = fmt::format("{}:", row.number);
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const XlsxCell& c = row.cells[i];
    out += fmt::format("{} {} {}", i == 0 ? "" : " |", CellRefName(c.column, row.number), TypeName(c.type));
    if (c.style != 0) out += fmt::format("#{}", c.style);
    out += fmt::format(" {:?}", c.value);
  }
  return out;
}

struct ScannedSheet {
  std::vector<std::string> rows;
  std::string dimension;            // "A1:C3", or "" when none
  std::vector<std::string> merges;  // "A1:B1"
  std::string error;                // Status::ToString(), or "" when the scan ended cleanly
  uint64_t bytes_consumed = 0;
  uint64_t bytes_read = 0;
};

inline ScannedSheet ScanSheet(std::string xml, const SheetScannerOptions& options = {},
                              size_t chunk = SIZE_MAX, size_t fail_at = SIZE_MAX) {
  StringFile file(std::move(xml), chunk, fail_at);
  SheetScanner scanner(&file, options);
  ScannedSheet out;
  XlsxRow row;
  while (true) {
    Result<bool> more = scanner.NextRow(&row);
    if (!more.ok()) {
      out.error = more.status().ToString();
      // The error is sticky.
      if (scanner.NextRow(&row).status().ToString() != out.error) out.error += " (not sticky!)";
      break;
    }
    if (!*more) break;
    out.rows.push_back(FormatRow(row));
  }
  if (scanner.dimension()) out.dimension = RangeName(*scanner.dimension());
  for (const XlsxCellRange& r : scanner.merge_cells()) out.merges.push_back(RangeName(r));
  out.bytes_consumed = scanner.bytes_consumed();
  out.bytes_read = scanner.bytes_read();
  return out;
}

// A worksheet part around `sheet_data` (the rows), as Excel frames it.
inline std::string Worksheet(std::string_view sheet_data, std::string_view after = "") {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<dimension ref=\"A1:C3\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
      "<sheetFormatPr defaultRowHeight=\"15\"/><cols><col min=\"1\" max=\"1\" width=\"9.14\"/></cols>"
      "<sheetData>{}</sheetData>{}<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
      "header=\"0.3\" footer=\"0.3\"/></worksheet>",
      sheet_data, after);
}

}  // namespace flexpipe::testing
