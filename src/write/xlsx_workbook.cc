#include "write/xlsx_workbook.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "write/atomic_file.h"
#include "write/utf8_repair.h"

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

const char* NumberFormatOf(XlsxStyle style) {
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

std::string ColumnName(uint32_t col) {
  char name[LXW_MAX_COL_NAME_LENGTH] = {};
  lxw_col_to_name(name, static_cast<lxw_col_t>(col), 0);
  return name;
}

}  // namespace

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
  std::unique_ptr<XlsxWorkbook> workbook(new XlsxWorkbook(destination, std::move(file)));
  FP_RETURN_IF_ERROR(workbook->Init(options));
  return workbook;
}

XlsxWorkbook::XlsxWorkbook(std::filesystem::path destination, std::unique_ptr<AtomicFile> file)
    : destination_(std::move(destination)), file_(std::move(file)) {}

XlsxWorkbook::~XlsxWorkbook() { Abandon(); }

Status XlsxWorkbook::Init(const XlsxWorkbookOptions& options) {
  lxw_workbook_options lxw_options{};
  lxw_options.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_options.use_zip64 = options.use_zip64 ? LXW_TRUE : LXW_FALSE;
  tmpdir_ = destination_.has_parent_path() ? destination_.parent_path().string() : std::string(".");
  lxw_options.tmpdir = tmpdir_.data();
  // libxlsxwriter writes to the AtomicFile's temporary file (see AtomicFile).
  workbook_ = workbook_new_opt(file_->temp_path().c_str(), &lxw_options);
  if (workbook_ == nullptr) return Fail("cannot start the workbook (out of memory or temporary files)");

  author_ = options.author;
  title_ = options.title;
  lxw_doc_properties properties{};
  properties.author = author_.empty() ? nullptr : author_.data();
  properties.title = title_.empty() ? nullptr : title_.data();
  properties.created = static_cast<time_t>(options.created_unix_seconds);
  FP_RETURN_IF_ERROR(
      Check(workbook_set_properties(workbook_, &properties), "cannot set document properties"));

  for (size_t i = 0; i < kXlsxStyleCount; ++i) {
    const auto style = static_cast<XlsxStyle>(i);
    if (style == XlsxStyle::kGeneral) continue;  // no format at all
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) return Fail("cannot add a cell format (out of memory)");
    if (style == XlsxStyle::kHeader) format_set_bold(format);
    if (const char* number_format = NumberFormatOf(style)) format_set_num_format(format, number_format);
    formats_[i] = format;
  }
  return Status::Ok();
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

Status XlsxWorkbook::Check(int lxw_result, std::string_view doing, uint32_t row, uint32_t col) {
  if (lxw_result == LXW_NO_ERROR) return Status::Ok();
  return Fail(fmt::format("{}: {}", doing, lxw_strerror(static_cast<lxw_error>(lxw_result))), row, col);
}

Status XlsxWorkbook::AddSheet(std::string_view name) {
  if (!error_.ok()) return error_;
  if (done_) return Fail("workbook already written");
  const std::string sheet_name(name);
  if (name.empty() || name.find('\0') != std::string_view::npos) return Fail("a sheet needs a name");
  FP_RETURN_IF_ERROR(Check(workbook_validate_sheet_name(workbook_, sheet_name.c_str()),
                           fmt::format("bad sheet name \"{}\"", sheet_name)));
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, sheet_name.c_str());
  if (sheet == nullptr) return Fail(fmt::format("cannot add sheet \"{}\"", sheet_name));
  sheet_ = sheet;
  sheet_name_ = sheet_name;
  return Status::Ok();
}

Status XlsxWorkbook::SetColumnWidth(uint32_t col, double width) {
  FP_RETURN_IF_ERROR(CheckCell(0, col));
  if (!(width >= 0 && width <= kMaxColumnWidth))
    return Fail(fmt::format("column width {} out of range", width));
  return Check(
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width, nullptr),
      "cannot set a column width", kNoCell, col);
}

Status XlsxWorkbook::FreezeRows(uint32_t first_rows) {
  FP_RETURN_IF_ERROR(CheckCell(first_rows, 0));
  worksheet_freeze_panes(sheet_, first_rows, 0);
  return Status::Ok();
}

