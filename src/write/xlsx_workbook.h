// A small workbook writer over libxlsxwriter: sheets, typed cells, a fixed
// set of number formats, a frozen header, an autofilter and column widths.
//
// Written whole or not at all, like every output (write/atomic_file.h):
// libxlsxwriter writes the workbook by file name, so it writes the
// AtomicFile's hidden temporary file in the destination's folder; Commit()
// closes the workbook, fsyncs that file, renames it over the destination and
// fsyncs the folder, all through the FileSystem. A workbook destroyed or
// abandoned before Commit() leaves the destination as it was and no
// temporary file behind.
//
// Cells:
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
// With constant_memory (the default) rows of a sheet must come in order and
// memory stays flat whatever the size; strings are stored in their cells
// ("inline strings"). Without it, cells may come in any order, strings go
// into one shared-string table (as Excel saves them), and the whole workbook
// is held in memory until Commit().
//
// libxlsxwriter's own scratch files (the sheets' XML in constant-memory mode)
// go in the destination's folder too, not in /tmp, which is often a RAM
// disk; each is unlinked the moment it is created.
//
// The same calls always give the same bytes: the creation time recorded in
// docProps/core.xml is XlsxWorkbookOptions::created, never the clock, and
// libxlsxwriter dates every ZIP entry 1980-01-01.
//
// Errors are Status values with the destination, sheet, row and column
// (kOutputError); they are sticky: after the first one every call returns it
// and Commit() abandons the workbook. One thread at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/env.h"
#include "flexpipe/status.h"

// libxlsxwriter's types, kept out of this header.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

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

struct XlsxWorkbookOptions {
  // Rows in order, flat memory, inline strings (see above). Default: true.
  bool constant_memory = true;
  // ZIP64 extensions, needed when a sheet's XML passes 4 GB (some 25 million
  // cells); off by default because older Excel versions warn about them.
  // Default: false.
  bool use_zip64 = false;
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
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // Adds a sheet after the others; later calls apply to it. A name has 1 to 31
  // characters, none of []:*?/\, does not begin or end with ', and differs
  // (ignoring case) from every other sheet's.
  Status AddSheet(std::string_view name);

  // The current sheet's layout. Widths are in characters of the default
  // font (0 to 255). `first_rows` rows stay in view when scrolling (1 = a
  // frozen header row). The autofilter covers the given range (0-based,
  // inclusive); it may be set at any time.
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

  // Writes the workbook out and makes it the destination's contents.
  Status Commit();
  // Discards the workbook; the destination is untouched. Idempotent.
  void Abandon();

  const std::filesystem::path& destination() const { return destination_; }
  // Where Commit() moved the previous file (backup only); empty when none.
  const std::filesystem::path& backup_path() const;
  // Text cells cut to kMaxTextUnits so far.
  uint64_t truncated_cells() const { return truncated_cells_; }

 private:
  XlsxWorkbook(std::filesystem::path destination, std::unique_ptr<AtomicFile> file);

  Status Init(const XlsxWorkbookOptions& options);
  // Checks that a cell can be written: no earlier error, a sheet, in range.
  Status CheckCell(uint32_t row, uint32_t col);
  // Turns a libxlsxwriter result into the sticky error (abandoning everything).
  Status Check(int lxw_result, std::string_view doing, uint32_t row = kNoCell, uint32_t col = kNoCell);
  Status Fail(std::string message, uint32_t row = kNoCell, uint32_t col = kNoCell);
  lxw_format* FormatOf(XlsxStyle style) const { return formats_[static_cast<size_t>(style)]; }

  static constexpr uint32_t kNoCell = UINT32_MAX;

  std::filesystem::path destination_;
  std::unique_ptr<AtomicFile> file_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  std::string sheet_name_;
  lxw_format* formats_[kXlsxStyleCount] = {};
  std::string author_, title_, tmpdir_;  // libxlsxwriter may keep pointers until close
  std::string text_;                     // the current cell's text, NUL-terminated
  std::string repaired_;
  uint64_t truncated_cells_ = 0;
  bool done_ = false;  // committed or abandoned
  Status error_;
};

}  // namespace flexpipe
