#include "write/xlsx_workbook.h"

#include <cmath>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "core/utf8.h"
#include "read/xlsx/cell_ref.h"
#include "schema/ascii.h"
#include "write/atomic_file.h"
#include "write/utf8_repair.h"
#include "write/xlsx/lxw_workbook.h"
#include "write/xlsx/stream_workbook.h"

namespace flexpipe {
namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

// Excel's serial day numbers (1900 system): day 61 is 1900-03-01; the serial
// of a later date is its days since 1970-01-01 plus 25569. Earlier serials
// count Excel's phantom 1900-02-29, so dates before 1900-03-01 are not written
// as dates at all.
constexpr int32_t kExcelEpochOffset = 25569;
const Date kFirstExcelDate = FromCivil(1900, 3, 1);
const Date kLastExcelDate = FromCivil(9999, 12, 31);

// Length of the UTF-8 sequence led by `lead` (valid UTF-8 assumed).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Cuts valid UTF-8 `*text` to at most `max_units` UTF-16 code units at a
// character boundary; true when it cut.
bool TruncateToUtf16Units(std::string* text, size_t max_units) {
  if (text->size() <= max_units) return false;  // every character takes at least one byte per unit
  size_t units = 0;
  for (size_t i = 0; i < text->size();) {
    const size_t len = SequenceLength(static_cast<unsigned char>((*text)[i]));
    const size_t need = len == 4 ? 2 : 1;  // outside the BMP: a surrogate pair
    if (units + need > max_units) {
      text->resize(i);
      return true;
    }
    units += need;
    i += len;
  }
  return false;
}

std::string FoldAscii(std::string_view text) {
  std::string folded(text);
  for (char& c : folded) c = AsciiLower(c);
  return folded;
}

}  // namespace

const char* XlsxNumberFormat(XlsxStyle style) {
  switch (style) {
    case XlsxStyle::kMoney:
    case XlsxStyle::kInteger:
      return "#,##0";
    case XlsxStyle::kAcres:
      return "0.00##";
    case XlsxStyle::kScore:
      return "0.00";
    case XlsxStyle::kDate:
      return "yyyy-mm-dd";
    case XlsxStyle::kPlainInteger:
      return "0";
    case XlsxStyle::kGeneral:
    case XlsxStyle::kHeader:
      break;
  }
  return nullptr;
}

Result<std::unique_ptr<XlsxWorkbook>> XlsxWorkbook::Create(FileSystem* fs,
                                                           const std::filesystem::path& destination,
                                                           const XlsxWorkbookOptions& options,
                                                           std::string backup_stamp) {
  if (options.created_unix_seconds <= 0) {
    return Status(ErrorCode::kInvalidArgument, "workbook creation time must be positive",
                  Location{destination.string(), {}, 0, {}});
  }
  FP_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::Create(fs, destination));
  if (!backup_stamp.empty()) file->KeepExistingAsBackup(std::move(backup_stamp));
  std::unique_ptr<XlsxWorkbook> workbook;
  if (options.engine == XlsxEngine::kLibxlsxwriter) {
    workbook = NewLibxlsxwriterWorkbook(destination, std::move(file));
  } else {
    workbook = NewStreamingWorkbook(destination, std::move(file));
  }
  FP_RETURN_IF_ERROR(workbook->Check(workbook->Start(options)));
  return workbook;
}

XlsxWorkbook::XlsxWorkbook(std::filesystem::path destination, std::unique_ptr<AtomicFile> file)
    : destination_(std::move(destination)), file_(std::move(file)) {}

// Derived classes call Abandon() in their own destructors, while their
// engine is still alive; this one only makes sure the file goes.
XlsxWorkbook::~XlsxWorkbook() {
  if (!done_) file_->Abandon();
}

const std::filesystem::path& XlsxWorkbook::backup_path() const { return file_->backup_path(); }

Status XlsxWorkbook::Fail(std::string message, uint32_t row, uint32_t col) {
  if (!error_.ok()) return error_;
  Location where{destination_.string(), sheet_name_, row == kNoCell ? 0 : uint64_t{row} + 1,
                 col == kNoCell ? std::string() : ColumnName(col)};
  const Status error(ErrorCode::kOutputError, std::move(message), std::move(where));
  Abandon();
  error_ = error;
  return error_;
}

Status XlsxWorkbook::Check(Status engine_result) {
  if (engine_result.ok()) return engine_result;
  if (!error_.ok()) return error_;
  if (engine_result.location().file.empty()) {
    return Fail(engine_result.message(), kNoCell, kNoCell);
  }
  Abandon();
  error_ = std::move(engine_result);
  return error_;
}

Status XlsxWorkbook::AddSheet(std::string_view name) {
  if (!error_.ok()) return error_;
  if (done_) return Fail("workbook already written");
  const std::string sheet_name(name);
  if (name.empty() || name.find('\0') != std::string_view::npos) return Fail("a sheet needs a name");
  if (Utf8Chars(name) > kMaxSheetNameChars) {
    return Fail(
        fmt::format("bad sheet name \"{}\": longer than {} characters", sheet_name, kMaxSheetNameChars));
  }
  if (name.find_first_of("[]:*?/\\") != std::string_view::npos) {
    return Fail(fmt::format("bad sheet name \"{}\": it may not contain any of []:*?/\\", sheet_name));
  }
  if (name.front() == '\'' || name.back() == '\'') {
    return Fail(fmt::format("bad sheet name \"{}\": it may not begin or end with an apostrophe", sheet_name));
  }
  std::string folded = FoldAscii(name);
  for (const std::string& other : folded_sheet_names_) {
    if (other == folded)
      return Fail(fmt::format("bad sheet name \"{}\": a sheet of that name exists", sheet_name));
  }
  FP_RETURN_IF_ERROR(Check(DoAddSheet(sheet_name)));
  folded_sheet_names_.push_back(std::move(folded));
  sheet_name_ = sheet_name;
  has_sheet_ = true;
  return Status::Ok();
}

