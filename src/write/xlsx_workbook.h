// A small workbook writer: sheets, typed cells, a fixed set of number
// formats, a frozen header, an autofilter and column widths, with two
// engines behind one interface:
//   kStreaming      flexpipe's own (write/xlsx/stream_workbook.h): rows
//                   stream as sheet XML straight into a ZIP archive deflated
//                   on every core (write/xlsx/parallel_deflate.h); memory is
//                   flat whatever the size; strings are stored in their
//                   cells ("inline strings"). The master workbook uses it.
//   kLibxlsxwriter  libxlsxwriter, for workbooks laid out as Excel saves them
//                   (one shared-string table, constant_memory = false) — the
//                   test-data generator uses it, so flexpipe's reader meets
//                   workbooks written by another program.
//
// Written whole or not at all, like every output (write/atomic_file.h): the
// workbook goes to the AtomicFile's hidden temporary file in the
// destination's folder; Commit() finishes it, fsyncs that file, renames it
// over the destination and fsyncs the folder, all through the FileSystem. A
// workbook destroyed or abandoned before Commit() leaves the destination as
// it was and no temporary file behind.
//
// Cells (the same rules in both engines):
// - text is always a string cell, never a formula ("=1+1" stays text). Text
//   that is not valid UTF-8 is repaired (write/utf8_repair.h: U+FFFD per bad
//   sequence), a NUL becomes U+FFFD, and text longer than Excel's cell limit
//   of 32,767 characters (UTF-16 code units, as Excel counts) is cut to that
//   limit at a character boundary and counted in truncated_cells();
// - numbers are number cells with an XlsxStyle's number format; NaN and
//   infinities (which a workbook cannot hold) are written as blank cells;
// - dates are real date cells (Excel serial days, 1900 system, with a date
//   format); dates before 1900-03-01 or after 9999-12-31, which Excel cannot
//   show, are written as YYYY-MM-DD text;
// - booleans are boolean cells.
//
// Order: in the streaming engine (and libxlsxwriter's constant_memory mode)
// the cells of a sheet come row by row, left to right, and a sheet's column
// widths and frozen rows are set before its first cell; the autofilter may
// be set until the next AddSheet(). Cells out of order are an error.
//
// The same calls always give the same bytes: the creation time recorded in
// docProps/core.xml is XlsxWorkbookOptions::created, never the clock, and
// every ZIP entry is dated 1980-01-01; the streaming engine's bytes do not
// depend on its number of threads.
//
// Errors are Status values with the destination, sheet, row and column
// (kOutputError); they are sticky: after the first one every call returns it
// and Commit() abandons the workbook. One thread at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/env.h"
#include "flexpipe/status.h"

namespace flexpipe {

class AtomicFile;

// A cell's look: bold for headers, else a number format.
enum class XlsxStyle : uint8_t {
  kGeneral,       // no format
  kHeader,        // bold text
  kMoney,         // #,##0
  kAcres,         // 0.00## (2 to 4 decimals)
  kScore,         // 0.00
  kDate,          // yyyy-mm-dd
  kInteger,       // #,##0 (square feet, counts)
  kPlainInteger,  // 0 (years, row numbers: no thousands separator)
};
inline constexpr size_t kXlsxStyleCount = static_cast<size_t>(XlsxStyle::kPlainInteger) + 1;

// The number format of a style ("#,##0", ...); nullptr for kGeneral and kHeader.
const char* XlsxNumberFormat(XlsxStyle style);

enum class XlsxEngine : uint8_t { kStreaming, kLibxlsxwriter };

struct XlsxWorkbookOptions {
  // Default: kStreaming (see above).
  XlsxEngine engine = XlsxEngine::kStreaming;
  // kLibxlsxwriter only: rows in order, flat memory, inline strings; false =
  // cells in any order, one shared-string table, the whole workbook held in
  // memory until Commit(). The streaming engine always streams. Default: true.
  bool constant_memory = true;
  // ZIP64 extensions, needed when a sheet's XML passes 4 GiB (some 25 million
  // cells); off by default because older Excel versions warn about them.
  // Default: false.
  bool use_zip64 = false;
  // kStreaming only: threads deflating the archive, 0 = one per core.
  // Default: 0.
  int deflate_threads = 0;
  // docProps/core.xml's creation and modification time, in seconds since
  // 1970-01-01 UTC; must be positive. Default: 2000-01-01T00:00:00Z.
  int64_t created_unix_seconds = 946'684'800;
  // docProps/core.xml's author and title; empty = none. Default: "flexpipe", "".
  std::string author = "flexpipe";
  std::string title;
};

class XlsxWorkbook {
 public:
  // Excel's limits.
  static constexpr uint32_t kMaxRows = 1'048'576;
  static constexpr uint32_t kMaxColumns = 16'384;
  static constexpr size_t kMaxTextUnits = 32'767;  // UTF-16 code units per cell
  static constexpr size_t kMaxSheetNameChars = 31;
  static constexpr double kMaxColumnWidth = 255;

  // Opens the workbook on a temporary file beside `destination` (creating
  // missing parent folders). With a non-empty `backup_stamp`, Commit() keeps
  // an existing destination as <stem>.<stamp><ext> (AtomicFile::KeepExistingAsBackup).
  // `fs` must outlive the workbook.
  static Result<std::unique_ptr<XlsxWorkbook>> Create(FileSystem* fs,
                                                      const std::filesystem::path& destination,
                                                      const XlsxWorkbookOptions& options = {},
                                                      std::string backup_stamp = {});
  virtual ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // Adds a sheet after the others; later calls apply to it. A name has 1 to 31
  // characters, none of []:*?/\, does not begin or end with ', and differs
  // (ignoring case) from every other sheet's.
  Status AddSheet(std::string_view name);

