// The streaming XLSX reader: a RowSource over one worksheet of a workbook.
//
// Stages: ZipArchive (container, limits) -> ReadWorkbookInfo (content types,
// workbook, relationships: which part is which sheet) -> ReadCellStyles
// (which style indices are dates) and ReadSharedStrings (one arena) ->
// SheetScanner (the worksheet's <sheetData>, streamed) -> this class (cell
// values as text, header row, rows aligned to the header's columns, batches).
//
// Cell values become the text a person sees, so mapping and value parsing are
// the same as for CSV (docs/fields.md):
//   - shared, inline and formula strings as written (rich-text runs joined);
//   - numbers: integers without exponent or ".0" (8434605080000130), others
//     the shortest round-trip decimal; numbers whose style is a date format
//     become "YYYY-MM-DD" (with " HH:MM:SS" when there is a time part),
//     honouring the 1904 date system;
//   - booleans "TRUE"/"FALSE"; error values (#N/A, #DIV/0! …) are empty.
//
// Row numbers are the sheet's own (what Excel shows); rows that are missing
// or blank (every cell empty or only whitespace) are skipped. The header is
// the first non-empty row (or `header_row`); its width is up to its last
// non-empty cell. A value to the right of the header's last column is
// dropped and reported as RowIssue{kRaggedRow} on its row — also when the
// row is otherwise blank and therefore skipped.
//
// Memory: the shared strings (one arena), the scanner's bounded buffer, the
// read-ahead chunks (3 MiB), one batch of rendered cell text. It does not
// grow with the number of rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"
#include "read/row_source.h"
#include "read/xlsx/cell_styles.h"
#include "read/xlsx/shared_strings.h"
#include "read/xlsx/sheet_scanner.h"
#include "read/xlsx/workbook.h"
#include "read/xlsx/zip_archive.h"

namespace flexpipe {

struct XlsxOptions {
  // Which worksheet: "" = the first visible worksheet; otherwise a sheet name
  // (exact, then case-insensitive) or a 1-based position as digits. ("all" is
  // the pipeline's business: it lists the sheets and opens each by position.)
  // Default: "".
  std::string sheet;
  // 1-based row number of the header row; 0 = the first non-empty row.
  // Default: 0.
  uint64_t header_row = 0;
  ZipLimits zip;
  SheetScannerOptions scanner;
  // Most rows per NextBatch(). Default: 4096.
  int rows_per_batch = 4096;
  // Inflate the shared strings and then the worksheet on a second thread, a
  // few MiB ahead of their scanners (core/read_ahead_file.h): about
  // max(inflate, scan) instead of their sum. Default: true.
  bool read_ahead = true;
};

// The worksheets of a workbook, in workbook order (for `sheet: all`).
Result<std::vector<SheetInfo>> ListXlsxSheets(FileSystem* fs, const std::filesystem::path& path,
                                              const ZipLimits& limits);

class XlsxReader final : public RowSource {
 public:
  // Opens the workbook, resolves the sheet, loads styles and shared strings.
  // kCorruptFile (not a workbook, damaged archive or XML, no such sheet …),
  // kUnsupportedFormat (encrypted), kResourceLimit (zip bomb), read errors.
  static Result<std::unique_ptr<XlsxReader>> Open(FileSystem* fs, const std::filesystem::path& path,
                                                  const XlsxOptions& options);
  ~XlsxReader() override;

  Result<std::vector<std::string>> ReadHeader(uint64_t* row_number) override;
  Result<bool> NextBatch(RawBatch* batch) override;
  uint64_t bytes_read() const override;
  std::string_view sheet_name() const override { return sheet_.name; }

  const SheetInfo& sheet() const { return sheet_; }

 private:
  XlsxReader() = default;
  // Appends the text of `cell` to text_.
  void AppendCellText(const XlsxCell& cell);
  Status Locate(const Status& status) const;

  std::string path_;
  XlsxOptions options_;
  std::unique_ptr<ZipArchive> zip_;
  SheetInfo sheet_;
  bool date1904_ = false;
  CellStyles styles_;
  SharedStrings strings_;
  std::unique_ptr<SequentialFile> sheet_input_;
  std::unique_ptr<SheetScanner> scanner_;

  bool header_read_ = false;
  std::vector<std::string> header_;
  uint64_t header_row_ = 0;

  // One batch of cell text: cells_ holds [begin, end) offsets into text_;
  // views are made once the batch is complete (text_ may reallocate before).
  std::string text_;
  std::vector<std::pair<size_t, size_t>> cells_;
  std::vector<uint64_t> rows_;
  std::vector<RowIssue> issues_;
  bool done_ = false;  // the scanner reached the end of the sheet
};

}  // namespace flexpipe