Status XlsxWorkbook::SetColumnWidth(uint32_t col, double width) {
  FP_RETURN_IF_ERROR(CheckCell(0, col));
  if (!(width >= 0 && width <= kMaxColumnWidth))
    return Fail(fmt::format("column width {} out of range", width));
  return Check(DoSetColumnWidth(col, width));
}

Status XlsxWorkbook::FreezeRows(uint32_t first_rows) {
  FP_RETURN_IF_ERROR(CheckCell(first_rows, 0));
  return Check(DoFreezeRows(first_rows));
}

Status XlsxWorkbook::SetAutofilter(uint32_t first_row, uint32_t first_col, uint32_t last_row,
                                   uint32_t last_col) {
  FP_RETURN_IF_ERROR(CheckCell(first_row, first_col));
  FP_RETURN_IF_ERROR(CheckCell(last_row, last_col));
  if (last_row < first_row || last_col < first_col)
    return Fail("autofilter range is inverted", first_row, first_col);
  return Check(DoSetAutofilter(first_row, first_col, last_row, last_col));
}

Status XlsxWorkbook::CheckCell(uint32_t row, uint32_t col) {
  if (!error_.ok()) return error_;
  if (done_) return Fail("workbook already written");
  if (!has_sheet_) return Fail("no sheet to write to (AddSheet first)");
  if (row >= kMaxRows || col >= kMaxColumns)
    return Fail("cell beyond the sheet's last row or column", row, col);
  return Status::Ok();
}

bool XlsxWorkbook::PrepareText(std::string_view in, std::string* text, std::string* scratch) {
  text->assign(ValidUtf8(in, scratch));
  for (size_t at = text->find('\0'); at != std::string::npos; at = text->find('\0', at)) {
    text->replace(at, 1, kReplacementChar);
  }
  return TruncateToUtf16Units(text, kMaxTextUnits);
}

std::optional<double> XlsxWorkbook::DateSerial(Date date) {
  if (date.days < kFirstExcelDate.days || date.days > kLastExcelDate.days) return std::nullopt;
  return static_cast<double>(date.days + kExcelEpochOffset);
}

Status XlsxWorkbook::WriteText(uint32_t row, uint32_t col, std::string_view text, XlsxStyle style) {
  FP_RETURN_IF_ERROR(CheckCell(row, col));
  if (PrepareText(text, &text_, &repaired_)) ++truncated_cells_;
  return Check(DoWriteText(row, col, text_, style));
}

Status XlsxWorkbook::WriteFormattedRows(uint32_t first_row, uint32_t last_row, std::string_view xml,
                                        uint64_t truncated_cells) {
  FP_RETURN_IF_ERROR(CheckCell(first_row, 0));
  FP_RETURN_IF_ERROR(CheckCell(last_row, 0));
  if (last_row < first_row) return Fail("formatted rows are inverted", first_row);
  truncated_cells_ += truncated_cells;
  return Check(DoWriteFormattedRows(first_row, last_row, xml));
}

Status XlsxWorkbook::DoWriteFormattedRows(uint32_t first_row, uint32_t /*last_row*/,
                                          std::string_view /*xml*/) {
  return Fail("this workbook engine takes cells one at a time", first_row);
}

Status XlsxWorkbook::WriteNumber(uint32_t row, uint32_t col, double value, XlsxStyle style) {
  if (!std::isfinite(value)) return WriteBlank(row, col, style);
  FP_RETURN_IF_ERROR(CheckCell(row, col));
  return Check(DoWriteNumber(row, col, value, style));
}

Status XlsxWorkbook::WriteDate(uint32_t row, uint32_t col, Date date, XlsxStyle style) {
  if (const auto serial = DateSerial(date)) return WriteNumber(row, col, *serial, style);
  return WriteText(row, col, FormatIso(date), style);
}

Status XlsxWorkbook::WriteBoolean(uint32_t row, uint32_t col, bool value, XlsxStyle style) {
  FP_RETURN_IF_ERROR(CheckCell(row, col));
  return Check(DoWriteBoolean(row, col, value, style));
}

Status XlsxWorkbook::WriteBlank(uint32_t row, uint32_t col, XlsxStyle style) {
  FP_RETURN_IF_ERROR(CheckCell(row, col));
  if (style == XlsxStyle::kGeneral) return Status::Ok();  // an unstyled blank cell is no cell
  return Check(DoWriteBlank(row, col, style));
}

Status XlsxWorkbook::Commit() {
  if (!error_.ok()) return error_;
  if (done_) return Fail("workbook already written");
  FP_RETURN_IF_ERROR(Check(DoFinish()));
  done_ = true;
  Status s = file_->Commit();
  if (!s.ok()) error_ = s;
  return s;
}

void XlsxWorkbook::Abandon() {
  if (!done_) {
    DoAbandon();
    file_->Abandon();
    if (error_.ok()) {
      error_ = Status(ErrorCode::kOutputError, "abandoned before commit",
                      Location{destination_.string(), {}, 0, {}});
    }
  }
  done_ = true;
}

}  // namespace flexpipe