Status XlsxWorkbook::SetAutofilter(uint32_t first_row, uint32_t first_col, uint32_t last_row,
                                   uint32_t last_col) {
  FP_RETURN_IF_ERROR(CheckCell(first_row, first_col));
  FP_RETURN_IF_ERROR(CheckCell(last_row, last_col));
  return Check(worksheet_autofilter(sheet_, first_row, static_cast<lxw_col_t>(first_col), last_row,
                                    static_cast<lxw_col_t>(last_col)),
               "cannot set the autofilter", first_row, first_col);
}

Status XlsxWorkbook::CheckCell(uint32_t row, uint32_t col) {
  if (!error_.ok()) return error_;
  if (done_) return Fail("workbook already written");
  if (sheet_ == nullptr) return Fail("no sheet to write to (AddSheet first)");
  if (row >= kMaxRows || col >= kMaxColumns)
    return Fail("cell beyond the sheet's last row or column", row, col);
  return Status::Ok();
}

Status XlsxWorkbook::WriteText(uint32_t row, uint32_t col, std::string_view text, XlsxStyle style) {
  FP_RETURN_IF_ERROR(CheckCell(row, col));
  text_.assign(ValidUtf8(text, &repaired_));
  for (size_t at = text_.find('\0'); at != std::string::npos; at = text_.find('\0', at)) {
    text_.replace(at, 1, kReplacementChar);
  }
  if (TruncateToUtf16Units(&text_, kMaxTextUnits)) ++truncated_cells_;
  return Check(
      worksheet_write_string(sheet_, row, static_cast<lxw_col_t>(col), text_.c_str(), FormatOf(style)),
      "cannot write a text cell", row, col);
}

Status XlsxWorkbook::WriteNumber(uint32_t row, uint32_t col, double value, XlsxStyle style) {
  if (!std::isfinite(value)) return WriteBlank(row, col, style);
  FP_RETURN_IF_ERROR(CheckCell(row, col));
  return Check(worksheet_write_number(sheet_, row, static_cast<lxw_col_t>(col), value, FormatOf(style)),
               "cannot write a number cell", row, col);
}

Status XlsxWorkbook::WriteDate(uint32_t row, uint32_t col, Date date, XlsxStyle style) {
  if (date.days < kFirstExcelDate.days || date.days > kLastExcelDate.days) {
    return WriteText(row, col, FormatIso(date), style);
  }
  return WriteNumber(row, col, static_cast<double>(date.days + kExcelEpochOffset), style);
}

Status XlsxWorkbook::WriteBoolean(uint32_t row, uint32_t col, bool value, XlsxStyle style) {
  FP_RETURN_IF_ERROR(CheckCell(row, col));
  return Check(
      worksheet_write_boolean(sheet_, row, static_cast<lxw_col_t>(col), value ? 1 : 0, FormatOf(style)),
      "cannot write a boolean cell", row, col);
}

Status XlsxWorkbook::WriteBlank(uint32_t row, uint32_t col, XlsxStyle style) {
  FP_RETURN_IF_ERROR(CheckCell(row, col));
  // libxlsxwriter skips a blank cell without a format: nothing to write then.
  if (FormatOf(style) == nullptr) return Status::Ok();
  return Check(worksheet_write_blank(sheet_, row, static_cast<lxw_col_t>(col), FormatOf(style)),
               "cannot write a blank cell", row, col);
}

Status XlsxWorkbook::Commit() {
  if (!error_.ok()) return error_;
  if (done_) return Fail("workbook already written");
  lxw_workbook* workbook = std::exchange(workbook_, nullptr);
  sheet_ = nullptr;
  const lxw_error closed = workbook_close(workbook);  // frees the workbook, success or not
  if (closed != LXW_NO_ERROR) {
    return Fail(fmt::format("cannot write the workbook: {}", lxw_strerror(closed)));
  }
  done_ = true;
  Status s = file_->Commit();
  if (!s.ok()) error_ = s;
  return s;
}

void XlsxWorkbook::Abandon() {
  if (workbook_ != nullptr) {
    lxw_workbook_free(workbook_);  // frees without writing anything
    workbook_ = nullptr;
  }
  sheet_ = nullptr;
  if (!done_) file_->Abandon();
  if (!done_ && error_.ok()) {
    error_ = Status(ErrorCode::kOutputError, "abandoned before commit",
                    Location{destination_.string(), {}, 0, {}});
  }
  done_ = true;
}

}  // namespace flexpipe