  // The current sheet's layout. Widths are in characters of the default
  // font (0 to 255). `first_rows` rows stay in view when scrolling (1 = a
  // frozen header row). The autofilter covers the given range (0-based,
  // inclusive).
  Status SetColumnWidth(uint32_t col, double width);
  Status FreezeRows(uint32_t first_rows);
  Status SetAutofilter(uint32_t first_row, uint32_t first_col, uint32_t last_row, uint32_t last_col);

  // Cells of the current sheet; row and col are 0-based.
  Status WriteText(uint32_t row, uint32_t col, std::string_view text, XlsxStyle style = XlsxStyle::kGeneral);
  Status WriteNumber(uint32_t row, uint32_t col, double value, XlsxStyle style = XlsxStyle::kGeneral);
  Status WriteDate(uint32_t row, uint32_t col, Date date, XlsxStyle style = XlsxStyle::kDate);
  Status WriteBoolean(uint32_t row, uint32_t col, bool value, XlsxStyle style = XlsxStyle::kGeneral);
  // An empty cell that still carries a style (a cell never written is simply absent).
  Status WriteBlank(uint32_t row, uint32_t col, XlsxStyle style);

  // Rows formatted ahead of time, possibly on other threads, by a
  // SheetXmlWriter (write/xlsx/sheet_xml.h): rows first_row..last_row of the
  // current sheet, after every row written so far, each cell's text prepared
  // with PrepareText (`truncated_cells` of them cut) and each number finite.
  // Only engines that accepts_formatted_rows() take them; the others write
  // cells one at a time.
  bool accepts_formatted_rows() const { return DoesFormattedRows(); }
  Status WriteFormattedRows(uint32_t first_row, uint32_t last_row, std::string_view xml,
                            uint64_t truncated_cells);

  // What WriteText does to text before it is written: invalid UTF-8 and NUL
  // become U+FFFD, and the text is cut to kMaxTextUnits. The result is in
  // `*text` (`*scratch` is working space); true when it was cut.
  static bool PrepareText(std::string_view in, std::string* text, std::string* scratch);
  // The number a date is written as (days since Excel's epoch), when Excel
  // can show it; WriteDate writes other dates as ISO text.
  static std::optional<double> DateSerial(Date date);

  // Writes the workbook out and makes it the destination's contents.
  Status Commit();
  // Discards the workbook; the destination is untouched. Idempotent.
  void Abandon();

  const std::filesystem::path& destination() const { return destination_; }
  // Where Commit() moved the previous file (backup only); empty when none.
  const std::filesystem::path& backup_path() const;
  // Text cells cut to kMaxTextUnits so far.
  uint64_t truncated_cells() const { return truncated_cells_; }

 protected:
  XlsxWorkbook(std::filesystem::path destination, std::unique_ptr<AtomicFile> file);

  // The engine's part. Arguments are checked (a sheet exists, cells in
  // range, valid and unique sheet names, widths in range) and text is
  // repaired, NUL-free, cut to the limit and NUL-terminated; numbers are
  // finite. A failing call's Status becomes the sticky error.
  virtual Status Start(const XlsxWorkbookOptions& options) = 0;
  virtual Status DoAddSheet(const std::string& name) = 0;
  virtual Status DoSetColumnWidth(uint32_t col, double width) = 0;
  virtual Status DoFreezeRows(uint32_t first_rows) = 0;
  virtual Status DoSetAutofilter(uint32_t first_row, uint32_t first_col, uint32_t last_row,
                                 uint32_t last_col) = 0;
  virtual Status DoWriteText(uint32_t row, uint32_t col, const std::string& text, XlsxStyle style) = 0;
  virtual Status DoWriteNumber(uint32_t row, uint32_t col, double value, XlsxStyle style) = 0;
  virtual Status DoWriteBoolean(uint32_t row, uint32_t col, bool value, XlsxStyle style) = 0;
  virtual Status DoWriteBlank(uint32_t row, uint32_t col, XlsxStyle style) = 0;
  virtual bool DoesFormattedRows() const { return false; }
  virtual Status DoWriteFormattedRows(uint32_t first_row, uint32_t last_row, std::string_view xml);
  // Writes everything out into file(); the base then commits it.
  virtual Status DoFinish() = 0;
  // Drops the engine's state without writing; called once, before the
  // temporary file is removed.
  virtual void DoAbandon() = 0;

  AtomicFile* file() const { return file_.get(); }
  const std::string& sheet_name() const { return sheet_name_; }
  // The sticky error for a failure at a cell (kNoCell: none).
  Status Fail(std::string message, uint32_t row = kNoCell, uint32_t col = kNoCell);

  static constexpr uint32_t kNoCell = UINT32_MAX;

 private:
  // Checks that a cell can be written: no earlier error, a sheet, in range.
  Status CheckCell(uint32_t row, uint32_t col);
  // Records an engine failure as the sticky error (abandoning everything).
  Status Check(Status engine_result);

  std::filesystem::path destination_;
  std::unique_ptr<AtomicFile> file_;
  std::string sheet_name_;
  std::vector<std::string> folded_sheet_names_;  // ASCII-lowercased, for the uniqueness check
  std::string text_;                             // the current cell's text, NUL-terminated
  std::string repaired_;
  uint64_t truncated_cells_ = 0;
  bool has_sheet_ = false;
  bool done_ = false;  // committed or abandoned
  Status error_;
};

}  // namespace flexpipe
